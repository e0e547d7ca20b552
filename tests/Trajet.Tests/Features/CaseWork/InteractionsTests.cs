using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Trajet.Tests.Features.Cases;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Features.Accounts;

namespace Trajet.Tests.Features.CaseWork;

public abstract class InteractionsTests(TrajetApp app)
{
    private static object Visit(string date = "2026-02-10", string type = "home-visit") => new
    {
        type,
        date,
        durationMinutes = 90,
        participants = "Mother, two children",
        language = "hy",
        interpreterPresent = true,
        notes = "Reviewed the negative decision together.",
        nextSteps = "Call the lawyer",
    };

    [Fact]
    public async Task Interactions_AreListedNewestFirst_WithVisitCounts()
    {
        var (client, _, programme) = await app.NewUserClientAsync(Roles.CaseManager);
        var (id, _) = await CaseBuilder.OpenAsync(client, programme.Slug, date: "2026-01-10");

        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/cases/{id}/interactions", Visit("2026-02-10"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/cases/{id}/interactions", Visit("2026-03-10", "phone-call"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/cases/{id}/interactions", new { type = "accompaniment", accompanimentTo = "embassy", date = "2026-03-01" })).StatusCode);

        var list = await client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/interactions");
        Assert.Equal(1, list.GetProperty("homeVisits").GetInt32());
        Assert.Equal(3, list.GetProperty("interactions").GetInt32());
        Assert.Equal(["2026-03-10", "2026-03-01", "2026-02-10"], list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("date").GetString()));
        Assert.Equal("embassy", list.GetProperty("items")[1].GetProperty("accompanimentTo").GetString());
        Assert.Equal("Call the lawyer", list.GetProperty("items")[2].GetProperty("nextSteps").GetString());
    }

    [Theory]
    [InlineData("date", """{"type":"home-visit","date":"2099-01-01"}""")]
    [InlineData("date", """{"type":"home-visit","date":"2025-12-31"}""")]
    [InlineData("type", """{"type":"coffee","date":"2026-02-01"}""")]
    [InlineData("accompanimentTo", """{"type":"accompaniment","date":"2026-02-01"}""")]
    [InlineData("language", """{"type":"home-visit","date":"2026-02-01","language":"armenian"}""")]
    [InlineData("durationMinutes", """{"type":"home-visit","date":"2026-02-01","durationMinutes":0}""")]
    public async Task Interaction_WithBadField_Returns400NamingItAndSavesNothing(string field, string json)
    {
        var (client, _, programme) = await app.NewUserClientAsync(Roles.CaseManager);
        var (id, _) = await CaseBuilder.OpenAsync(client, programme.Slug, date: "2026-01-10");

        var response = await client.PostAsync($"/api/cases/{id}/interactions", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/interactions")).GetProperty("interactions").GetInt32());
    }

    [Fact]
    public async Task Interactions_OfOtherOrganisation_Are404()
    {
        var (owner, _, programme) = await app.NewUserClientAsync(Roles.CaseManager);
        var (id, _) = await CaseBuilder.OpenAsync(owner, programme.Slug, date: "2026-01-10");
        await owner.PostAsJsonAsync($"/api/cases/{id}/interactions", Visit());
        var (stranger, _, _) = await app.NewUserClientAsync(Roles.Coordinator);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/cases/{id}/interactions")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/cases/{id}/interactions", Visit())).StatusCode);
    }

    [Fact]
    public async Task Report_CountsHomeVisitsAndMeetingsPerCase()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var criteria = await app.AddCriteriaAsync(programme, "Child under 18");
        using var manager = await app.ApiClientAsync(await app.CreateUserAsync(Roles.CaseManager, organisation, programme));
        using var coordinator = await app.ApiClientAsync(await app.CreateUserAsync(Roles.Coordinator, organisation, programme));
        var (id, _) = await CaseBuilder.OpenAsync(manager, programme.Slug, date: "2026-01-10");
        await manager.PutAsJsonAsync($"/api/cases/{id}/screening", new { date = "2026-01-12", answers = criteria.Select(c => new { criterionId = c, answer = "met" }) });
        await manager.PostAsJsonAsync($"/api/cases/{id}/status", new { to = "admitted", date = "2026-01-15" });
        await manager.PostAsJsonAsync($"/api/cases/{id}/interactions", Visit("2026-02-10"));
        await manager.PostAsJsonAsync($"/api/cases/{id}/interactions", Visit("2026-03-10"));
        await manager.PostAsJsonAsync($"/api/cases/{id}/interactions", Visit("2026-03-11", "phone-call"));

        var report = await coordinator.GetFromJsonAsync<JsonElement>($"/api/reports/evaluation?programme={programme.Slug}");

        Assert.Equal(2, report.GetProperty("cohort").GetProperty("homeVisits").GetInt32());
        Assert.Equal(3.0, report.GetProperty("funders").GetProperty("meetingsPerCase").GetDouble());
        Assert.Equal(1, report.GetProperty("funders").GetProperty("handled").GetInt32());
    }
}

public sealed class InteractionsTestsOnSqlite(SqliteApp app) : InteractionsTests(app), IClassFixture<SqliteApp>;

public sealed class InteractionsTestsOnPostgres(PostgresApp app) : InteractionsTests(app), IClassFixture<PostgresApp>;
