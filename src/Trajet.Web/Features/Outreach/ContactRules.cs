using System.Text.Json;
using System.Text.Json.Serialization;

namespace Trajet.Web.Features.Outreach;

/// <summary>What a contact must satisfy before it is saved. Pure: no database, no HTTP.</summary>
public static class ContactRules
{
    public sealed record Facts(
        DateOnly? Date, string? Nickname, string? Phone, string? Nationality, string? Language,
        IReadOnlyCollection<InformationTopic> Information, string? InformationOther, IReadOnlyCollection<OrientationService> Orientation, bool HasPartner);

    public const string NothingHappened = "Nothing happened: tick the information given or an orientation, or do not record this contact.";

    public static List<FieldError> Validate(Facts facts, DateOnly today)
    {
        var errors = new List<FieldError>();
        if (facts.Date is not { } date)
        {
            errors.Add(new("date", "The date is required."));
        }
        else if (date > today)
        {
            errors.Add(new("date", "A contact cannot be in the future."));
        }
        if (facts.Information.Count == 0 && facts.Orientation.Count == 0)
        {
            errors.Add(new("informationGiven", NothingHappened));
        }
        if (facts.HasPartner && facts.Orientation.Count == 0)
        {
            errors.Add(new("orientation", "Choose the service the person was oriented to with the partner."));
        }
        if (facts.Nickname?.Trim().Length > 100)
        {
            errors.Add(new("nickname", "At most 100 characters."));
        }
        if (facts.Phone?.Trim().Length > 50)
        {
            errors.Add(new("phone", "At most 50 characters."));
        }
        if (facts.InformationOther?.Trim().Length > 200)
        {
            errors.Add(new("informationOther", "At most 200 characters."));
        }
        if (facts.Nationality is { Length: > 0 } nationality && !Codes.IsNationality(nationality))
        {
            errors.Add(new("nationality", "Unknown nationality: use ISO 3166-1 alpha-2 (e.g. SD), stateless or unknown."));
        }
        if (facts.Language is { Length: > 0 } language && !Codes.IsLanguage(language))
        {
            errors.Add(new("language", "Unknown language code: use ISO 639-1 (e.g. hy, ru)."));
        }
        return errors;
    }

    /// <summary>Stored form of a set of enum values: comma-separated kebab-case names in declaration order.</summary>
    public static string Join<T>(IEnumerable<T> values) where T : struct, Enum =>
        string.Join(',', values.Distinct().Order().Select(v => v.ToKebab()));

    public static List<T> Split<T>(string stored) where T : struct, Enum =>
        stored.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => KebabEnum.TryParse<T>(s, out var v) ? v : (T?)null)
            .Where(v => v is not null).Select(v => v!.Value).ToList();
}

/// <summary>A list of kebab-case enum values; a refused value names the list ("informationGiven"), not its index, as the API always has.</summary>
public sealed class KebabListJson<T> : JsonConverter<IReadOnlyList<T>> where T : struct, Enum
{
    public override IReadOnlyList<T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException();
        }
        var values = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            values.Add(reader.TokenType == JsonTokenType.String && KebabEnum.TryParse<T>(reader.GetString(), out var value) ? value : throw new JsonException());
        }
        return values;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<T> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var item in value)
        {
            writer.WriteStringValue(item.ToKebab());
        }
        writer.WriteEndArray();
    }
}
