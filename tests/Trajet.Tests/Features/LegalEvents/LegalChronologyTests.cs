using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Trajet.Tests.Features.Cases;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.LegalEvents;

namespace Trajet.Tests.Features.LegalEvents;

public abstract class LegalChronologyTests(TrajetApp app)
{
    [Fact]
    public async Task Chronology_EnteredOutOfOrder_IsShownInDateOrder_WithComputedDeadlines()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        await app.WithDbAsync(async (db, _) => { db.DeadlineRules.AddRange(LegalDeadlines.Defaults(organisation.Id)); return await db.SaveChangesAsync(); });
        using var client = await app.ApiClientAsync(await app.CreateUserAsync(Roles.CaseManager, organisation, programme));
        var (id, _) = await CaseBuilder.OpenAsync(client, programme.Slug);

        await client.PostAsJsonAsync($"/api/cases/{id}/legal-events", new { type = "order-to-leave", date = "2024-05-02", daysToComply = 30, authority = "Immigration Office" }).Succeeded();
        await client.PostAsJsonAsync($"/api/cases/{id}/legal-events", new { type = "arrival", date = "2019-09-01" }).Succeeded();
        await client.PostAsJsonAsync($"/api/cases/{id}/legal-events", new { type = "decision", date = "2023-11-14", outcome = "negative", authority = "CGRS", reference = "CG-123" }).Succeeded();

        var events = (await client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/legal-events")).EnumerateArray().ToList();
        Assert.Equal(["arrival", "decision", "order-to-leave"], events.Select(e => e.GetProperty("type").GetString()));
        Assert.Equal("2023-12-14", events[1].GetProperty("deadline").GetString());
        Assert.StartsWith("Appeal against a negative decision", events[1].GetProperty("deadlineSource").GetString());
        Assert.Equal("2024-06-01", events[2].GetProperty("deadline").GetString());
        Assert.Equal(JsonValueKind.Null, events[0].GetProperty("deadline").ValueKind);
    }

    [Fact]
    public async Task Deadline_FollowsTheOrganisationsRule_NotCode()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        await app.WithDbAsync(async (db, _) =>
        {
            db.DeadlineRules.Add(new DeadlineRule { OrganisationId = organisation.Id, EventType = LegalEventType.Decision, Outcome = LegalOutcome.Negative, Label = "Accelerated procedure: 10 days", Days = 10 });
            return await db.SaveChangesAsync();
        });
        using var client = await app.ApiClientAsync(await app.CreateUserAsync(Roles.CaseManager, organisation, programme));
        var (id, _) = await CaseBuilder.OpenAsync(client, programme.Slug);

        var created = await (await client.PostAsJsonAsync($"/api/cases/{id}/legal-events", new { type = "decision", date = "2025-01-10", outcome = "negative" })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("2025-01-20", created.GetProperty("deadline").GetString());
        Assert.Equal("Accelerated procedure: 10 days", created.GetProperty("deadlineSource").GetString());
    }

    [Theory]
    [InlineData("deadline", """{"type":"decision","date":"2025-01-10","deadline":"2025-01-01"}""")]
    [InlineData("date", """{"type":"decision","date":"2099-01-10"}""")]
    [InlineData("type", """{"type":"rumour","date":"2025-01-10"}""")]
    [InlineData("outcome", """{"type":"decision","date":"2025-01-10","outcome":"unlucky"}""")]
    public async Task LegalEvent_WithBadField_Returns400NamingIt(string field, string json)
    {
        var (client, _, programme) = await app.NewUserClientAsync(Roles.CaseManager);
        var (id, _) = await CaseBuilder.OpenAsync(client, programme.Slug);

        var response = await client.PostAsync($"/api/cases/{id}/legal-events", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/legal-events")).EnumerateArray());
    }

    [Fact]
    public async Task Chronology_OfOtherOrganisation_Is404()
    {
        var (owner, _, programme) = await app.NewUserClientAsync(Roles.CaseManager);
        var (id, _) = await CaseBuilder.OpenAsync(owner, programme.Slug);
        var (stranger, _, _) = await app.NewUserClientAsync(Roles.Coordinator);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/cases/{id}/legal-events")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/cases/{id}/legal-events", new { type = "arrival", date = "2020-01-01" })).StatusCode);
    }

    [Fact]
    public async Task Coordinator_ChangesARuleInTheUi_AndTheNextDeadlineFollows()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        await app.WithDbAsync(async (db, _) => { db.DeadlineRules.AddRange(LegalDeadlines.Defaults(organisation.Id)); return await db.SaveChangesAsync(); });
        var coordinatorEmail = await app.CreateUserAsync(Roles.Coordinator, organisation, programme);
        using var browser = await app.SignedInBrowserAsync(coordinatorEmail);
        var page = await Html.GetAsync(browser, "/Organisations/DeadlineRules");
        var appeal = page.QuerySelectorAll("form.card").First(f => f.TextContent.Contains("Appeal against a negative decision"));
        var ruleId = appeal.QuerySelector("input[name='ruleId']")!.GetAttribute("value");

        var saved = await Html.SubmitAsync(browser, page, $"form.card:has(input[value='{ruleId}'])", new Dictionary<string, string> { ["days"] = "15", ["label"] = "Appeal: 15 days (detention procedure)" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var api = await app.ApiClientAsync(coordinatorEmail);
        var (id, _) = await CaseBuilder.OpenAsync(api, programme.Slug);
        var created = await (await api.PostAsJsonAsync($"/api/cases/{id}/legal-events", new { type = "decision", date = "2025-01-10", outcome = "negative" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("2025-01-25", created.GetProperty("deadline").GetString());
        Assert.Equal(3, await app.WithDbAsync((db, _) => db.DeadlineRules.CountAsync(r => r.OrganisationId == organisation.Id)));
    }
}

public sealed class LegalChronologyTestsOnSqlite(SqliteApp app) : LegalChronologyTests(app), IClassFixture<SqliteApp>;

public sealed class LegalChronologyTestsOnPostgres(PostgresApp app) : LegalChronologyTests(app), IClassFixture<PostgresApp>;
