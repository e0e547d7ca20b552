using Trajet.Web.Features.Coaching;

namespace Trajet.Tests.Features.Coaching;

/// <summary>The whole letter, word for word, in each language: where its sentences are kept must not change what it says.</summary>
public sealed class InvitationLetterTextTests
{
    private static string Whole(InvitationLetter.Letter letter) =>
        string.Join("\n", [letter.Language, letter.Addressee, letter.Dated, letter.Subject, letter.Salutation, .. letter.Paragraphs, letter.Closing, letter.Signature]);

    private static string Full(string language) => Whole(InvitationLetter.Compose(new(
        language, "Kwame Mensah", "ATD Department", "IC-2026-0005", new DateOnly(2026, 11, 22),
        new DateOnly(2026, 12, 2), new TimeOnly(10, 0), "Brussels desk", "Boulevard Pachéco 44, 1000 Brussels", "+32 2 000 00 00"), InvitationLetterTests.Texts));

    private static string Bare(string language) => Whole(InvitationLetter.Compose(new(
        language, "A. B.", "ATD", "IC-1", new DateOnly(2027, 1, 4), new DateOnly(2027, 2, 28), new TimeOnly(9, 5), "Elsewhere", " ", null), InvitationLetterTests.Texts));

    [Fact]
    public void French() => Assert.Equal(
        """
        fr
        Kwame Mensah
        dimanche 22 novembre 2026
        Invitation à un entretien
        Madame, Monsieur,
        Le service ATD Department vous invite à un entretien avec un coach dans votre région. Ensemble, nous ferons le point sur votre situation administrative et sur les solutions durables possibles pour vous.
        Date et heure : mercredi 2 décembre 2026 à 10:00.
        Lieu : Brussels desk, Boulevard Pachéco 44, 1000 Brussels.
        Merci d'apporter une pièce d'identité et tous les documents relatifs à votre séjour (décisions, courriers, recours).
        Si vous avez besoin d'un interprète, prévenez-nous à l'avance.
        Si vous ne pouvez pas venir à cette date, contactez-nous pour convenir d'un autre rendez-vous : +32 2 000 00 00.
        Référence : IC-2026-0005
        Veuillez agréer, Madame, Monsieur, nos salutations distinguées.
        ATD Department
        """.ReplaceLineEndings("\n"), Full("fr"));

    [Fact]
    public void French_WithoutAddressOrContact() => Assert.Equal(
        """
        fr
        A. B.
        lundi 4 janvier 2027
        Invitation à un entretien
        Madame, Monsieur,
        Le service ATD vous invite à un entretien avec un coach dans votre région. Ensemble, nous ferons le point sur votre situation administrative et sur les solutions durables possibles pour vous.
        Date et heure : dimanche 28 février 2027 à 09:05.
        Lieu : Elsewhere.
        Merci d'apporter une pièce d'identité et tous les documents relatifs à votre séjour (décisions, courriers, recours).
        Si vous avez besoin d'un interprète, prévenez-nous à l'avance.
        Si vous ne pouvez pas venir à cette date, contactez-nous pour convenir d'un autre rendez-vous.
        Référence : IC-1
        Veuillez agréer, Madame, Monsieur, nos salutations distinguées.
        ATD
        """.ReplaceLineEndings("\n"), Bare("fr"));

    [Fact]
    public void Dutch() => Assert.Equal(
        """
        nl
        Kwame Mensah
        zondag 22 november 2026
        Uitnodiging voor een gesprek
        Geachte mevrouw, geachte heer,
        De dienst ATD Department nodigt u uit voor een gesprek met een coach in uw regio. Samen bekijken we uw administratieve situatie en de duurzame oplossingen die voor u mogelijk zijn.
        Datum en uur: woensdag 2 december 2026 om 10:00.
        Plaats: Brussels desk, Boulevard Pachéco 44, 1000 Brussels.
        Breng een identiteitsdocument mee en alle documenten over uw verblijf (beslissingen, brieven, beroepen).
        Hebt u een tolk nodig, laat het ons dan vooraf weten.
        Kunt u op die datum niet komen? Neem dan contact met ons op voor een andere afspraak: +32 2 000 00 00.
        Referentie: IC-2026-0005
        Met vriendelijke groeten,
        ATD Department
        """.ReplaceLineEndings("\n"), Full("nl"));

    [Fact]
    public void Dutch_WithoutAddressOrContact() => Assert.Equal(
        """
        nl
        A. B.
        maandag 4 januari 2027
        Uitnodiging voor een gesprek
        Geachte mevrouw, geachte heer,
        De dienst ATD nodigt u uit voor een gesprek met een coach in uw regio. Samen bekijken we uw administratieve situatie en de duurzame oplossingen die voor u mogelijk zijn.
        Datum en uur: zondag 28 februari 2027 om 09:05.
        Plaats: Elsewhere.
        Breng een identiteitsdocument mee en alle documenten over uw verblijf (beslissingen, brieven, beroepen).
        Hebt u een tolk nodig, laat het ons dan vooraf weten.
        Kunt u op die datum niet komen? Neem dan contact met ons op voor een andere afspraak.
        Referentie: IC-1
        Met vriendelijke groeten,
        ATD
        """.ReplaceLineEndings("\n"), Bare("nl"));

    [Fact]
    public void English() => Assert.Equal(
        """
        en
        Kwame Mensah
        Sunday 22 November 2026
        Invitation to an interview
        Dear Sir or Madam,
        The ATD Department invites you to an interview with a coach in your region. Together we will review your administrative situation and the durable solutions open to you.
        Date and time: Wednesday 2 December 2026 at 10:00.
        Place: Brussels desk, Boulevard Pachéco 44, 1000 Brussels.
        Please bring an identity document and all the papers about your stay (decisions, letters, appeals).
        If you need an interpreter, please let us know in advance.
        If you cannot come on that date, contact us to agree on another appointment: +32 2 000 00 00.
        Reference: IC-2026-0005
        Yours faithfully,
        ATD Department
        """.ReplaceLineEndings("\n"), Full("en"));

    [Fact]
    public void English_WithoutAddressOrContact() => Assert.Equal(
        """
        en
        A. B.
        Monday 4 January 2027
        Invitation to an interview
        Dear Sir or Madam,
        The ATD invites you to an interview with a coach in your region. Together we will review your administrative situation and the durable solutions open to you.
        Date and time: Sunday 28 February 2027 at 09:05.
        Place: Elsewhere.
        Please bring an identity document and all the papers about your stay (decisions, letters, appeals).
        If you need an interpreter, please let us know in advance.
        If you cannot come on that date, contact us to agree on another appointment.
        Reference: IC-1
        Yours faithfully,
        ATD
        """.ReplaceLineEndings("\n"), Bare("en"));
}
