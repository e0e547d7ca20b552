using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.Organisations;

namespace Trajet.Tests.Features.Cases;

/// <summary>A family that comes back (issue 23): a closed or declined case reopened, or a new referral linked to the earlier case.</summary>
public abstract class ReopeningTests(TrajetApp app)
{
    private sealed record Team(Programme Programme, IReadOnlyList<Guid> Criteria, HttpClient Manager, HttpClient Coordinator, string CoordinatorEmail, HttpClient Evaluator) : IDisposable
    {
        public void Dispose()
        {
            Manager.Dispose();
            Coordinator.Dispose();
            Evaluator.Dispose();
        }
    }

    private async Task<Team> TeamAsync()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var criteria = await app.AddCriteriaAsync(programme, "Child under 18");
        var coordinator = await app.CreateUserAsync(Roles.Coordinator, organisation, programme);
        return new Team(programme, criteria,
            await app.ApiClientAsync(await app.CreateUserAsync(Roles.CaseManager, organisation, programme)),
            await app.ApiClientAsync(coordinator), coordinator,
            await app.ApiClientAsync(await app.CreateUserAsync(Roles.Evaluator, organisation, programme)));
    }

    /// <summary>Referred 2026-01-10, admitted 2026-01-15, active the next day, closed 2026-03-31.</summary>
    private static async Task<Guid> ClosedCaseAsync(Team team)
    {
        var (id, _) = await CaseBuilder.OpenAsync(team.Manager, team.Programme.Slug, date: "2026-01-10");
        await CaseBuilder.AdmitAsync(team.Manager, id, team.Criteria);
        await team.Manager.PostAsJsonAsync($"/api/cases/{id}/status", new { to = "active", date = "2026-01-16" }).Succeeded();
        await team.Manager.PostAsJsonAsync($"/api/cases/{id}/status", new { to = "closed", date = "2026-03-31", reason = "Moved to another city", outcome = "disengaged", durableSolution = "none" }).Succeeded();
        return id;
    }

    private static async Task<Guid> DeclinedCaseAsync(Team team)
    {
        var (id, _) = await CaseBuilder.OpenAsync(team.Manager, team.Programme.Slug, date: "2026-01-10");
        await team.Manager.PostAsJsonAsync($"/api/cases/{id}/status", new { to = "declined", date = "2026-01-20", reason = "Not in the region" }).Succeeded();
        return id;
    }

    private static async Task<JsonElement> StatusAsync(HttpClient client, Guid id, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.PostAsJsonAsync($"/api/cases/{id}/status", body);
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private Task<List<(DateOnly From, DateOnly? To)>> PeriodsAsync(Guid caseId) =>
        app.WithDbAsync(async (db, _) => (await db.CaseSupportPeriods.Where(p => p.CaseId == caseId).OrderBy(p => p.From).ToListAsync())
            .Select(p => (p.From, p.To)).ToList());

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"No error on {field}: {problem}");
        return problem;
    }

    [Fact]
    public async Task Reopen_ClosedCase_ByCoordinator_IsActiveAgain_KeepsTheClosureInTheHistory_AndOpensAPeriod()
    {
        using var t = await TeamAsync();
        var id = await ClosedCaseAsync(t);
        Assert.Equal([(new DateOnly(2026, 1, 15), (DateOnly?)new DateOnly(2026, 3, 31))], await PeriodsAsync(id));

        var reopened = await StatusAsync(t.Coordinator, id, new { to = "active", date = "2026-06-02", reason = "The family came back after a new order to leave" });

        Assert.Equal("active", reopened.GetProperty("status").GetString());
        Assert.Equal("2026-01-15", reopened.GetProperty("admittedOn").GetString());
        Assert.Equal(JsonValueKind.Null, reopened.GetProperty("closedOn").ValueKind);
        Assert.Equal(JsonValueKind.Null, reopened.GetProperty("outcome").ValueKind);
        Assert.Equal(JsonValueKind.Null, reopened.GetProperty("durableSolution").ValueKind);
        var history = reopened.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["referred", "screening", "admitted", "active", "closed", "active"], history.Select(h => h.GetProperty("to").GetString()));
        var closure = history[4];
        Assert.Equal(("2026-03-31", "disengaged", "none", false), (closure.GetProperty("date").GetString(), closure.GetProperty("outcome").GetString(), closure.GetProperty("durableSolution").GetString(), closure.GetProperty("reopening").GetBoolean()));
        var reopening = history[5];
        Assert.True(reopening.GetProperty("reopening").GetBoolean());
        Assert.Equal("closed", reopening.GetProperty("from").GetString());
        Assert.Equal("2026-06-02", reopening.GetProperty("date").GetString());
        Assert.Equal("The family came back after a new order to leave", reopening.GetProperty("reason").GetString());
        Assert.StartsWith("Coordinator ", reopening.GetProperty("by").GetString());
        Assert.Equal([(new DateOnly(2026, 1, 15), (DateOnly?)new DateOnly(2026, 3, 31)), (new DateOnly(2026, 6, 2), null)], await PeriodsAsync(id));
        Assert.Equal(2, reopened.GetProperty("supportPeriods").GetArrayLength());

        // Closed again: the second period ends, the first admission stays the case's.
        var closedAgain = await StatusAsync(t.Manager, id, new { to = "closed", date = "2026-09-30", reason = "Permit granted", outcome = "resolved-regularisation", durableSolution = "legal-stay-here" });
        Assert.Equal(("2026-01-15", "2026-09-30"), (closedAgain.GetProperty("admittedOn").GetString(), closedAgain.GetProperty("closedOn").GetString()));
        Assert.Equal([(new DateOnly(2026, 1, 15), (DateOnly?)new DateOnly(2026, 3, 31)), (new DateOnly(2026, 6, 2), new DateOnly(2026, 9, 30))], await PeriodsAsync(id));
        var timeline = (await t.Manager.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/timeline?kinds=status")).EnumerateArray();
        Assert.Equal(["status:referred", "status:screening", "status:admitted", "status:active", "status:closed", "status:reopened", "status:closed"],
            timeline.Select(e => e.GetProperty("title").GetString()));

        // Evaluators see the steps, not the words nor who wrote them.
        var seen = await t.Evaluator.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");
        Assert.All(seen.GetProperty("history").EnumerateArray(), h => Assert.Equal((JsonValueKind.Null, JsonValueKind.Null), (h.GetProperty("by").ValueKind, h.GetProperty("reason").ValueKind)));
    }

    [Fact]
    public async Task Reopen_DeclinedCase_ByCoordinator_IsReferredAgain_AndCanBeAdmitted()
    {
        using var t = await TeamAsync();
        var id = await DeclinedCaseAsync(t);

        var reopened = await StatusAsync(t.Coordinator, id, new { to = "referred", date = "2026-02-01", reason = "Moved into the region" });

        Assert.Equal("referred", reopened.GetProperty("status").GetString());
        var last = reopened.GetProperty("history").EnumerateArray().Last();
        Assert.Equal(("declined", "referred", true), (last.GetProperty("from").GetString(), last.GetProperty("to").GetString(), last.GetProperty("reopening").GetBoolean()));
        Assert.Empty(await PeriodsAsync(id));
        await CaseBuilder.AdmitAsync(t.Manager, id, t.Criteria, screened: "2026-02-03", admitted: "2026-02-05");
        Assert.Equal([(new DateOnly(2026, 2, 5), (DateOnly?)null)], await PeriodsAsync(id));
    }

    [Fact]
    public async Task Reopen_ByCaseManager_Returns403AndChangesNothing()
    {
        using var t = await TeamAsync();
        var closed = await ClosedCaseAsync(t);
        var declined = await DeclinedCaseAsync(t);

        await StatusAsync(t.Manager, closed, new { to = "active", date = "2026-06-02", reason = "Came back" }, HttpStatusCode.Forbidden);
        await StatusAsync(t.Manager, declined, new { to = "referred", date = "2026-06-02", reason = "Came back" }, HttpStatusCode.Forbidden);

        var c = await t.Manager.GetFromJsonAsync<JsonElement>($"/api/cases/{closed}");
        Assert.Equal(("closed", "2026-03-31"), (c.GetProperty("status").GetString(), c.GetProperty("closedOn").GetString()));
        Assert.Empty(c.GetProperty("nextStatuses").EnumerateArray());
        Assert.Single(await PeriodsAsync(closed));
        Assert.Equal("declined", (await t.Manager.GetFromJsonAsync<JsonElement>($"/api/cases/{declined}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Reopen_WithoutReason_Returns400NamingReason_InTheUsersLanguage()
    {
        using var t = await TeamAsync();
        var id = await ClosedCaseAsync(t);

        await AssertProblemAsync(await t.Coordinator.PostAsJsonAsync($"/api/cases/{id}/status", new { to = "active", date = "2026-06-02" }), "reason");
        t.Coordinator.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr-BE");
        var problem = await AssertProblemAsync(await t.Coordinator.PostAsJsonAsync($"/api/cases/{id}/status", new { to = "active", date = "2026-06-02", reason = " " }), "reason");

        Assert.Equal("Indiquez pourquoi le dossier est rouvert.", problem.GetProperty("errors").GetProperty("reason")[0].GetString());
        var c = await t.Coordinator.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");
        Assert.Equal("closed", c.GetProperty("status").GetString());
        Assert.Single(await PeriodsAsync(id));
    }

    [Fact]
    public async Task Reopen_BeforeTheClosure_Returns400NamingDate()
    {
        using var t = await TeamAsync();
        var id = await ClosedCaseAsync(t);

        await AssertProblemAsync(await t.Coordinator.PostAsJsonAsync($"/api/cases/{id}/status", new { to = "active", date = "2026-03-01", reason = "Came back" }), "date");
    }

    [Fact]
    public async Task Reopen_WhenOtherOrganisation_Returns404()
    {
        using var t = await TeamAsync();
        var id = await ClosedCaseAsync(t);
        var (stranger, _, _) = await app.NewUserClientAsync(Roles.Coordinator);

        await StatusAsync(stranger, id, new { to = "active", date = "2026-06-02", reason = "Came back" }, HttpStatusCode.NotFound);
        Assert.Equal("closed", (await t.Coordinator.GetFromJsonAsync<JsonElement>($"/api/cases/{id}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task CloseInBulk_EndsTheSupportPeriod()
    {
        using var t = await TeamAsync();
        var (id, _) = await CaseBuilder.OpenAsync(t.Manager, t.Programme.Slug, date: "2026-01-10");
        await CaseBuilder.AdmitAsync(t.Manager, id, t.Criteria);

        await t.Coordinator.PostAsJsonAsync("/api/cases/bulk", new { caseIds = new[] { id }, action = "close", date = "2026-04-30", reason = "Programme ended", outcome = "remained-in-contact", durableSolution = "none" }).Succeeded();

        Assert.Equal([(new DateOnly(2026, 1, 15), (DateOnly?)new DateOnly(2026, 4, 30))], await PeriodsAsync(id));
    }

    [Fact]
    public async Task Open_FollowingAnEarlierCase_LinksThemBothWays_InOneFamily()
    {
        using var t = await TeamAsync();
        var first = await ClosedCaseAsync(t);
        var firstNumber = (await t.Manager.GetFromJsonAsync<JsonElement>($"/api/cases/{first}")).GetProperty("number").GetString();

        var response = await t.Manager.PostAsJsonAsync("/api/cases", new { programme = t.Programme.Slug, kind = "family", referral = new { source = "community", date = "2026-10-01" }, previousCase = first });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var second = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var third = (await (await t.Manager.PostAsJsonAsync("/api/cases", new { programme = t.Programme.Slug, kind = "family", referral = new { source = "self", date = "2026-11-01" }, previousCase = second }).Succeeded())
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var later = await t.Manager.GetFromJsonAsync<JsonElement>($"/api/cases/{second}");
        Assert.Equal(first, later.GetProperty("previousCase").GetProperty("id").GetGuid());
        Assert.Equal(firstNumber, later.GetProperty("previousCase").GetProperty("number").GetString());
        Assert.Equal([third], later.GetProperty("nextCases").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
        var earlier = await t.Manager.GetFromJsonAsync<JsonElement>($"/api/cases/{first}");
        Assert.Equal(JsonValueKind.Null, earlier.GetProperty("previousCase").ValueKind);
        Assert.Equal([second], earlier.GetProperty("nextCases").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
        var families = await app.WithDbAsync((db, _) => db.Cases.Where(c => c.Id == first || c.Id == second || c.Id == third).Select(c => c.FamilyId).Distinct().ToListAsync());
        Assert.Equal([first], families);
    }

    [Fact]
    public async Task Open_FollowingACaseOfAnotherOrganisation_Returns400NamingPreviousCase_AndSavesNothing()
    {
        using var t = await TeamAsync();
        var (stranger, _, strangerProgramme) = await app.NewUserClientAsync(Roles.Coordinator);
        var (theirs, _) = await CaseBuilder.OpenAsync(stranger, strangerProgramme.Slug);

        var response = await t.Coordinator.PostAsJsonAsync("/api/cases", new { programme = t.Programme.Slug, kind = "family", referral = new { source = "community", date = "2026-10-01" }, previousCase = theirs });
        var unknown = await t.Coordinator.PostAsJsonAsync("/api/cases", new { programme = t.Programme.Slug, kind = "family", referral = new { source = "community", date = "2026-10-01" }, previousCase = Guid.NewGuid() });

        var problem = await AssertProblemAsync(response, "previousCase");
        var other = await AssertProblemAsync(unknown, "previousCase");
        Assert.Equal(other.GetProperty("errors").GetProperty("previousCase")[0].GetString(), problem.GetProperty("errors").GetProperty("previousCase")[0].GetString());
        Assert.Equal(0, (await t.Coordinator.GetFromJsonAsync<JsonElement>("/api/cases")).GetProperty("total").GetInt32());
        Assert.Empty((await stranger.GetFromJsonAsync<JsonElement>($"/api/cases/{theirs}")).GetProperty("nextCases").EnumerateArray());
    }
}

public sealed class ReopeningTestsOnSqlite(SqliteApp app) : ReopeningTests(app), IClassFixture<SqliteApp>;

public sealed class ReopeningTestsOnPostgres(PostgresApp app) : ReopeningTests(app), IClassFixture<PostgresApp>;
