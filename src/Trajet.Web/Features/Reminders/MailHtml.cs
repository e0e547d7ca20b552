using System.Globalization;
using System.Net;
using System.Text;

namespace Trajet.Web.Features.Reminders;

/// <summary>The frame every HTML mail of Trajet shares: one readable column, styles inline (mail readers drop the rest).</summary>
public static class MailHtml
{
    public static StringBuilder Begin(string language, string title) => new StringBuilder()
        .Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html lang=\"{E(language)}\"><head><meta charset=\"utf-8\"><title>{E(title)}</title></head>")
        .Append("<body style=\"font-family:system-ui,sans-serif;color:#1a1a1a;max-width:40em;margin:1em auto;padding:0 1em\">");

    public const string End = "</body></html>";

    public static string E(string s) => WebUtility.HtmlEncode(s);
}
