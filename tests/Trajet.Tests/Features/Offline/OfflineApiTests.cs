using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Trajet.Tests.Features.Cases;
using Trajet.Tests.Features.Outreach;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Features.Accounts;

namespace Trajet.Tests.Features.Offline;

/// <summary>The key that seals a phone's offline store, its end at "sign out everywhere", and the days' work a phone keeps.</summary>
public abstract class OfflineApiTests(TrajetApp app)
{
    private static async Task<JsonElement> KeyAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/offline/key");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<bool> ValidAsync(JsonElement key) =>
        (await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/offline/status?user={key.GetProperty("userId")}&key={key.GetProperty("keyId")}"))
            .GetProperty("valid").GetBoolean();

    [Fact]
    public async Task Key_IsTheUsersPair_TheSameAtEachAsk_AndTheHalvesMatch()
    {
        var (client, _, _) = await app.NewUserClientAsync(Roles.CaseManager);

        var first = await KeyAsync(client);
        var again = await KeyAsync(client);

        Assert.Equal(first.GetProperty("keyId").GetString(), again.GetProperty("keyId").GetString());
        Assert.Equal(first.GetProperty("privateKey").GetString(), again.GetProperty("privateKey").GetString());
        using var publicHalf = RSA.Create();
        publicHalf.ImportSubjectPublicKeyInfo(Convert.FromBase64String(first.GetProperty("publicKey").GetString()!), out _);
        using var privateHalf = RSA.Create();
        privateHalf.ImportPkcs8PrivateKey(Convert.FromBase64String(first.GetProperty("privateKey").GetString()!), out _);
        var sealedText = publicHalf.Encrypt("Amina"u8.ToArray(), RSAEncryptionPadding.OaepSHA256);
        Assert.Equal("Amina"u8.ToArray(), privateHalf.Decrypt(sealedText, RSAEncryptionPadding.OaepSHA256));
        // The private half is encrypted at rest, like notes.
        var stored = await app.WithDbAsync((db, _) => db.Database.SqlQueryRaw<string>(@"SELECT ""PrivateKey"" AS ""Value"" FROM ""DeviceKeys""").ToListAsync());
        Assert.DoesNotContain(first.GetProperty("privateKey").GetString(), stored);
    }

    [Fact]
    public async Task Key_NotForStrangers_NorForEvaluators()
    {
        var (_, organisation, programme) = await app.NewUserClientAsync(Roles.CaseManager);
        var evaluator = await app.ApiClientAsync(await app.CreateUserAsync(Roles.Evaluator, organisation, programme));

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/offline/key")).StatusCode);
        // Evaluators read aggregates only: behind their wall, these routes do not exist.
        Assert.Equal(HttpStatusCode.NotFound, (await evaluator.GetAsync("/api/offline/key")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await evaluator.GetAsync("/api/offline/pack")).StatusCode);
    }

    [Fact]
    public async Task SignOutEverywhere_EndsTheKey_SoThatPhonesWipeWhatTheyKept()
    {
        var (client, _, _) = await app.NewUserClientAsync(Roles.OutreachWorker);
        var key = await KeyAsync(client);
        Assert.True(await ValidAsync(key));
        var userId = key.GetProperty("userId").GetGuid();

        await app.WithDbAsync((db, _) => Sessions.EndAllAsync(db, userId, CancellationToken.None));

        Assert.False(await ValidAsync(key));
        var next = await KeyAsync(await app.ApiClientAsync(key.GetProperty("email").GetString()!));
        Assert.NotEqual(key.GetProperty("keyId").GetString(), next.GetProperty("keyId").GetString());
        Assert.True(await ValidAsync(next));

        // A disabled account: no key is good any more.
        await app.WithDbAsync(async (db, _) => await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, false)));
        Assert.False(await ValidAsync(next));
    }

    [Fact]
    public async Task Status_OfAnUnknownKey_IsNotValid()
    {
        var (client, _, _) = await app.NewUserClientAsync(Roles.CaseManager);
        var key = await KeyAsync(client);
        var status = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/offline/status?user={key.GetProperty("userId")}&key=0123456789abcdef0123456789abcdef");

        Assert.False(status.GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task Pack_HoldsThePeopleTheWorkerMet_NotAColleaguesNorAnotherTeams()
    {
        var team = await OutreachTeam.CreateAsync(app);
        var colleague = await app.ApiClientAsync(await app.CreateUserAsync(Roles.OutreachWorker, team.Organisation, team.Programme));
        var session = await team.SessionAsync(await team.PlaceAsync(), date: DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd"));
        var mine = await team.PersonAsync("Mine");
        var theirs = await team.PersonAsync("Theirs");
        var never = await team.PersonAsync("NeverMet");
        await team.ContactAsync(session, personId: mine).Succeeded();
        await colleague.PostAsJsonAsync("/api/outreach/contacts", new { sessionId = session, personId = theirs, gender = "male", ageBand = "unknown", nationality = "unknown", informationGiven = new[] { "dublin" } }).Succeeded();
        var other = await OutreachTeam.CreateAsync(app);
        await other.ContactAsync(await other.SessionAsync(await other.PlaceAsync(), date: DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd")), personId: await other.PersonAsync("Elsewhere")).Succeeded();

        var pack = await team.Client.GetFromJsonAsync<JsonElement>("/api/offline/pack");

        var person = Assert.Single(pack.GetProperty("people").EnumerateArray());
        Assert.Equal((mine, "Mine"), (person.GetProperty("id").GetGuid(), person.GetProperty("nickname").GetString()));
        Assert.True(person.TryGetProperty("version", out _));
        Assert.Contains("/Outreach/LogContact", pack.GetProperty("pages").EnumerateArray().Select(p => p.GetString()));
        Assert.Empty(pack.GetProperty("cases").EnumerateArray());
        Assert.NotEqual(never, person.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Pack_HoldsTheCaseManagersOwnActiveCases_AndTheirForms()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var criteria = await app.AddCriteriaAsync(programme, "Child under 18");
        var coordinator = await app.ApiClientAsync(await app.CreateUserAsync(Roles.Coordinator, organisation, programme));
        var email = await app.CreateUserAsync(Roles.CaseManager, organisation, programme);
        var userId = await app.WithDbAsync((db, _) => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        async Task<Guid> ActiveAsync()
        {
            var opened = await CaseBuilder.OpenAsync(coordinator, programme.Slug, date: "2026-01-05");
            await CaseBuilder.AdmitAsync(coordinator, opened.Id, criteria, screened: "2026-01-06", admitted: "2026-01-07");
            await coordinator.PostAsJsonAsync($"/api/cases/{opened.Id}/status", new { to = "active", date = "2026-01-08" }).Succeeded();
            return opened.Id;
        }
        var own = await ActiveAsync();
        var colleagues = await ActiveAsync();
        var referred = (await CaseBuilder.OpenAsync(coordinator, programme.Slug)).Id;
        await coordinator.PostAsJsonAsync("/api/cases/bulk", new { caseIds = new[] { own, referred }, action = "assign", userId }).Succeeded();

        var pack = await (await app.ApiClientAsync(email)).GetFromJsonAsync<JsonElement>("/api/offline/pack");

        Assert.Equal([own], pack.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
        var pages = pack.GetProperty("pages").EnumerateArray().Select(p => p.GetString()).ToList();
        Assert.Contains($"/CaseWork/LogInteraction/{own}", pages);
        Assert.Contains($"/CaseWork/LogInteraction/{own}?type=Message", pages);
        Assert.DoesNotContain(pages, p => p!.Contains(colleagues.ToString()) || p.Contains(referred.ToString()));
        Assert.DoesNotContain("/Outreach/LogContact", pages);
        Assert.Empty(pack.GetProperty("people").EnumerateArray());
    }
}

public sealed class OfflineApiTestsOnSqlite(SqliteApp app) : OfflineApiTests(app), IClassFixture<SqliteApp>;

public sealed class OfflineApiTestsOnPostgres(PostgresApp app) : OfflineApiTests(app), IClassFixture<PostgresApp>;
