using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Trajet.Tests.Features.Accounts;
using Trajet.Tests.Features.Cases;
using Trajet.Tests.Features.Outreach;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Data;
using Trajet.Web.Features.Accounts;

namespace Trajet.Tests.Security;

/// <summary>The device outbox resends a create until it hears back: a key makes the repeat harmless.</summary>
public abstract class IdempotencyTests(TrajetApp app)
{
    internal static HttpRequestMessage Keyed(string url, object body, Guid key) =>
        new(HttpMethod.Post, url) { Content = JsonContent.Create(body), Headers = { { "Idempotency-Key", key.ToString() } } };

    [Fact]
    public async Task Contact_SentTwiceWithOneKey_IsCreatedOnce_AndTheRepeatGetsTheSameAnswer()
    {
        var team = await OutreachTeam.CreateAsync(app);
        var session = await team.SessionAsync(await team.PlaceAsync());
        var key = Guid.NewGuid();
        var body = new { sessionId = session, nickname = "Kofi", informationGiven = new[] { "dublin" } };

        var first = await team.Client.SendAsync(Keyed("/api/outreach/contacts", body, key));
        var again = await team.Client.SendAsync(Keyed("/api/outreach/contacts", body, key));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        var id = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(id, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(1, await app.WithDbAsync((db, _) => db.OutreachContacts.CountAsync(c => c.SessionId == session)));
        Assert.Equal(1, await app.WithDbAsync((db, _) => db.OutreachPeople.CountAsync(p => p.Nickname == "Kofi" && p.ProgrammeId == team.Programme.Id)));
    }

    [Fact]
    public async Task OneKey_WithAnotherBody_Is422_AndCreatesNothing()
    {
        var team = await OutreachTeam.CreateAsync(app);
        var session = await team.SessionAsync(await team.PlaceAsync());
        var key = Guid.NewGuid();
        (await team.Client.SendAsync(Keyed("/api/outreach/contacts", new { sessionId = session, informationGiven = new[] { "dublin" } }, key))).EnsureSuccessStatusCode();

        var other = await team.Client.SendAsync(Keyed("/api/outreach/contacts", new { sessionId = session, informationGiven = new[] { "reception" } }, key));
        var elsewhere = await team.Client.SendAsync(Keyed("/api/outreach/people", new { programme = team.Programme.Slug, nickname = "Amadou" }, key));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Contains("Idempotency-Key", await other.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, elsewhere.StatusCode);
        Assert.Equal(1, await app.WithDbAsync((db, _) => db.OutreachContacts.CountAsync(c => c.SessionId == session)));
    }

    [Fact]
    public async Task Keys_BelongToTheirUser_AndARefusalIsNotKept()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var criteria = await app.AddCriteriaAsync(programme, "Child under 18");
        using var first = await app.ApiClientAsync(await app.CreateUserAsync(Roles.CaseManager, organisation, programme));
        using var second = await app.ApiClientAsync(await app.CreateUserAsync(Roles.CaseManager, organisation, programme));
        var (id, _) = await CaseBuilder.OpenAsync(first, programme.Slug);
        var key = Guid.NewGuid();
        var url = $"/api/cases/{id}/interactions";

        var refused = await first.SendAsync(Keyed(url, new { type = "home-visit", date = "2999-01-01" }, key));
        var mended = await first.SendAsync(Keyed(url, new { type = "home-visit", date = "2026-02-01", notes = "Visit" }, key));
        var replayed = await first.SendAsync(Keyed(url, new { type = "home-visit", date = "2026-02-01", notes = "Visit" }, key));
        var sameKeyOtherUser = await second.SendAsync(Keyed(url, new { type = "home-visit", date = "2026-02-01", notes = "Visit" }, key));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Created, mended.StatusCode);
        Assert.Equal(HttpStatusCode.Created, replayed.StatusCode);
        Assert.Equal(HttpStatusCode.Created, sameKeyOtherUser.StatusCode);
        Assert.Equal(2, await app.WithDbAsync((db, _) => db.Interactions.CountAsync(i => i.CaseId == id)));
        var stored = await app.WithDbAsync((db, _) => db.Database.SqlQueryRaw<string>("""SELECT "Response" AS "Value" FROM "IdempotentRequests" WHERE "Key" = {0}""", key).ToListAsync());
        Assert.Equal(2, stored.Count);
        Assert.All(stored, r => Assert.StartsWith("enc1:", r)); // the answer names the family's visit: encrypted at rest
    }

    [Fact]
    public async Task RacingRepeats_CreateOnce()
    {
        var team = await OutreachTeam.CreateAsync(app);
        var session = await team.SessionAsync(await team.PlaceAsync());
        var key = Guid.NewGuid();
        var body = new { sessionId = session, nickname = "Tesfay", informationGiven = new[] { "dublin" } };

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => team.Client.SendAsync(Keyed("/api/outreach/contacts", body, key))));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        var ids = await Task.WhenAll(answers.Select(async a => (await a.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid()));
        Assert.Single(ids.Distinct());
        Assert.Equal(1, await app.WithDbAsync((db, _) => db.OutreachContacts.CountAsync(c => c.SessionId == session)));
    }

    [Fact]
    public async Task AKeyThatIsNoUuid_IsABadRequestNamingTheHeader()
    {
        var team = await OutreachTeam.CreateAsync(app);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/outreach/contacts")
        {
            Content = JsonContent.Create(new { informationGiven = new[] { "dublin" } }),
            Headers = { { "Idempotency-Key", "tuesday" } },
        };

        var response = await team.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Idempotency-Key", await response.Content.ReadAsStringAsync());
    }
}

public sealed class IdempotencyTestsOnSqlite(SqliteApp app) : IdempotencyTests(app), IClassFixture<SqliteApp>;

public sealed class IdempotencyTestsOnPostgres(PostgresApp app) : IdempotencyTests(app), IClassFixture<PostgresApp>;

/// <summary>
/// A phone offline for a week sends its outbox when it is back: the server still knows its keys then, even where
/// <c>Idempotency:KeepDays</c> says less (the fixtures say 1).
/// </summary>
public abstract class IdempotencyKeyLifetimeTests(ClockedTrajetApp app)
{
    [Fact]
    public async Task ARepeat_AWeekLater_GetsTheFirstAnswer_AndCreatesNothing()
    {
        var team = await OutreachTeam.CreateAsync(app);
        var session = await team.SessionAsync(await team.PlaceAsync());
        var key = Guid.NewGuid();
        var body = new { sessionId = session, nickname = "Selam", informationGiven = new[] { "dublin" } };
        var first = await team.Client.SendAsync(IdempotencyTests.Keyed("/api/outreach/contacts", body, key));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        app.Clock.Advance(TimeSpan.FromDays(7));
        using var later = await app.ApiClientAsync(team.Email); // signed in again: the first token has long expired
        var again = await later.SendAsync(IdempotencyTests.Keyed("/api/outreach/contacts", body, key));

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal("true", Assert.Single(again.Headers.GetValues("Idempotent-Replayed")));
        Assert.Equal((await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        Assert.Equal(1, await app.WithDbAsync((db, _) => db.OutreachContacts.CountAsync(c => c.SessionId == session)));
    }
}

/// <summary>Keys kept for a day only, as an operator might set: a week is kept all the same.</summary>
public sealed class ClockedSqliteApp() : ClockedTrajetApp(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Idempotency:KeepDays"] = "1" });

public sealed class ClockedPostgresApp() : ClockedTrajetApp(DatabaseProvider.Postgres, new Dictionary<string, string?> { ["Idempotency:KeepDays"] = "1" });

public sealed class IdempotencyKeyLifetimeTestsOnSqlite(ClockedSqliteApp app) : IdempotencyKeyLifetimeTests(app), IClassFixture<ClockedSqliteApp>;

public sealed class IdempotencyKeyLifetimeTestsOnPostgres(ClockedPostgresApp app) : IdempotencyKeyLifetimeTests(app), IClassFixture<ClockedPostgresApp>;
