namespace Trajet.Web.Features.Shared;

/// <summary>
/// The French, Dutch and English fields of a configured text (_Languages.cshtml): posted as <c>{Name}.Fr</c>,
/// <c>{Name}.Nl</c>, <c>{Name}.En</c>, bound to a <see cref="LocalizedText"/>.
/// </summary>
public sealed record LanguageFields(string Name, string Id, LocalizedText? Value, int MaxLength, bool Multiline = false)
{
    public static readonly IReadOnlyList<(string Code, string Property, string Label)> Languages =
        [("fr", "Fr", "Français"), ("nl", "Nl", "Nederlands"), ("en", "En", "English")];

    public bool HasAny => Languages.Any(l => !string.IsNullOrWhiteSpace(Value?.In(l.Code)));
}
