using Microsoft.AspNetCore.Localization;

namespace Trajet.Web.Infrastructure;

/// <summary>
/// The words of a CSV or XLSX export. Column and sheet names are always in the reader's language (in English, the
/// names docs/api.md gives). Codes (<c>dont-know</c>, <c>group1</c>) are written as the pages label them when the
/// request names a language — the UI's language cookie, <c>Accept-Language</c>, <c>?culture=</c> — and stay the API's
/// codes for a client that names none, so that scripts reading the files keep working.
/// </summary>
public sealed class ExportWords(IStringLocalizer l, bool labels)
{
    public IStringLocalizer L => l;

    /// <summary>Whether codes are written as their labels.</summary>
    public bool Labels => labels;

    public static ExportWords Of(HttpContext http, IStringLocalizer l) =>
        new(l, http.Features.Get<IRequestCultureFeature>()?.Provider is not null);

    /// <summary>The code, or its label for a reader who named their language.</summary>
    public string Code(string code, Func<IStringLocalizer, string> label) => labels ? label(l) : code;
}
