using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Trajet.Tests.Features.Cases;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.ActionPlans;

namespace Trajet.Tests.Features.ActionPlans;

public sealed class PlanRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    [Fact]
    public void Review_BeforeThePlansStart_IsRefused() =>
        Assert.Equal(["date"], PlanRules.Review(new DateOnly(2026, 1, 31), "Progress", null, new DateOnly(2026, 2, 1), Today).Select(e => e.Field));

    [Fact]
    public void Review_WithoutAnyGoal_IsRefused() =>
        Assert.Equal(["date"], PlanRules.Review(Today, "Progress", null, null, Today).Select(e => e.Field));

    [Fact]
    public void Goal_ForNoOption_IsRefused() =>
        Assert.Equal(["option"], PlanRules.Goal(Trajet.Web.Features.Cases.DurableSolution.None, "x", Today, new DateOnly(2026, 1, 1), Today).Select(e => e.Field));
}

public abstract class ActionPlanTests(TrajetApp app)
{
    [Fact]
    public async Task Plan_GoalsActionsAndReviews_AreKeptAndOverdueActionsFlagged()
    {
        var (client, _, programme) = await app.NewUserClientAsync(Roles.CaseManager);
        var (id, _) = await CaseBuilder.OpenAsync(client, programme.Slug, date: "2026-01-10");

        var withGoal = await (await client.PostAsJsonAsync($"/api/cases/{id}/plan/goals", new { option = "legal-stay-here", description = "Humanitarian regularisation request", agreedOn = "2026-02-01" })).Content.ReadFromJsonAsync<JsonElement>();
        var goalId = withGoal.GetProperty("goals")[0].GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/cases/{id}/plan/actions", new { goalId, description = "Collect school certificates", owner = "family", dueDate = "2026-03-01" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/cases/{id}/plan/actions", new { description = "Meet the lawyer", owner = "case-manager", dueDate = "2099-01-01" })).StatusCode);
        var plan = await (await client.PostAsJsonAsync($"/api/cases/{id}/plan/reviews", new { date = "2026-04-01", progress = "Certificates half collected", changes = "Add a medical certificate" })).Content.ReadFromJsonAsync<JsonElement>();

        var actions = plan.GetProperty("actions").EnumerateArray().ToList();
        Assert.True(actions.Single(a => a.GetProperty("description").GetString() == "Collect school certificates").GetProperty("overdue").GetBoolean());
        Assert.False(actions.Single(a => a.GetProperty("description").GetString() == "Meet the lawyer").GetProperty("overdue").GetBoolean());
        Assert.Equal("Add a medical certificate", plan.GetProperty("reviews")[0].GetProperty("changes").GetString());

        var overdueId = actions.Single(a => a.GetProperty("overdue").GetBoolean()).GetProperty("id").GetGuid();
        var done = await (await client.PutAsJsonAsync($"/api/cases/{id}/plan/actions/{overdueId}/status", new { status = "done" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.DoesNotContain(done.GetProperty("actions").EnumerateArray(), a => a.GetProperty("overdue").GetBoolean());
    }

    [Fact]
    public async Task Review_BeforeThePlansStart_Returns400AndSavesNothing()
    {
        var (client, _, programme) = await app.NewUserClientAsync(Roles.CaseManager);
        var (id, _) = await CaseBuilder.OpenAsync(client, programme.Slug, date: "2026-01-10");
        await client.PostAsJsonAsync($"/api/cases/{id}/plan/goals", new { option = "voluntary-return", description = "Prepare a return with reintegration support", agreedOn = "2026-03-01" }).Succeeded();

        var response = await client.PostAsJsonAsync($"/api/cases/{id}/plan/reviews", new { date = "2026-02-15", progress = "Too early" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"date\"", await response.Content.ReadAsStringAsync());
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/plan")).GetProperty("reviews").EnumerateArray());
    }

    [Fact]
    public async Task Plan_OfOtherOrganisation_Is404()
    {
        var (owner, _, programme) = await app.NewUserClientAsync(Roles.CaseManager);
        var (id, _) = await CaseBuilder.OpenAsync(owner, programme.Slug, date: "2026-01-10");
        var (stranger, _, _) = await app.NewUserClientAsync(Roles.Coordinator);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/cases/{id}/plan")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/cases/{id}/plan/goals", new { option = "other", description = "x", agreedOn = "2026-02-01" })).StatusCode);
    }

    [Fact]
    public async Task PlanPage_AddsAGoalAndShowsAReviewError()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var email = await app.CreateUserAsync(Roles.CaseManager, organisation, programme);
        using var api = await app.ApiClientAsync(email);
        var (id, _) = await CaseBuilder.OpenAsync(api, programme.Slug, date: "2026-01-10");
        using var browser = await app.SignedInBrowserAsync(email);
        var page = await Html.GetAsync(browser, $"/CaseWork/Plan/{id}");
        // Nothing to say, no summary: MVC's empty one carries an inline style the content security policy blocks.
        Assert.Null(page.QuerySelector("div.errors[role=alert]"));
        Assert.Null(page.QuerySelector("[style]"));

        var review = await Html.SubmitAsync(browser, page, "form[action*='handler=Review']", new Dictionary<string, string> { ["progress"] = "Nothing yet" });
        var shown = await Html.ParseAsync(review);
        Assert.Contains("Agree a goal with the family", shown.QuerySelector("[data-valmsg-for='review.date']")!.TextContent);
        Assert.Contains("Agree a goal with the family", shown.QuerySelector("div.errors[role=alert] li")!.TextContent);
        Assert.Null(shown.QuerySelector("[style]"));

        var goal = await Html.SubmitAsync(browser, page, "form[action*='handler=Goal']", new Dictionary<string, string> { ["option"] = "LegalStayOtherEuState", ["description"] = "Join the father in Germany", ["agreedOn"] = "2026-02-01" });
        Assert.Equal(HttpStatusCode.Redirect, goal.StatusCode);
        Assert.EndsWith("saved=goal#goals", goal.Headers.Location!.OriginalString);
        var after = await Html.GetAsync(browser, goal.Headers.Location.OriginalString);
        Assert.Equal("The goal is added to the plan.", after.QuerySelector("main p.notice[role=status]")!.TextContent);
        Assert.Contains("Join the father in Germany", after.QuerySelector("#goals")!.ParentElement!.TextContent);
    }
}

public sealed class ActionPlanTestsOnSqlite(SqliteApp app) : ActionPlanTests(app), IClassFixture<SqliteApp>;

public sealed class ActionPlanTestsOnPostgres(PostgresApp app) : ActionPlanTests(app), IClassFixture<PostgresApp>;
