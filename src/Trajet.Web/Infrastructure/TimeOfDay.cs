using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Trajet.Web.Infrastructure;

/// <summary>A JSON value that is there but not readable, with the message the caller sees beside the field.</summary>
public sealed class FieldValueException(string message) : JsonException(message);

/// <summary>Times of day as the API reads them: "09:30" (seconds allowed, "9:30" too); a blank is no time.</summary>
public sealed class TimeOfDayJson : JsonConverter<TimeOnly?>
{
    public const string Message = "Give a time as HH:mm, e.g. 09:30.";
    private static readonly string[] Formats = ["HH:mm", "HH:mm:ss", "H:mm"];

    public override TimeOnly? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : throw new FieldValueException(Message);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        return TimeOnly.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw new FieldValueException(Message);
    }

    public override void Write(Utf8JsonWriter writer, TimeOnly? value, JsonSerializerOptions options)
    {
        if (value is { } time)
        {
            writer.WriteStringValue(time.ToString("HH:mm:ss", CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
