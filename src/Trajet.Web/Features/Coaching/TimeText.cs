using System.Globalization;

namespace Trajet.Web.Features.Coaching;

/// <summary>Times of day as the API writes them: "09:30" (seconds allowed).</summary>
public static class TimeText
{
    private static readonly string[] Formats = ["HH:mm", "HH:mm:ss", "H:mm"];

    public static TimeOnly? Parse(string? text, string field, List<FieldError> errors, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                errors.Add(new(field, "Give a time as HH:mm, e.g. 09:30."));
            }
            return null;
        }
        if (TimeOnly.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }
        errors.Add(new(field, "Give a time as HH:mm, e.g. 09:30."));
        return null;
    }
}
