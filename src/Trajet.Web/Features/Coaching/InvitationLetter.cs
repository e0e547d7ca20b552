namespace Trajet.Web.Features.Coaching;

/// <summary>
/// The invitation letter in French, Dutch or English. Written here rather than in the interface's
/// resources: the letter is in the reader's language, whatever language the coach works in. Pure.
/// </summary>
public static class InvitationLetter
{
    public sealed record Facts(
        string Language, string Addressee, string Organisation, string CaseNumber, DateOnly IssuedOn,
        DateOnly Date, TimeOnly Start, string PlaceName, string? Address, string? Contact);

    public sealed record Letter(string Language, string Addressee, string Dated, string Subject, string Salutation, IReadOnlyList<string> Paragraphs, string Closing, string Signature);

    private sealed record Texts(
        string Culture, string At, string Subject, string Salutation, string Intro,
        string When, string Where, string Bring, string Interpreter, string Contact, string NoContact, string Reference, string Closing);

    private static readonly Dictionary<string, Texts> Languages = new()
    {
        ["fr"] = new(
            "fr-BE", "à",
            "Invitation à un entretien",
            "Madame, Monsieur,",
            "Le service {0} vous invite à un entretien avec un coach dans votre région. Ensemble, nous ferons le point sur votre situation administrative et sur les solutions durables possibles pour vous.",
            "Date et heure : {0} {1} {2}.",
            "Lieu : {0}.",
            "Merci d'apporter une pièce d'identité et tous les documents relatifs à votre séjour (décisions, courriers, recours).",
            "Si vous avez besoin d'un interprète, prévenez-nous à l'avance.",
            "Si vous ne pouvez pas venir à cette date, contactez-nous pour convenir d'un autre rendez-vous : {0}.",
            "Si vous ne pouvez pas venir à cette date, contactez-nous pour convenir d'un autre rendez-vous.",
            "Référence : {0}",
            "Veuillez agréer, Madame, Monsieur, nos salutations distinguées."),
        ["nl"] = new(
            "nl-BE", "om",
            "Uitnodiging voor een gesprek",
            "Geachte mevrouw, geachte heer,",
            "De dienst {0} nodigt u uit voor een gesprek met een coach in uw regio. Samen bekijken we uw administratieve situatie en de duurzame oplossingen die voor u mogelijk zijn.",
            "Datum en uur: {0} {1} {2}.",
            "Plaats: {0}.",
            "Breng een identiteitsdocument mee en alle documenten over uw verblijf (beslissingen, brieven, beroepen).",
            "Hebt u een tolk nodig, laat het ons dan vooraf weten.",
            "Kunt u op die datum niet komen? Neem dan contact met ons op voor een andere afspraak: {0}.",
            "Kunt u op die datum niet komen? Neem dan contact met ons op voor een andere afspraak.",
            "Referentie: {0}",
            "Met vriendelijke groeten,"),
        ["en"] = new(
            "en-GB", "at",
            "Invitation to an interview",
            "Dear Sir or Madam,",
            "The {0} invites you to an interview with a coach in your region. Together we will review your administrative situation and the durable solutions open to you.",
            "Date and time: {0} {1} {2}.",
            "Place: {0}.",
            "Please bring an identity document and all the papers about your stay (decisions, letters, appeals).",
            "If you need an interpreter, please let us know in advance.",
            "If you cannot come on that date, contact us to agree on another appointment: {0}.",
            "If you cannot come on that date, contact us to agree on another appointment.",
            "Reference: {0}",
            "Yours faithfully,"),
    };

    public static bool IsSupported(string language) => Languages.ContainsKey(language);

    /// <summary>"mercredi 2 décembre 2026", "woensdag 2 december 2026", "Wednesday 2 December 2026".</summary>
    public static string LongDate(string language, DateOnly date) =>
        date.ToString("dddd d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo(Languages[language].Culture));

    public static Letter Compose(Facts f)
    {
        var t = Languages[f.Language];
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var place = string.IsNullOrWhiteSpace(f.Address) ? f.PlaceName : $"{f.PlaceName}, {f.Address}";
        var paragraphs = new List<string>
        {
            string.Format(inv, t.Intro, f.Organisation),
            string.Format(inv, t.When, LongDate(f.Language, f.Date), t.At, f.Start.ToString("HH:mm", inv)),
            string.Format(inv, t.Where, place),
            t.Bring,
            t.Interpreter,
            string.IsNullOrWhiteSpace(f.Contact) ? t.NoContact : string.Format(inv, t.Contact, f.Contact),
            string.Format(inv, t.Reference, f.CaseNumber),
        };
        return new Letter(f.Language, f.Addressee, LongDate(f.Language, f.IssuedOn), t.Subject, t.Salutation, paragraphs, t.Closing, f.Organisation);
    }
}
