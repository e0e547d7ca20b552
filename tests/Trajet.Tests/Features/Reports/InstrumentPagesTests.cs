using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Trajet.Tests.Features.Cases;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.Instruments;

namespace Trajet.Tests.Features.Reports;

/// <summary>The instrument forms and the report page as workers use them, without JavaScript.</summary>
public sealed class InstrumentPagesTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private async Task<(HttpClient Browser, HttpClient Api, Guid CaseId, string Slug, Trajet.Web.Features.Organisations.Organisation Organisation, Trajet.Web.Features.Organisations.Programme Programme)> CaseAsync()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var email = await app.CreateUserAsync(Roles.CaseManager, organisation, programme);
        var api = await app.ApiClientAsync(email);
        var (id, _) = await CaseBuilder.OpenAsync(api, programme.Slug, date: "2025-01-10");
        await CaseBuilder.AddMemberAsync(api, id, new { role = "parent", firstName = "Nino", lastName = "Beridze", gender = "female", birthDate = "1987-02-02", nationality = "GE" });
        return (await app.SignedInBrowserAsync(email), api, id, programme.Slug, organisation, programme);
    }

    [Fact]
    public async Task SummarySheetForm_PrefillsTheProfile_AndSavesTheAnswers()
    {
        var (browser, _, id, _, _, _) = await CaseAsync();
        var form = await Html.GetAsync(browser, $"/Instruments/SummarySheet/{id}");
        Assert.Equal("GE", ((AngleSharp.Html.Dom.IHtmlInputElement)form.QuerySelector("#profile-Nationality")!).Value);
        Assert.Equal("female", ((AngleSharp.Html.Dom.IHtmlInputElement)form.QuerySelector("#profile-Gender")!).Value);

        var response = await Html.SubmitAsync(browser, form, "main form", new Dictionary<string, string>
        {
            ["date"] = "2025-07-01",
            ["impact.engagement"] = "some",
            ["impact.risk"] = "considerable",
            ["impact.trust"] = "limited",
            ["group1.impact"] = "some",
            ["group2.impact"] = "none",
            ["group3.impact"] = "dont-know",
            ["group1.prompts.moreInformation"] = "yes",
            ["group2.prompts.cooperatesWithConditions"] = "not-applicable",
            ["group2.obstacles"] = "Slow decisions",
            ["profile.Other"] = "Eviction notice in May",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var sheet = await app.WithDbAsync((db, _) => db.SummarySheets.SingleAsync(s => s.CaseId == id));
        Assert.Equal(new DateOnly(2025, 7, 1), sheet.Date);
        Assert.Equal(ImpactLevel.Considerable, sheet.Risk);
        Assert.Equal(PromptAnswer.Yes, sheet.MoreInformation);
        Assert.Equal(PromptAnswer.NotApplicable, sheet.CooperatesWithConditions);
        Assert.Null(sheet.MoreHope);
        Assert.Equal("Slow decisions", sheet.Group2Obstacles);
        Assert.Contains("Eviction notice in May", sheet.Profile);
    }

    [Fact]
    public async Task SummarySheetForm_WithoutImpactAnswers_SaysWhichAndSavesNothing()
    {
        var (browser, _, id, _, _, _) = await CaseAsync();
        var form = await Html.GetAsync(browser, $"/Instruments/SummarySheet/{id}");

        var response = await Html.SubmitAsync(browser, form, "main form", new Dictionary<string, string> { ["date"] = "2025-07-01", ["impact.engagement"] = "some" });

        var page = await Html.ParseAsync(response);
        Assert.Contains("Choose an impact level.", page.QuerySelector("[data-valmsg-for='impact.risk']")!.TextContent);
        Assert.Equal(0, await app.WithDbAsync((db, _) => db.SummarySheets.CountAsync(s => s.CaseId == id)));
    }

    [Fact]
    public async Task BaselineSheets_ShowTheChangeWithEachItemsDirection()
    {
        var (browser, _, id, _, _, _) = await CaseAsync();
        async Task SaveAsync(string date, int risk, int hope)
        {
            var form = await Html.GetAsync(browser, $"/Instruments/Baseline/{id}");
            var values = new Dictionary<string, string> { ["Input.Date"] = date, ["Input.SituationOn"] = date };
            for (var i = 0; i < 14; i++)
            {
                values[$"Input.Scores[{i}].Score"] = (i switch { 0 => risk, 9 => hope, _ => 5 }).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            Assert.Equal(HttpStatusCode.Redirect, (await Html.SubmitAsync(browser, form, "main form", values)).StatusCode);
        }

        await SaveAsync("2025-02-01", risk: 8, hope: 3);
        await SaveAsync("2025-08-01", risk: 4, hope: 7);
        var details = await Html.GetAsync(browser, $"/Cases/Details/{id}");

        var chart = details.QuerySelector("svg[aria-labelledby='baseline-title']")!;
        var labels = chart.QuerySelectorAll("text.chart-value").Select(t => t.TextContent).ToList();
        Assert.Equal("8 → 4 better", labels[0]); // risk of leaving: lower is better
        Assert.Equal("3 → 7 better", labels[9]); // hope: higher is better
        Assert.Equal("5 → 5 unchanged", labels[1]);
    }

    [Fact]
    public async Task BaselineSheet_WithScoreOutsideTheScale_IsRefused()
    {
        var (browser, api, id, _, _, _) = await CaseAsync();
        var scores = Enumerable.Range(1, 14).Select(i => new { item = i, score = i == 3 ? 11 : 5 });

        var response = await api.PostAsJsonAsync($"/api/cases/{id}/baseline-sheets", new { date = "2025-02-01", scores });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("scores[2].score", await response.Content.ReadAsStringAsync());
        // No scores at all (null) is the same refusal, naming the items to score, never a server error.
        var none = await api.PostAsJsonAsync($"/api/cases/{id}/baseline-sheets", new { date = "2025-02-01", scores = (int[]?)null });
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("scores[1]", await none.Content.ReadAsStringAsync());
        Assert.Equal(0, await app.WithDbAsync((db, _) => db.BaselineSheets.CountAsync(s => s.CaseId == id)));
        _ = browser;
    }

    [Fact]
    public async Task CaseStudy_StartsAsADraftFromTheRecords_ThenKeepsTheWorkersText()
    {
        var (browser, _, id, _, _, _) = await CaseAsync();
        var draft = await Html.GetAsync(browser, $"/Instruments/CaseStudy/{id}");
        Assert.Contains("nationality: Georgia", draft.QuerySelector("#stage-Profile")!.TextContent);
        Assert.Contains("Referred on 10/01/2025", draft.QuerySelector("#stage-Screening")!.TextContent);

        var saved = await Html.SubmitAsync(browser, draft, "main form", new Dictionary<string, string> { ["Text[Profile]"] = "A mother and her son from Georgia." });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var again = await Html.GetAsync(browser, $"/Instruments/CaseStudy/{id}");
        Assert.Equal("A mother and her son from Georgia.", again.QuerySelector("#stage-Profile")!.TextContent);
        Assert.Null(again.QuerySelector(".notice"));
    }

    [Fact]
    public async Task ReportPage_ForEvaluator_ShowsChartsAndHidesSmallCounts()
    {
        var (_, api, id, slug, organisation, programme) = await CaseAsync();
        await api.PostAsJsonAsync($"/api/cases/{id}/summary-sheets", BriefingNote.Sheet(0, "2025-06-30")).Succeeded();
        using var evaluator = await app.SignedInBrowserAsync(await app.CreateUserAsync(Roles.Evaluator, organisation, programme));
        using var coordinator = await app.SignedInBrowserAsync(await app.CreateUserAsync(Roles.Coordinator, organisation, programme));

        var seen = await Html.GetAsync(evaluator, $"/Reports/Evaluation?programme={slug}");
        var own = await Html.GetAsync(coordinator, $"/Reports/Evaluation?programme={slug}");

        Assert.NotNull(seen.QuerySelector("svg[aria-labelledby='impact-chart-title']"));
        Assert.Contains("hidden", seen.QuerySelector("main p strong")!.TextContent);
        Assert.Contains("1", own.QuerySelector("main p strong")!.TextContent);
        Assert.DoesNotContain("Beridze", seen.Body!.TextContent);
    }

    [Fact]
    public async Task ReportPage_ForCaseManager_IsRefused()
    {
        var (browser, _, _, slug, _, _) = await CaseAsync();

        var response = await browser.GetAsync($"/Reports/Evaluation?programme={slug}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Accounts/AccessDenied", response.Headers.Location!.PathAndQuery);
    }
}
