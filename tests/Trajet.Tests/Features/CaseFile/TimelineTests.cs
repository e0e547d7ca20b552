using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Trajet.Tests.Features.Cases;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Features.Accounts;

namespace Trajet.Tests.Features.CaseFile;

public abstract class TimelineTests(TrajetApp app)
{
    [Fact]
    public async Task Timeline_MergesEverythingInDateOrder_AndFilters()
    {
        var (client, _, programme) = await app.NewUserClientAsync(Roles.CaseManager);
        var (id, _) = await CaseBuilder.OpenAsync(client, programme.Slug, date: "2026-01-10");
        await client.PostAsJsonAsync($"/api/cases/{id}/interactions", new { type = "home-visit", date = "2026-02-10", notes = "First visit" }).Succeeded();
        await client.PostAsJsonAsync($"/api/cases/{id}/legal-events", new { type = "arrival", date = "2019-09-01" }).Succeeded();
        await client.PostAsJsonAsync($"/api/cases/{id}/plan/goals", new { option = "voluntary-return", description = "Return with support", agreedOn = "2026-03-01" }).Succeeded();
        var letter = new MultipartFormDataContent { { new StringContent("support-letter"), "type" }, { new StringContent("Letter from the school"), "title" }, { new StringContent("2026-02-20"), "issueDate" } };
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync($"/api/cases/{id}/documents", letter)).StatusCode);
        await client.PostAsJsonAsync($"/api/cases/{id}/status", new { to = "declined", date = "2026-03-05", reason = "Moved to another city" }).Succeeded();

        var all = (await client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/timeline")).EnumerateArray().ToList();
        var legalOnly = (await client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/timeline?kinds=legal,interaction")).EnumerateArray().ToList();

        Assert.Equal(["legal:arrival", "status:referred", "interaction:home-visit", "document:support-letter", "goal:voluntary-return", "status:declined"], all.Select(e => e.GetProperty("title").GetString()));
        Assert.Equal("Moved to another city", all[^1].GetProperty("detail").GetString());
        Assert.Equal(["legal", "interaction"], legalOnly.Select(e => e.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task Timeline_OfOtherOrganisation_Is404()
    {
        var (owner, _, programme) = await app.NewUserClientAsync(Roles.CaseManager);
        var (id, _) = await CaseBuilder.OpenAsync(owner, programme.Slug, date: "2026-01-10");
        var (stranger, _, _) = await app.NewUserClientAsync(Roles.Coordinator);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/cases/{id}/timeline")).StatusCode);
    }
}

public sealed class TimelineTestsOnSqlite(SqliteApp app) : TimelineTests(app), IClassFixture<SqliteApp>;

public sealed class TimelineTestsOnPostgres(PostgresApp app) : TimelineTests(app), IClassFixture<PostgresApp>;
