using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.Audit;

namespace Trajet.Tests.Features.Cases;

/// <summary>A coordinator assigns, hands over and closes several cases at once from the case list.</summary>
public abstract class BulkChangeTests(TrajetApp app)
{
    private sealed record Team(HttpClient Coordinator, string CoordinatorEmail, Guid WorkerId, Guid OtherWorkerId, string ProgrammeSlug, Guid[] Criteria);

    private async Task<Team> TeamAsync()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var criteria = (await app.AddCriteriaAsync(programme, "Child under 18")).ToArray();
        var coordinatorEmail = await app.CreateUserAsync(Roles.Coordinator, organisation, programme);
        var worker = await app.CreateUserAsync(Roles.CaseManager, organisation, programme);
        var other = await app.CreateUserAsync(Roles.CaseManager, organisation, programme);
        var ids = await app.WithDbAsync((db, _) => db.Users.Where(u => u.Email == worker || u.Email == other).ToDictionaryAsync(u => u.Email!, u => u.Id));
        return new(await app.ApiClientAsync(coordinatorEmail), coordinatorEmail, ids[worker], ids[other], programme.Slug, criteria);
    }

    private static async Task<(Guid Id, string Number)> ActiveCaseAsync(Team team)
    {
        var opened = await CaseBuilder.OpenAsync(team.Coordinator, team.ProgrammeSlug, date: "2026-01-05");
        await team.Coordinator.PutAsJsonAsync($"/api/cases/{opened.Id}/screening", new { date = "2026-01-06", answers = team.Criteria.Select(c => new { criterionId = c, answer = "met" }) }).Succeeded();
        await team.Coordinator.PostAsJsonAsync($"/api/cases/{opened.Id}/status", new { to = "admitted", date = "2026-01-07" }).Succeeded();
        return opened;
    }

    private async Task<List<Guid>> AssigneesAsync(Guid caseId) =>
        await app.WithDbAsync((db, _) => db.CaseAssignments.Where(a => a.CaseId == caseId).Select(a => a.UserId).ToListAsync());

    [Fact]
    public async Task Api_AssignsThenHandsOverSeveralCases_EachChangeAudited()
    {
        var team = await TeamAsync();
        var cases = new[] { await CaseBuilder.OpenAsync(team.Coordinator, team.ProgrammeSlug), await CaseBuilder.OpenAsync(team.Coordinator, team.ProgrammeSlug) };
        var ids = cases.Select(c => c.Id).ToArray();

        var assigned = await team.Coordinator.PostAsJsonAsync("/api/cases/bulk", new { caseIds = ids, action = "assign", userId = team.WorkerId });
        Assert.Equal(2, (await assigned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("changed").GetInt32());
        await team.Coordinator.PostAsJsonAsync("/api/cases/bulk", new { caseIds = ids[..1], action = "assign", userId = team.OtherWorkerId }).Succeeded();
        Assert.Equal(new[] { team.WorkerId, team.OtherWorkerId }.Order(), (await AssigneesAsync(ids[0])).Order());
        Assert.Equal([team.WorkerId], await AssigneesAsync(ids[1]));

        await team.Coordinator.PostAsJsonAsync("/api/cases/bulk", new { caseIds = ids, action = "reassign", userId = team.OtherWorkerId }).Succeeded();

        foreach (var id in ids)
        {
            Assert.Equal([team.OtherWorkerId], await AssigneesAsync(id));
            var audited = await app.WithDbAsync((db, _) => db.AuditEntries.CountAsync(e => e.CaseId == id && e.ActorEmail == team.CoordinatorEmail && e.EntityType == "CaseAssignment"));
            Assert.True(audited >= 2, $"{audited} assignment entries in the audit trail of {id}");
        }

        // A worker who has left stays on the cases; adding another still works.
        await app.WithDbAsync((db, _) => db.Users.Where(u => u.Id == team.OtherWorkerId).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, false)));
        await team.Coordinator.PostAsJsonAsync("/api/cases/bulk", new { caseIds = ids, action = "assign", userId = team.WorkerId }).Succeeded();
        Assert.Equal(new[] { team.WorkerId, team.OtherWorkerId }.Order(), (await AssigneesAsync(ids[1])).Order());
    }

    [Fact]
    public async Task Api_Close_OneCaseThatCannotClose_SavesNothing_AndNamesIt()
    {
        var team = await TeamAsync();
        var closable = await ActiveCaseAsync(team);
        var referred = await CaseBuilder.OpenAsync(team.Coordinator, team.ProgrammeSlug);
        var body = new { caseIds = new[] { closable.Id, referred.Id }, action = "close", date = "2026-02-01", reason = "Moved away", outcome = "disengaged", durableSolution = "none" };

        var refused = await team.Coordinator.PostAsJsonAsync("/api/cases/bulk", body);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("caseIds[1].to", out _), errors.ToString());
        Assert.False(errors.TryGetProperty("caseIds[0].to", out _), errors.ToString());
        var status = await team.Coordinator.GetFromJsonAsync<JsonElement>($"/api/cases/{closable.Id}");
        Assert.Equal("admitted", status.GetProperty("status").GetString());

        var closed = await team.Coordinator.PostAsJsonAsync("/api/cases/bulk", body with { caseIds = new[] { closable.Id } });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal("closed", (await team.Coordinator.GetFromJsonAsync<JsonElement>($"/api/cases/{closable.Id}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Api_IsForCoordinators_AndAnotherOrganisationsCaseIsNotFound()
    {
        var team = await TeamAsync();
        var mine = await CaseBuilder.OpenAsync(team.Coordinator, team.ProgrammeSlug);
        var (stranger, _, strangerProgramme) = await app.NewUserClientAsync(Roles.Coordinator);
        var theirs = await CaseBuilder.OpenAsync(stranger, strangerProgramme.Slug);
        var (worker, _, _) = await app.NewUserClientAsync(Roles.CaseManager);

        var mixed = await team.Coordinator.PostAsJsonAsync("/api/cases/bulk", new { caseIds = new[] { mine.Id, theirs.Id }, action = "assign", userId = team.WorkerId });
        var notCoordinator = await worker.PostAsJsonAsync("/api/cases/bulk", new { caseIds = new[] { mine.Id }, action = "assign", userId = team.WorkerId });
        var noCase = await team.Coordinator.PostAsJsonAsync("/api/cases/bulk", new { caseIds = Array.Empty<Guid>(), action = "close" });

        Assert.Equal(HttpStatusCode.NotFound, mixed.StatusCode);
        Assert.Empty(await AssigneesAsync(mine.Id));
        Assert.Equal(HttpStatusCode.Forbidden, notCoordinator.StatusCode);
        var errors = (await noCase.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("caseIds", out _) && errors.TryGetProperty("reason", out _) && errors.TryGetProperty("outcome", out _), errors.ToString());
    }

    [Theory]
    [InlineData("fr", "2 dossiers modifiés.", "Ce changement de statut n'est pas possible")]
    [InlineData("nl", "2 dossiers gewijzigd.", "Deze statuswijziging is niet mogelijk")]
    [InlineData("en", "2 cases changed.", "This status change is not possible")]
    public async Task Page_TicksCasesInTheList_AndChangesThemAtOnce(string language, string notice, string refusal)
    {
        var team = await TeamAsync();
        var first = await ActiveCaseAsync(team);
        var second = await ActiveCaseAsync(team);
        var referred = await CaseBuilder.OpenAsync(team.Coordinator, team.ProgrammeSlug);
        using var browser = await app.SignedInBrowserAsync(team.CoordinatorEmail);
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var list = await Html.GetAsync(browser, "/Cases");
        var token = list.QuerySelector("#bulk input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var action = list.QuerySelector("form#bulk")!.GetAttribute("action")!;

        var done = await browser.PostAsync(action, new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token), new("Bulk.CaseIds", first.Id.ToString()), new("Bulk.CaseIds", second.Id.ToString()),
            new("Bulk.Action", "Reassign"), new("Bulk.UserId", team.WorkerId.ToString()),
        ]));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var after = await Html.GetAsync(browser, done.Headers.Location!.OriginalString);
        Assert.Equal(notice, after.QuerySelector(".notice")!.TextContent);
        Assert.Equal([team.WorkerId], await AssigneesAsync(second.Id));

        var refused = await Html.ParseAsync(await browser.PostAsync(action, new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token), new("Bulk.CaseIds", first.Id.ToString()), new("Bulk.CaseIds", referred.Id.ToString()),
            new("Bulk.Action", "Close"), new("Bulk.Reason", "Moved"), new("Bulk.Outcome", "Disengaged"), new("Bulk.DurableSolution", "None"),
        ])));
        var error = refused.QuerySelector("#bulk ul.errors")!.TextContent;
        Assert.Contains(referred.Number, error);
        Assert.Contains(refusal, error);
        Assert.DoesNotContain(first.Number, error);
        Assert.Equal("admitted", (await team.Coordinator.GetFromJsonAsync<JsonElement>($"/api/cases/{first.Id}")).GetProperty("status").GetString());
    }
}

public sealed class BulkChangeTestsOnSqlite(SqliteApp app) : BulkChangeTests(app), IClassFixture<SqliteApp>;

public sealed class BulkChangeTestsOnPostgres(PostgresApp app) : BulkChangeTests(app), IClassFixture<PostgresApp>;
