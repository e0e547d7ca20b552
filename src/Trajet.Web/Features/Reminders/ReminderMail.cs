using System.Globalization;
using System.Text;

namespace Trajet.Web.Features.Reminders;

/// <summary>
/// A digest or an escalation as text and HTML, lines grouped by day. Pure but for the localizer. A line holds a case
/// number, what falls due and a link; what could identify a person never reaches this class.
/// </summary>
public static class ReminderMail
{
    public sealed record Line(DateOnly Day, string CaseNumber, string What, string Link);

    public sealed record Content(string Subject, string Text, string Html);

    /// <summary>Days in order, overdue ones first under one heading; lines of a day by case number.</summary>
    public static IReadOnlyList<(string Heading, IReadOnlyList<Line> Lines)> Group(IEnumerable<Line> lines, DateOnly today, string language, IStringLocalizer l)
    {
        var culture = Localization.ReaderCulture(language);
        return lines.OrderBy(x => x.Day).ThenBy(x => x.CaseNumber, StringComparer.Ordinal)
            .GroupBy(x => x.Day < today ? today.AddDays(-1) : x.Day)
            .Select(g => (g.Key < today ? l["Past due"].Value
                : g.Key == today ? l["Today"].Value
                : g.Key == today.AddDays(1) ? l["Tomorrow"].Value
                : g.Key.ToString("dddd d MMMM", culture), (IReadOnlyList<Line>)g.ToList()))
            .ToList();
    }

    /// <summary>
    /// Writes the mail in <paramref name="language"/>: the localizer reads the current UI culture, which is the reader's
    /// while the mail is written.
    /// </summary>
    public static Content Compose(MailKind kind, IReadOnlyList<Line> lines, DateOnly today, string language, string settingsLink, IStringLocalizer l)
    {
        var culture = Localization.ReaderCulture(language);
        return Localization.InLanguage(language, () =>
        {
            var subject = kind == MailKind.Escalation
                ? string.Format(culture, l["Trajet: {0} legal deadlines still open"], lines.Count)
                : string.Format(culture, l["Trajet: {0} things due, {1}"], lines.Count, today.ToString("d MMMM", culture));
            var intro = kind == MailKind.Escalation
                ? l["These legal deadlines of your programme fall due soon and nothing has been recorded on the case since. Please check that someone acts on them."].Value
                : l["What falls due in your cases. Open a line in Trajet to see the case."].Value;
            var footer = string.Format(culture, l["You receive this e-mail because reminders are on in your Trajet account. To change their hour or turn them off: {0}"], settingsLink);
            var groups = Group(lines, today, language, l);

            var text = new StringBuilder().AppendLine(intro).AppendLine();
            foreach (var (heading, dayLines) in groups)
            {
                text.AppendLine(heading);
                foreach (var line in dayLines)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"- {line.CaseNumber}: {line.What} ({line.Day.ToString("d", culture)})")
                        .AppendLine(CultureInfo.InvariantCulture, $"  {line.Link}");
                }
                text.AppendLine();
            }
            text.AppendLine("--").AppendLine(footer);

            var html = MailHtml.Begin(language, subject)
                .Append(CultureInfo.InvariantCulture, $"<h1 style=\"font-size:1.25em\">{E(subject)}</h1><p>{E(intro)}</p>");
            foreach (var (heading, dayLines) in groups)
            {
                html.Append(CultureInfo.InvariantCulture, $"<h2 style=\"font-size:1.05em;margin-top:1.25em;border-bottom:1px solid #ccc\">{E(heading)}</h2><ul style=\"padding-left:1.2em\">");
                foreach (var line in dayLines)
                {
                    html.Append(CultureInfo.InvariantCulture,
                        $"<li style=\"margin:.35em 0\"><a href=\"{E(line.Link)}\" style=\"font-weight:600\">{E(line.CaseNumber)}</a> · {E(line.What)} <span style=\"color:#555\">({E(line.Day.ToString("d", culture))})</span></li>");
                }
                html.Append("</ul>");
            }
            var footerHtml = E(l["You receive this e-mail because reminders are on in your Trajet account. To change their hour or turn them off: {0}"])
                .Replace("{0}", $"<a href=\"{E(settingsLink)}\">{E(settingsLink)}</a>", StringComparison.Ordinal);
            html.Append(CultureInfo.InvariantCulture, $"<hr><p style=\"color:#555;font-size:.9em\">{footerHtml}</p>{MailHtml.End}");
            return new Content(subject, text.ToString(), html.ToString());
        });
    }

    private static string E(string s) => MailHtml.E(s);
}
