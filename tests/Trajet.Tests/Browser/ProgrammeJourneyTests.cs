using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.Cases;
using static Microsoft.Playwright.Assertions;

namespace Trajet.Tests.Browser;

/// <summary>
/// One whole journey per programme of the demo, each in another language: a worker opens a case from a
/// referral, screens and admits it, adds the household, writes up a home visit, fills a baseline and a client
/// summary sheet; the programme's coordinator (signing in with a two-factor code) then finds the sheet counted
/// in the evaluation report. Fields are found by their ids, so the same steps run in French, Dutch and English.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ProgrammeJourneyTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("plan-together", "cm1@ngo.demo", "fr-BE", "Enregistrer")]
    [InlineData("icam", "coach@atd.demo", "nl-BE", "Opslaan")]
    [InlineData("reach-out", "outreach@reachout.demo", "en-GB", "Save")]
    public async Task Worker_TakesAReferralThroughToTheEvaluationReport(string programme, string worker, string locale, string save)
    {
        var today = DateOnly.FromDateTime(DateTime.Now).ToString("yyyy-MM-dd");
        var surname = "Journey" + Guid.NewGuid().ToString("N")[..8];
        await using var context = await browser.NewContextAsync(locale: locale);
        var page = await BrowserFixture.SignInAsync(context, worker);

        // A referral opens the case.
        await page.GotoAsync("/Cases/Open");
        await page.Locator("#Input_Programme").SelectOptionAsync(programme);
        await page.Locator("#kind-Family").CheckAsync();
        await page.Locator("#Input_Referral_Source").SelectOptionAsync("Community");
        await page.Locator("#Input_Referral_ReferredBy").FillAsync("School social worker");
        await page.Locator("#Input_Referral_Date").FillAsync(today);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Expect(page).ToHaveURLAsync(CaseUrl());
        await SaysAsync(page, locale, Saved.CaseOpened);
        var caseId = Guid.Parse(CaseUrl().Match(page.Url).Groups[1].Value);

        // Screening against the programme's criteria (met), then admission.
        await page.GotoAsync($"/Cases/Screen/{caseId}");
        foreach (var met in await page.Locator("input[type=radio][value=Met]").AllAsync())
        {
            await met.CheckAsync();
        }
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("#screening$"));
        await SaysAsync(page, locale, Saved.Screening);
        await page.GotoAsync($"/Cases/ChangeStatus/{caseId}");
        await page.Locator("#to-Admitted").CheckAsync();
        await page.Locator("#Input_Date").FillAsync(today);
        await page.GetByRole(AriaRole.Button, new() { Name = save, Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(CaseUrl());
        await SaysAsync(page, locale, Saved.Status);

        // The household: a mother and her son.
        await AddPersonAsync(page, caseId, "Parent", "Ana", surname, "1985-03-02", save);
        await AddPersonAsync(page, caseId, "Child", "Davit", surname, "2014-09-12", save);
        await SaysAsync(page, locale, Saved.Person);
        await Expect(page.Locator("main strong", new() { HasText = $"Davit {surname}" })).ToBeVisibleAsync();

        // The home visit.
        await page.GotoAsync($"/CaseWork/LogInteraction/{caseId}");
        await page.Locator("#Input_Type").SelectOptionAsync("HomeVisit");
        await page.Locator("#Input_Date").FillAsync(today);
        await page.Locator("#Input_Notes").FillAsync("First visit at home: the family explained the procedure so far.");
        await page.GetByRole(AriaRole.Button, new() { Name = save, Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Cases/Details/.*#interactions$"));
        await SaysAsync(page, locale, Saved.Interaction);

        // The baseline: fourteen scores.
        await page.GotoAsync($"/Instruments/Baseline/{caseId}");
        await page.Locator("#Input_Date").FillAsync(today);
        foreach (var score in await page.Locator("input[name$='.Score']").AllAsync())
        {
            await score.FillAsync("6");
        }
        await page.GetByRole(AriaRole.Button, new() { Name = save, Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(CaseUrl());
        await SaysAsync(page, locale, Saved.BaselineSheet);

        // The client summary sheet: "some" impact on every question.
        await page.GotoAsync($"/Instruments/SummarySheet/{caseId}");
        await page.Locator("#date").FillAsync(today);
        foreach (var some in await page.Locator("input[type=radio][value=some]").AllAsync())
        {
            await some.CheckAsync();
        }
        await page.GetByRole(AriaRole.Button, new() { Name = save, Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(CaseUrl());
        await SaysAsync(page, locale, Saved.SummarySheet);

        var saved = await browser.App.WithDbAsync(async (db, _) => new
        {
            Status = await db.Cases.Where(c => c.Id == caseId).Select(c => c.Status).SingleAsync(),
            People = await db.Members.CountAsync(m => m.CaseId == caseId),
            Visits = await db.Interactions.CountAsync(i => i.CaseId == caseId && i.Type == Trajet.Web.Features.Interactions.InteractionType.HomeVisit),
            Baselines = await db.BaselineSheets.CountAsync(b => b.CaseId == caseId),
            Sheets = await db.SummarySheets.CountAsync(s => s.CaseId == caseId),
            InPeriod = await db.SummarySheets.Where(s => s.Date == DateOnly.Parse(today) && db.Programmes.Any(p => p.Id == s.ProgrammeId && p.Slug == programme))
                .Select(s => s.CaseId).Distinct().CountAsync(),
        });
        Assert.Equal(CaseStatus.Admitted, saved.Status);
        Assert.Equal((2, 1, 1, 1), (saved.People, saved.Visits, saved.Baselines, saved.Sheets));

        // The programme's coordinator sees the sheet counted in today's evaluation report.
        await using var coordinatorContext = await browser.NewContextAsync(locale: locale);
        var report = await CoordinatorSignsInAsync(coordinatorContext, programme);
        await report.GotoAsync($"/Reports/Evaluation?programme={programme}&from={today}&to={today}");
        await Expect(report.Locator("main")).ToContainTextAsync(saved.InPeriod.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(saved.InPeriod >= 1);
        Assert.Equal(saved.InPeriod, await browser.App.WithDbAsync((db, _) =>
            Trajet.Web.Features.Reports.EvaluationReport.LatestSheets(db, db.Programmes.Single(p => p.Slug == programme).Id, DateOnly.Parse(today), DateOnly.Parse(today), DateOnly.Parse(today)).CountAsync()));
    }

    private static async Task AddPersonAsync(IPage page, Guid caseId, string role, string firstName, string lastName, string birthDate, string save)
    {
        await page.GotoAsync($"/Cases/AddMember/{caseId}");
        await page.Locator("#Input_Role").SelectOptionAsync(role);
        await page.Locator("#Input_FirstName").FillAsync(firstName);
        await page.Locator("#Input_LastName").FillAsync(lastName);
        await page.Locator("#Input_Gender").SelectOptionAsync(role == "Child" ? "Male" : "Female");
        await page.Locator("#Input_BirthDate").FillAsync(birthDate);
        await page.Locator("#Input_Nationality").SelectOptionAsync("AM");
        await page.GetByRole(AriaRole.Button, new() { Name = save, Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(CaseUrl());
    }

    /// <summary>A coordinator of the programme's organisation (the demo's, or a new one), signing in with password and authenticator code.</summary>
    private async Task<IPage> CoordinatorSignsInAsync(IBrowserContext context, string programme)
    {
        var email = await browser.App.WithDbAsync(async (db, services) =>
        {
            var p = await db.Programmes.AsNoTracking().SingleAsync(x => x.Slug == programme);
            var o = await db.Organisations.AsNoTracking().SingleAsync(x => x.Id == p.OrganisationId);
            return (p, o);
        }) is var (p, o) ? await browser.App.CreateUserAsync(Roles.Coordinator, o, p) : throw new InvalidOperationException();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Accounts/Login");
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_Password").FillAsync(TrajetApp.Password);
        await page.Locator("main button[type=submit]").ClickAsync();
        await page.Locator("#Input_Code").FillAsync((await browser.App.TwoFactorCodeAsync(email))!);
        await page.Locator("main form button[type=submit]").First.ClickAsync();
        await Expect(page.Locator("header .who")).ToBeAttachedAsync();
        return page;
    }

    /// <summary>What the case page says after each save, as a native reader would check it.</summary>
    private static readonly Dictionary<string, Dictionary<Saved, string>> Notices = new()
    {
        ["fr-BE"] = new()
        {
            [Saved.CaseOpened] = "Le dossier est ouvert.",
            [Saved.Screening] = "L'examen d'admission est enregistré.",
            [Saved.Status] = "Le statut est modifié.",
            [Saved.Person] = "La personne est enregistrée.",
            [Saved.Interaction] = "L'interaction est enregistrée.",
            [Saved.BaselineSheet] = "La fiche de base est enregistrée.",
            [Saved.SummarySheet] = "La fiche de synthèse est enregistrée.",
        },
        ["nl-BE"] = new()
        {
            [Saved.CaseOpened] = "Het dossier is geopend.",
            [Saved.Screening] = "De screening is geregistreerd.",
            [Saved.Status] = "De status is gewijzigd.",
            [Saved.Person] = "De persoon is opgeslagen.",
            [Saved.Interaction] = "Het contact is geregistreerd.",
            [Saved.BaselineSheet] = "De basisfiche is opgeslagen.",
            [Saved.SummarySheet] = "De samenvattende fiche is opgeslagen.",
        },
        ["en-GB"] = new()
        {
            [Saved.CaseOpened] = "The case is opened.",
            [Saved.Screening] = "The screening is recorded.",
            [Saved.Status] = "The status is changed.",
            [Saved.Person] = "The person is saved.",
            [Saved.Interaction] = "The interaction is recorded.",
            [Saved.BaselineSheet] = "The baseline sheet is saved.",
            [Saved.SummarySheet] = "The client summary sheet is saved.",
        },
    };

    private static Task SaysAsync(IPage page, string locale, Saved saved) =>
        Expect(page.Locator("main p.notice[role=status]")).ToHaveTextAsync(Notices[locale][saved]);

    [GeneratedRegex(@"/Cases/Details/([0-9a-f-]{36})")]
    private static partial Regex CaseUrl();
}
