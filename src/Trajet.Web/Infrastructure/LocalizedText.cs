using System.Globalization;

namespace Trajet.Web.Infrastructure;

/// <summary>
/// A configured text (a criterion, a rule, a desk's or a place's name) written once per UI language. The record's own
/// column stays its default: the text of older data and of API clients that send one language only.
/// Owned by each record (one instance per owner, never shared); pure otherwise.
/// </summary>
public sealed class LocalizedText
{
    public string? Fr { get; set; }
    public string? Nl { get; set; }
    public string? En { get; set; }

    /// <summary>The text written for this language (fr, nl, en), or null.</summary>
    public string? In(string language) => language switch
    {
        "fr" => Fr,
        "nl" => Nl,
        "en" => En,
        _ => null,
    };

    /// <summary>The text in the language if there is one, else the default, else whichever text there is.</summary>
    public string For(string language, string? fallback) =>
        Filled(In(language)) ?? Filled(fallback) ?? Filled(Fr) ?? Filled(Nl) ?? Filled(En) ?? "";

    public string For(CultureInfo culture, string? fallback) => For(culture.TwoLetterISOLanguageName, fallback);

    /// <summary>In the language of the page being written.</summary>
    public string ForUi(string? fallback) => For(CultureInfo.CurrentUICulture, fallback);

    /// <summary>The texts as typed, trimmed, blanks as none: a new instance for one owner.</summary>
    public static LocalizedText From(LocalizedText? typed) => new LocalizedText().Write(typed);

    /// <summary>Replaces this owner's texts with those typed, trimmed, blanks as none.</summary>
    public LocalizedText Write(LocalizedText? typed)
    {
        Fr = Filled(typed?.Fr)?.Trim();
        Nl = Filled(typed?.Nl)?.Trim();
        En = Filled(typed?.En)?.Trim();
        return this;
    }

    /// <summary>A text too long in any language, named as the form and the API name it (<c>names.fr</c>); the message is a UI text.</summary>
    public static List<FieldError> Validate(LocalizedText? typed, string field, int maxLength, string message)
    {
        var errors = new List<FieldError>();
        foreach (var (language, text) in new[] { ("fr", typed?.Fr), ("nl", typed?.Nl), ("en", typed?.En) })
        {
            if (text?.Trim().Length > maxLength)
            {
                errors.Add(new($"{field}.{language}", message));
            }
        }
        return errors;
    }

    private static string? Filled(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
