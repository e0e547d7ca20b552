using System.Net.Http.Json;
using System.Text.Json;
using Trajet.Tests.Features.Cases;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.LegalEvents;

namespace Trajet.Tests.Features.Deadlines;

public abstract class DeadlineListTests(TrajetApp app)
{
    [Fact]
    public async Task Deadlines_ListLegalLimitsOverdueActionsAndQuietFamilies_ForTheWorkersCasesOnly()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        await app.WithDbAsync(async (db, _) => { db.DeadlineRules.AddRange(LegalDeadlines.Defaults(organisation.Id)); return await db.SaveChangesAsync(); });
        var criteria = await app.AddCriteriaAsync(programme, "Child under 18");
        var managerEmail = await app.CreateUserAsync(Roles.CaseManager, organisation, programme);
        using var manager = await app.ApiClientAsync(managerEmail);
        using var coordinator = await app.ApiClientAsync(await app.CreateUserAsync(Roles.Coordinator, organisation, programme));
        var managerId = await app.WithDbAsync((db, _) => Task.FromResult(db.Users.Single(u => u.Email == managerEmail).Id));
        var today = DateOnly.FromDateTime(DateTime.Now);
        string Day(int offset) => today.AddDays(offset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var (mine, mineNumber) = await CaseBuilder.OpenAsync(manager, programme.Slug, date: Day(-200));
        var (other, otherNumber) = await CaseBuilder.OpenAsync(coordinator, programme.Slug, date: Day(-200));
        await coordinator.PutAsJsonAsync($"/api/cases/{mine}/assignees", new { userIds = new[] { managerId } }).Succeeded();
        await manager.PutAsJsonAsync($"/api/cases/{mine}/screening", new { date = Day(-190), answers = criteria.Select(c => new { criterionId = c, answer = "met" }) }).Succeeded();
        await manager.PostAsJsonAsync($"/api/cases/{mine}/status", new { to = "admitted", date = Day(-180) }).Succeeded();
        await manager.PostAsJsonAsync($"/api/cases/{mine}/status", new { to = "active", date = Day(-180) }).Succeeded();
        await manager.PostAsJsonAsync($"/api/cases/{mine}/interactions", new { type = "home-visit", date = Day(-60) }).Succeeded();
        await manager.PostAsJsonAsync($"/api/cases/{mine}/legal-events", new { type = "decision", outcome = "negative", date = Day(-20) }).Succeeded();
        await manager.PostAsJsonAsync($"/api/cases/{mine}/plan/goals", new { option = "legal-stay-here", description = "Appeal", agreedOn = Day(-150) }).Succeeded();
        await manager.PostAsJsonAsync($"/api/cases/{mine}/plan/actions", new { description = "Send the appeal brief", owner = "lawyer", dueDate = Day(-2) }).Succeeded();
        await coordinator.PostAsJsonAsync($"/api/cases/{other}/legal-events", new { type = "order-to-leave", daysToComply = 30, date = Day(-10) }).Succeeded();
        var letter = new MultipartFormDataContent { { new StringContent("support-letter"), "type" }, { new StringContent("School director's letter"), "title" }, { new StringContent(Day(-170)), "issueDate" } };
        Assert.Equal(System.Net.HttpStatusCode.Created, (await manager.PostAsync($"/api/cases/{mine}/documents", letter)).StatusCode);

        var workers = await manager.GetFromJsonAsync<JsonElement>("/api/deadlines");
        var coordinators = await coordinator.GetFromJsonAsync<JsonElement>("/api/deadlines");

        Assert.Equal("mine", workers.GetProperty("scope").GetString());
        var items = workers.GetProperty("items").EnumerateArray().ToList();
        Assert.All(items, i => Assert.Equal(mineNumber, i.GetProperty("caseNumber").GetString()));
        Assert.Equal(["action-due", "document-expiring", "legal-deadline", "no-recent-contact"], items.Select(i => i.GetProperty("kind").GetString()).Order());
        Assert.Equal(today.AddDays(-170).AddMonths(6).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            items.Single(i => i.GetProperty("kind").GetString() == "document-expiring").GetProperty("due").GetString());
        Assert.Equal(Day(10), items.Single(i => i.GetProperty("kind").GetString() == "legal-deadline").GetProperty("due").GetString());
        Assert.Equal("all", coordinators.GetProperty("scope").GetString());
        Assert.Contains(coordinators.GetProperty("items").EnumerateArray(), i => i.GetProperty("caseNumber").GetString() == otherNumber);
    }

    [Fact]
    public async Task ReopenedCase_IsQuietFromItsReopening_NotFromItsContactsBeforeTheClosure()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var criteria = await app.AddCriteriaAsync(programme, "Child under 18");
        using var coordinator = await app.ApiClientAsync(await app.CreateUserAsync(Roles.Coordinator, organisation, programme));
        var today = DateOnly.FromDateTime(DateTime.Now);
        string Day(int offset) => today.AddDays(offset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var (id, number) = await CaseBuilder.OpenAsync(coordinator, programme.Slug, date: Day(-200));
        await CaseBuilder.AdmitAsync(coordinator, id, criteria, screened: Day(-195), admitted: Day(-190));
        await coordinator.PostAsJsonAsync($"/api/cases/{id}/interactions", new { type = "home-visit", date = Day(-150) }).Succeeded();
        await coordinator.PostAsJsonAsync($"/api/cases/{id}/status", new { to = "closed", date = Day(-120), reason = "Moved away", outcome = "disengaged", durableSolution = "none" }).Succeeded();

        await coordinator.PostAsJsonAsync($"/api/cases/{id}/status", new { to = "active", date = Day(-5), reason = "Came back" }).Succeeded();
        var reopened = await coordinator.GetFromJsonAsync<JsonElement>("/api/deadlines");

        Assert.DoesNotContain(reopened.GetProperty("items").EnumerateArray(), i => i.GetProperty("caseNumber").GetString() == number);
    }
}

public sealed class DeadlineListTestsOnSqlite(SqliteApp app) : DeadlineListTests(app), IClassFixture<SqliteApp>;

public sealed class DeadlineListTestsOnPostgres(PostgresApp app) : DeadlineListTests(app), IClassFixture<PostgresApp>;
