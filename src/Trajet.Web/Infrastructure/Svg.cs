using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Trajet.Web.Infrastructure;

/// <summary>SVG text for server-drawn charts (Razor reserves the &lt;text&gt; tag).</summary>
public static class Svg
{
    public static IHtmlContent Text(double x, double y, string cssClass, string content) =>
        new HtmlString(string.Create(CultureInfo.InvariantCulture,
            $"<text x=\"{x:0.##}\" y=\"{y:0.##}\" class=\"{HtmlEncoder.Default.Encode(cssClass)}\">{HtmlEncoder.Default.Encode(content)}</text>"));
}
