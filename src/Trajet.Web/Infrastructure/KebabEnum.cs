namespace Trajet.Web.Infrastructure;

/// <summary>Enum values as the API writes them: <c>DontKnow</c> ↔ <c>dont-know</c>.</summary>
public static class KebabEnum
{
    public static string ToKebab<T>(this T value) where T : struct, Enum => Api.EnumNaming.ConvertName(value.ToString());

    /// <summary>An enum value whose type is known only when the program runs (a column read from the EF model).</summary>
    public static string ToKebab(this Enum value) => Api.EnumNaming.ConvertName(value.ToString());

    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(candidate.ToKebab(), text, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>Parses a required field, adding an error naming it and the accepted values when wrong.</summary>
    public static T? Parse<T>(string? text, string field, List<FieldError> errors) where T : struct, Enum
    {
        if (TryParse<T>(text, out var value))
        {
            return value;
        }
        errors.Add(FieldError.NotAccepted(field));
        return null;
    }
}
