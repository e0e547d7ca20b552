using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Trajet.Web.Infrastructure;

/// <summary>A validation failure of one field; the message is the English text, which is also its translation key.</summary>
public sealed record FieldError(string Field, string Message)
{
    public const string NotAcceptedMessage = "The value is not one of the accepted values.";

    /// <summary>A value outside a fixed list (or missing where the list has no blank).</summary>
    public static FieldError NotAccepted(string field) => new(field, NotAcceptedMessage);
}

public static class FieldErrorExtensions
{
    /// <summary>A 400 problem naming each field, in the caller's language.</summary>
    public static ValidationProblem ToProblem(this IEnumerable<FieldError> errors, IStringLocalizer localizer) =>
        TypedResults.ValidationProblem(
            errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => localizer[e.Message].Value).ToArray()),
            title: localizer["Some fields are not valid."]);

    /// <summary>The same failures on a form: API field names are mapped to the page's Input.* names.</summary>
    public static void AddTo(this IEnumerable<FieldError> errors, ModelStateDictionary modelState, IStringLocalizer localizer, string prefix = "Input")
    {
        foreach (var error in errors)
        {
            var field = string.Concat(error.Field.Split('.').Select(p => char.ToUpperInvariant(p[0]) + p[1..]).Select((p, i) => i == 0 ? p : "." + p));
            modelState.AddModelError(prefix.Length == 0 ? field : $"{prefix}.{field}", localizer[error.Message]);
        }
    }
}
