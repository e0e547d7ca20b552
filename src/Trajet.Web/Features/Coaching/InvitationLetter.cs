using System.Globalization;

namespace Trajet.Web.Features.Coaching;

/// <summary>
/// The invitation letter in French, Dutch or English: one template whose sentences are UI texts, read in the reader's
/// language, whatever language the coach works in. Pure but for the localizer.
/// </summary>
public static class InvitationLetter
{
    public sealed record Facts(
        string Language, string Addressee, string Organisation, string CaseNumber, DateOnly IssuedOn,
        DateOnly Date, TimeOnly Start, string PlaceName, string? Address, string? Contact);

    public sealed record Letter(string Language, string Addressee, string Dated, string Subject, string Salutation, IReadOnlyList<string> Paragraphs, string Closing, string Signature);

    public static bool IsSupported(string language) => Localization.Cultures.Contains(language);

    /// <summary>"mercredi 2 décembre 2026", "woensdag 2 december 2026", "Wednesday 2 December 2026".</summary>
    public static string LongDate(string language, DateOnly date) => date.ToString("dddd d MMMM yyyy", Localization.ReaderCulture(language));

    public static Letter Compose(Facts f, IStringLocalizer<SharedResource> l)
    {
        var culture = Localization.ReaderCulture(f.Language);
        // In the reader's language, whatever the coach works in.
        return Localization.InLanguage(f.Language, () =>
        {
            var place = string.IsNullOrWhiteSpace(f.Address) ? f.PlaceName : $"{f.PlaceName}, {f.Address}";
            var paragraphs = new List<string>
            {
                string.Format(culture, l["The {0} invites you to an interview with a coach in your region. Together we will review your administrative situation and the durable solutions open to you."], f.Organisation),
                string.Format(culture, l["Date and time: {0} at {1}."], LongDate(f.Language, f.Date), f.Start.ToString("HH:mm", CultureInfo.InvariantCulture)),
                string.Format(culture, l["Place: {0}."], place),
                l["Please bring an identity document and all the papers about your stay (decisions, letters, appeals)."],
                l["If you need an interpreter, please let us know in advance."],
                string.IsNullOrWhiteSpace(f.Contact)
                    ? l["If you cannot come on that date, contact us to agree on another appointment."]
                    : string.Format(culture, l["If you cannot come on that date, contact us to agree on another appointment: {0}."], f.Contact),
                string.Format(culture, l["Reference: {0}"], f.CaseNumber),
            };
            return new Letter(f.Language, f.Addressee, LongDate(f.Language, f.IssuedOn), l["Invitation to an interview"], l["Dear Sir or Madam,"],
                paragraphs, l["Yours faithfully,"], f.Organisation);
        });
    }
}
