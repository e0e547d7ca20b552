using System.Globalization;
using System.Text.RegularExpressions;
using Trajet.Tests.Features.Coaching;
using Trajet.Web.Features.Cases;
using Trajet.Web.Features.Instruments;
using Trajet.Web.Features.Interactions;
using Trajet.Web.Features.LegalEvents;
using Trajet.Web.Features.Partners;

namespace Trajet.Tests.Features.Reports;

public sealed partial class CaseStudyDraftTests
{
    private static readonly CaseDto Closed = new(
        Guid.NewGuid(), "PT-2025-0001", CaseStatus.Closed, CaseKind.Family, "plan-together",
        new ReferralDto(ReferralSource.Detention, "Social worker", new DateOnly(2025, 1, 10), false, RiskLevel.DontKnow),
        new DateOnly(2025, 2, 3), new DateOnly(2026, 3, 31), ClosureOutcome.ResolvedVoluntaryReturn, DurableSolution.VoluntaryReturn,
        [Member(MemberRole.Parent, "GE", ["sole-carer", "health-problems"], 2019), Member(MemberRole.Child, "GE", [], null)],
        [], [new ScreeningDto(Guid.NewGuid(), "Lives in the region", CriterionAnswer.NotMet, null, new() { Fr = "Vit dans la région" })],
        [new StatusChangeDto(CaseStatus.Active, CaseStatus.Paused, new DateOnly(2025, 6, 1), "Hospital")], [], 1, null);

    private static readonly CaseStudyDraft.Interventions Done = new(
        [new(InteractionType.HomeVisit, null, 3), new(InteractionType.PhoneCall, null, 2), new(InteractionType.Accompaniment, AccompanimentTo.Lawyer, 1)],
        [new(PartnerKind.Lawyer, ReferralStatus.Accepted, 1)],
        [new(LegalEventType.AsylumApplication, 1), new(LegalEventType.OrderToLeave, 1)], 1, 2);

    private static MemberDto Member(MemberRole role, string nationality, string[] vulnerabilities, int? arrival) => new(
        Guid.NewGuid(), role, "A", "B", [], Gender.Female, null, 30, 30, nationality, ["ka"], vulnerabilities, null, arrival, null,
        null, null, null, null, null, 1);

    private static CaseStudy Draft(string language, CaseDto c, CaseStudyDraft.Interventions done)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
            return CaseStudyDraft.From(c, done, InvitationLetterTests.Texts, Culture(language));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    /// <summary>The formats of a page in that language (English with European dates).</summary>
    private static CultureInfo Culture(string language) => CultureInfo.GetCultureInfo(language == "en" ? "en-GB" : language);

    private static string Text(CaseStudy s) => string.Join("\n", s.Profile, s.Screening, s.Planning, s.Interventions, s.Review, s.Closure);

    [Theory]
    [InlineData("fr", "Visite à domicile (3)", "avocat (1)", "Avocat, acceptée (1)", "Demande d'asile (1)", "Ne sait pas")]
    [InlineData("nl", "Huisbezoek (3)", "advocaat (1)", "Advocaat, aanvaard (1)", "Asielaanvraag (1)", "Weet niet")]
    [InlineData("en", "Home visit (3)", "lawyer (1)", "Lawyer, accepted (1)", "Asylum application (1)", "Don't know")]
    public void Draft_IsWrittenInTheUiLanguage_AndNamesEveryIntervention(
        string language, string homeVisits, string accompaniment, string referral, string legal, string risk)
    {
        var draft = Draft(language, Closed, Done);

        Assert.Contains(homeVisits, draft.Interventions);
        Assert.Contains(accompaniment, draft.Interventions);
        Assert.Contains(referral, draft.Interventions);
        Assert.Contains(legal, draft.Interventions);
        Assert.Contains(new DateOnly(2025, 1, 10).ToString("d", Culture(language)), draft.Screening);
        Assert.Contains(risk, draft.Screening);
        Assert.DoesNotMatch(KebabCode(), Text(draft));
        Assert.DoesNotContain("DontKnow", Text(draft));
    }

    [Fact]
    public void French_Draft()
    {
        var draft = Draft("fr", Closed, Done);

        Assert.StartsWith("Famille de 1 adulte(s) et 1 enfant(s); nationalité : Géorgie; dans le pays depuis 2019;", draft.Profile);
        Assert.Contains("Vit dans la région", draft.Screening); // the criterion as the coordinator wrote it in French
        Assert.StartsWith("Orientation reçue le 10/01/2025 (Détention, Social worker), risque à l'accueil : Ne sait pas.", draft.Screening);
        Assert.StartsWith("5 contact(s) avec la famille, dont 3 visite(s) à domicile : ", draft.Interventions);
        Assert.Contains("1 accompagnement(s) : avocat (1).", draft.Interventions);
        Assert.Contains("2 étape(s) dans les procédures juridiques : Demande d'asile (1), Ordre de quitter le territoire (1).", draft.Interventions);
        Assert.Contains("1 fiche(s) de base et 2 fiche(s) de synthèse du client enregistrée(s).", draft.Interventions);
        Assert.Equal("Pauses : 01/06/2025 — Hospital.", draft.Review);
        Assert.StartsWith("Clôturé le 31/03/2026 : Résolu : retour volontaire ; solution durable : Retour volontaire.", draft.Closure);
    }

    [Fact]
    public void Dutch_Draft()
    {
        var draft = Draft("nl", Closed, Done);

        Assert.StartsWith("Gezin van 1 volwassene(n) en 1 kind(eren); nationaliteit: Georgië", draft.Profile);
        Assert.StartsWith("5 contact(en) met het gezin, waarvan 3 huisbezoek(en): ", draft.Interventions);
        Assert.Contains("1 doorverwijzing(en) naar partners: Advocaat, aanvaard (1).", draft.Interventions);
        Assert.StartsWith("Afgesloten op ", draft.Closure);
        Assert.Contains("duurzame oplossing: Vrijwillige terugkeer.", draft.Closure);
    }

    [Fact]
    public void Draft_NamesAStatelessPersonInTheUiLanguage()
    {
        var stateless = Closed with { Members = [Member(MemberRole.Parent, "stateless", [], null)] };

        Assert.Contains("nationalité : Apatride", Draft("fr", stateless, Done).Profile);
    }

    [Fact]
    public void Draft_WithNothingDoneYet_SaysSo()
    {
        var open = Closed with { Status = CaseStatus.Referred, AdmittedOn = null, ClosedOn = null, Outcome = null, DurableSolution = null, History = [] };

        var draft = Draft("en", open, CaseStudyDraft.Interventions.None);

        Assert.StartsWith("No contact, accompaniment, referral or legal step recorded yet. 0 baseline sheet(s)", draft.Interventions);
        Assert.Equal("Not admitted.", draft.Planning);
        Assert.Equal("The support went on without pause.", draft.Review);
        Assert.Equal("Current status: Referred.", draft.Closure);
    }

    /// <summary>A code as the API writes it (<c>dont-know</c>, <c>sole-carer</c>), which a draft must never show.</summary>
    [GeneratedRegex(@"\b[a-z]+(-[a-z]+)+\b")]
    private static partial Regex KebabCode();
}
