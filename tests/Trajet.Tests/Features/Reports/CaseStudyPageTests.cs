using Trajet.Tests.Features.Cases;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.Interactions;
using Trajet.Web.Features.LegalEvents;
using Trajet.Web.Features.Partners;

namespace Trajet.Tests.Features.Reports;

/// <summary>The case study page drafts from the records (counted in the database, hence on both providers) in the UI language.</summary>
public abstract class CaseStudyPageTests(TrajetApp app)
{
    [Theory]
    [InlineData("fr-BE", "Visite à domicile (2)", "1 accompagnement(s) : tribunal (1).", "Avocat, proposée (1)", "Demande d'asile (1)", "risque à l'accueil : Ne sait pas", "10/01/2025")]
    [InlineData("nl-BE", "Huisbezoek (2)", "1 begeleiding(en): rechtbank (1).", "Advocaat, voorgesteld (1)", "Asielaanvraag (1)", "risico bij intake: Weet niet", "10-01-2025")]
    [InlineData("en-GB", "Home visit (2)", "1 accompaniment(s): court (1).", "Lawyer, proposed (1)", "Asylum application (1)", "risk at intake: Don't know", "10/01/2025")]
    public async Task CaseStudyDraft_IsInTheUiLanguage_AndCountsEveryIntervention(
        string language, string visits, string accompaniment, string referral, string legal, string risk, string referredOn)
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var email = await app.CreateUserAsync(Roles.CaseManager, organisation, programme);
        var (id, _) = await CaseBuilder.OpenAsync(await app.ApiClientAsync(email), programme.Slug, date: "2025-01-10");
        using var browser = await app.SignedInBrowserAsync(email);
        await app.WithDbAsync(async (db, _) =>
        {
            var partner = new Partner { OrganisationId = organisation.Id, Name = "Maître Dupont", Kind = PartnerKind.Lawyer };
            db.Partners.Add(partner);
            db.PartnerReferrals.Add(new() { CaseId = id, OrganisationId = organisation.Id, ProgrammeId = programme.Id, PartnerId = partner.Id, Date = new(2025, 3, 1), StatusOn = new(2025, 3, 1), Reason = "Appeal" });
            foreach (var (type, to) in new (InteractionType, AccompanimentTo?)[]
                { (InteractionType.HomeVisit, null), (InteractionType.HomeVisit, null), (InteractionType.Accompaniment, AccompanimentTo.Court) })
            {
                db.Interactions.Add(new() { CaseId = id, OrganisationId = organisation.Id, ProgrammeId = programme.Id, Type = type, AccompanimentTo = to, Date = new(2025, 2, 1) });
            }
            db.LegalEvents.Add(new() { CaseId = id, OrganisationId = organisation.Id, ProgrammeId = programme.Id, Type = LegalEventType.AsylumApplication, Date = new(2024, 11, 2) });
            return await db.SaveChangesAsync();
        });
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        var draft = await Html.GetAsync(browser, $"/Instruments/CaseStudy/{id}");

        var interventions = draft.QuerySelector("#stage-Interventions")!.TextContent;
        Assert.Contains(visits, interventions);
        Assert.Contains(accompaniment, interventions);
        Assert.Contains(referral, interventions);
        Assert.Contains(legal, interventions);
        Assert.Contains(risk, draft.QuerySelector("#stage-Screening")!.TextContent);
        Assert.Contains(referredOn, draft.QuerySelector("#stage-Screening")!.TextContent);
        Assert.DoesNotContain("dont-know", draft.Body!.TextContent);
    }
}

public sealed class CaseStudyPageTestsOnSqlite(SqliteApp app) : CaseStudyPageTests(app), IClassFixture<SqliteApp>;

public sealed class CaseStudyPageTestsOnPostgres(PostgresApp app) : CaseStudyPageTests(app), IClassFixture<PostgresApp>;
