using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trajet.Tests.Features.Cases;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.Audit;
using static Trajet.Tests.Features.Documents.DocumentFiles;

namespace Trajet.Tests.Features.Audit;

public abstract class AuditTrailTests(TrajetApp app)
{
    [Fact]
    public async Task ReadingACase_ThroughTheApi_RecordsARead()
    {
        var (client, organisation, programme) = await app.NewUserClientAsync(Roles.CaseManager);
        var (id, _) = await CaseBuilder.OpenAsync(client, programme.Slug);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/cases/{id}")).StatusCode);

        var read = Assert.Single(await EntriesAsync(id, AuditAction.Read));
        Assert.Equal("Case", read.EntityType);
        Assert.Equal(id.ToString(), read.EntityId);
        Assert.Equal(organisation.Id, read.OrganisationId);
        Assert.Equal(organisation.Id, read.ActorOrganisationId);
        Assert.StartsWith("casemanager-", read.ActorEmail);
        Assert.Contains($"/api/cases/{id}", read.Details);
    }

    [Fact]
    public async Task ReadingTheCasePage_AndThePersonPage_RecordsReadsOfTheCaseAndThePerson()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var email = await app.CreateUserAsync(Roles.CaseManager, organisation, programme);
        using var client = await app.ApiClientAsync(email);
        var (id, _) = await CaseBuilder.OpenAsync(client, programme.Slug);
        var memberId = await AddParentAsync(client, id);
        using var browser = await app.SignedInBrowserAsync(email);

        await Html.GetAsync(browser, $"/Cases/Details/{id}");
        await Html.GetAsync(browser, $"/Cases/EditMember/{id}/{memberId}");

        var reads = await EntriesAsync(id, AuditAction.Read);
        Assert.Contains(reads, e => e.EntityType == "Case" && e.Details!.Contains("/Cases/Details/"));
        Assert.Contains(reads, e => e.EntityType == "Member" && e.EntityId == memberId.ToString());
    }

    [Fact]
    public async Task EveryCaseEndpointAnsweringAGet_RecordsTheRead()
    {
        var (client, _, programme) = await app.NewUserClientAsync(Roles.Coordinator);
        var (id, _) = await CaseBuilder.OpenAsync(client, programme.Slug);
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => e.RoutePattern)
            .Where(p => p.RawText!.StartsWith("/api/cases/{id", StringComparison.Ordinal) && p.Parameters.Count == 1)
            .Select(p => p.RawText!.Replace("{id:guid}", id.ToString()))
            .ToList();
        Assert.True(routes.Count >= 8, string.Join(", ", routes));

        foreach (var route in routes)
        {
            var before = (await EntriesAsync(id, AuditAction.Read)).Count;
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(route)).StatusCode);
            Assert.True((await EntriesAsync(id, AuditAction.Read)).Count == before + 1, $"GET {route} was not recorded");
        }
    }

    [Fact]
    public async Task ReadingAnotherOrganisationsCase_RecordsNothing()
    {
        var (owner, _, programme) = await app.NewUserClientAsync(Roles.CaseManager);
        var (id, _) = await CaseBuilder.OpenAsync(owner, programme.Slug);
        var (stranger, _, _) = await app.NewUserClientAsync(Roles.Coordinator);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/cases/{id}")).StatusCode);

        Assert.Empty(await EntriesAsync(id, AuditAction.Read));
    }

    [Fact]
    public async Task UpdatingAPerson_RecordsOldAndNewValues()
    {
        var (client, organisation, programme) = await app.NewUserClientAsync(Roles.CaseManager);
        var (id, _) = await CaseBuilder.OpenAsync(client, programme.Slug);
        var memberId = await AddParentAsync(client, id);

        var updated = await client.PutAsJsonAsync($"/api/cases/{id}/members/{memberId}", new
        {
            role = "parent",
            firstName = "Lusiné",
            lastName = "Petrosyan",
            gender = "female",
            birthDate = "1986-04-02",
            nationality = "AM",
            languages = new[] { "hy" },
            version = 0,
        });

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var update = Assert.Single(await EntriesAsync(id, AuditAction.Update), e => e.EntityType == "Member");
        Assert.Equal(memberId.ToString(), update.EntityId);
        Assert.Equal(organisation.Id, update.OrganisationId);
        // In the database, a person's names are sealed with their own key (so that erasing them can make them unreadable)…
        var stored = JsonDocument.Parse(update.Details!).RootElement.GetProperty("changes");
        Assert.StartsWith("pk1:", stored.GetProperty("FirstName").GetProperty("old").GetString());
        Assert.DoesNotContain("Lusin", update.Details);
        Assert.False(stored.TryGetProperty("LastName", out _));
        // …and the coordinator reading the case's history sees the old and new values.
        var coordinator = await app.ApiClientAsync(await app.CreateUserAsync(Roles.Coordinator, organisation, programme));
        var history = await coordinator.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/audit?pageSize=200");
        var changes = history.GetProperty("items").EnumerateArray()
            .Single(e => e.GetProperty("entityType").GetString() == "Member" && e.GetProperty("action").GetString() == "update")
            .GetProperty("details").GetProperty("changes");
        Assert.Equal("Lusine", changes.GetProperty("FirstName").GetProperty("old").GetString());
        Assert.Equal("Lusiné", changes.GetProperty("FirstName").GetProperty("new").GetString());
        Assert.Contains(await EntriesAsync(id, AuditAction.Create), e => e.EntityType == "Case");
    }

    [Fact]
    public async Task RecordingNotes_RecordsThatTheyChanged_NotWhatTheySay()
    {
        var (client, _, programme) = await app.NewUserClientAsync(Roles.CaseManager);
        var (id, _) = await CaseBuilder.OpenAsync(client, programme.Slug);

        var created = await client.PostAsJsonAsync($"/api/cases/{id}/interactions",
            new { type = "home-visit", date = "2026-02-10", notes = "Secret-note-text about the family" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var create = Assert.Single(await EntriesAsync(id, AuditAction.Create), e => e.EntityType == "Interaction");
        Assert.DoesNotContain("Secret-note-text", create.Details);
        var notes = JsonDocument.Parse(create.Details!).RootElement.GetProperty("changes").GetProperty("Notes");
        Assert.True(notes.GetProperty("redacted").GetBoolean());
        Assert.Equal("HomeVisit", JsonDocument.Parse(create.Details!).RootElement.GetProperty("changes").GetProperty("Type").GetProperty("new").GetString());
    }

    [Fact]
    public async Task DocumentDownload_TimelinePrint_AndReportExport_AreRecordedAsExports()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var email = await app.CreateUserAsync(Roles.Coordinator, organisation, programme);
        using var client = await app.ApiClientAsync(email);
        var (id, _) = await CaseBuilder.OpenAsync(client, programme.Slug);
        var created = await client.PostAsync($"/api/cases/{id}/documents", Form(issueDate: Today.AddDays(-3), file: Pdf(), fileName: "letter.pdf"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var docId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var browser = await app.SignedInBrowserAsync(email);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/cases/{id}/documents/{docId}/file")).StatusCode);
        await Html.GetAsync(browser, $"/Cases/Timeline/{id}");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/reports/evaluation.csv?programme={programme.Slug}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/reports/evaluation.xlsx?programme={programme.Slug}")).StatusCode);

        var exports = await EntriesAsync(id, AuditAction.Export);
        Assert.Contains(exports, e => e.EntityType == "CaseDocument" && e.EntityId == docId.ToString());
        Assert.Contains(exports, e => e.EntityType == "Case" && e.Details!.Contains("/Cases/Timeline/"));
        var reports = await app.WithDbAsync((db, _) => db.AuditEntries.Where(e => e.Action == AuditAction.Export && e.EntityType == "EvaluationReport" && e.EntityId == programme.Slug).ToListAsync());
        Assert.Equal(2, reports.Count);
        Assert.All(reports, r => Assert.Equal(organisation.Id, r.OrganisationId));
        Assert.Contains(reports, r => r.Details!.Contains("\"format\":\"xlsx\""));
    }

    [Fact]
    public async Task SignIns_FailedSignIns_AndSignOut_AreRecorded_WithoutThePassword()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var email = await app.CreateUserAsync(Roles.CaseManager, organisation, programme);
        var unknown = $"nobody-{Guid.NewGuid():N}@test.example";

        Assert.Equal(HttpStatusCode.OK, (await app.LoginAsync(email)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.LoginAsync(email, "Wrong-Passw0rd-x!")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.LoginAsync(unknown, "Typed-Passw0rd-y!")).StatusCode);
        using var browser = await app.SignedInBrowserAsync(email);
        var home = await Html.GetAsync(browser, "/");
        Assert.Equal(HttpStatusCode.Redirect, (await Html.SubmitAsync(browser, home, "form[action='/Accounts/Logout']", new Dictionary<string, string>())).StatusCode);
        using var page = app.BrowserClient();
        var login = await Html.GetAsync(page, "/Accounts/Login");
        await Html.SubmitAsync(page, login, "main form", new Dictionary<string, string> { ["Input.Email"] = unknown, ["Input.Password"] = "Typed-Passw0rd-z!" });

        var mine = await app.WithDbAsync((db, _) => db.AuditEntries.Where(e => e.ActorEmail == email).OrderBy(e => e.Sequence).ToListAsync());
        Assert.Contains(mine, e => e.Action == AuditAction.SignIn && e.Details!.Contains("bearer") && e.OrganisationId == organisation.Id);
        Assert.Contains(mine, e => e.Action == AuditAction.SignIn && e.Details!.Contains("cookie"));
        Assert.Contains(mine, e => e.Action == AuditAction.SignInFailed && e.Details!.Contains("wrong-password") && e.ActorId != null);
        Assert.Contains(mine, e => e.Action == AuditAction.SignOut);
        var strangers = await app.WithDbAsync((db, _) => db.AuditEntries.Where(e => e.ActorEmail == unknown).ToListAsync());
        Assert.Equal(2, strangers.Count);
        Assert.All(strangers, e => Assert.Equal(AuditAction.SignInFailed, e.Action));
        Assert.All(strangers, e => Assert.Contains("unknown-email", e.Details));
        Assert.Equal(0, await app.WithDbAsync((db, _) => db.AuditEntries.CountAsync(e => e.Details!.Contains("Passw0rd"))));
    }

    [Fact]
    public async Task TwentyParallelWrites_KeepTheChainValid()
    {
        var (client, _, programme) = await app.NewUserClientAsync(Roles.CaseManager);
        var (id, _) = await CaseBuilder.OpenAsync(client, programme.Slug);

        var responses = await Task.WhenAll(Enumerable.Range(1, 20).Select(i =>
            client.PostAsJsonAsync($"/api/cases/{id}/interactions", new { type = "phone-call", date = $"2026-02-{i:00}" })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal(20, (await EntriesAsync(id, AuditAction.Create)).Count(e => e.EntityType == "Interaction"));
        var verification = await VerifyAsync();
        Assert.True(verification.GetProperty("valid").GetBoolean(), verification.ToString());
        Assert.Equal(JsonValueKind.Null, verification.GetProperty("firstInvalid").ValueKind);
        Assert.Equal(await app.WithDbAsync((db, _) => db.AuditEntries.LongCountAsync()), verification.GetProperty("entries").GetInt64());
    }

    [Fact]
    public async Task ASaveRetried_AfterItsVersionCheckFailed_IsRecordedOnce_InAValidChain()
    {
        var (client, _, programme) = await app.NewUserClientAsync(Roles.CaseManager);
        var (id, _) = await CaseBuilder.OpenAsync(client, programme.Slug);
        var memberId = await AddParentAsync(client, id);

        await app.WithDbAsync(async (db, _) =>
        {
            var member = await db.Members.SingleAsync(m => m.Id == memberId);
            await app.WithDbAsync(async (other, _) =>
            {
                (await other.Members.SingleAsync(m => m.Id == memberId)).FamilyLinks = "Saved meanwhile";
                return await other.SaveChangesAsync();
            });
            member.FamilyLinks = "Refused";
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
            // The caller reads the record again and saves once more, in the same context.
            await db.Entry(member).ReloadAsync();
            member.FamilyLinks = "Saved after reading again";
            return await db.SaveChangesAsync();
        });

        Assert.Equal(2, (await EntriesAsync(id, AuditAction.Update)).Count(e => e.EntityId == memberId.ToString()));
        var verification = await VerifyAsync();
        Assert.True(verification.GetProperty("valid").GetBoolean(), verification.ToString());
    }

    [Fact]
    public async Task ParallelReads_AmongWrites_AreEachRecordedOnce_InAValidChain()
    {
        var (client, organisation, programme) = await app.NewUserClientAsync(Roles.CaseManager);
        var (first, _) = await CaseBuilder.OpenAsync(client, programme.Slug);
        var (second, _) = await CaseBuilder.OpenAsync(client, programme.Slug);

        // Reads share transactions (group commit); writes take the chain between them.
        var reads = Enumerable.Range(0, 30).Select(i => client.GetAsync($"/api/cases/{(i % 2 == 0 ? first : second)}"));
        var writes = Enumerable.Range(1, 5).Select(i =>
            client.PostAsJsonAsync($"/api/cases/{first}/interactions", new { type = "phone-call", date = $"2026-03-{i:00}" }));
        var responses = await Task.WhenAll(reads.Concat(writes));

        Assert.All(responses, r => Assert.True(r.IsSuccessStatusCode, r.StatusCode.ToString()));
        Assert.Equal(15, (await EntriesAsync(first, AuditAction.Read)).Count);
        Assert.Equal(15, (await EntriesAsync(second, AuditAction.Read)).Count);
        Assert.All(await EntriesAsync(second, AuditAction.Read), e => Assert.Equal(organisation.Id, e.OrganisationId));
        var verification = await VerifyAsync();
        Assert.True(verification.GetProperty("valid").GetBoolean(), verification.ToString());
    }

    [Fact]
    public async Task CaseHistory_ForTheOrganisationsCoordinator_ListsWhoReadAndChangedIt()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var coordinatorEmail = await app.CreateUserAsync(Roles.Coordinator, organisation, programme);
        var workerEmail = await app.CreateUserAsync(Roles.CaseManager, organisation, programme);
        using var worker = await app.ApiClientAsync(workerEmail);
        using var coordinator = await app.ApiClientAsync(coordinatorEmail);
        var (id, _) = await CaseBuilder.OpenAsync(worker, programme.Slug);
        await worker.GetAsync($"/api/cases/{id}");

        var history = await coordinator.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/audit?pageSize=10");

        var items = history.GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(items, e => e.GetProperty("action").GetString() == "read" && e.GetProperty("actor").GetProperty("email").GetString() == workerEmail);
        Assert.Contains(items, e => e.GetProperty("action").GetString() == "create" && e.GetProperty("entityType").GetString() == "Case");
        Assert.True(history.GetProperty("total").GetInt32() >= 2);
        var sequences = items.Select(e => e.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(sequences.OrderDescending(), sequences);
        using var browser = await app.SignedInBrowserAsync(coordinatorEmail);
        var page = await Html.GetAsync(browser, $"/Cases/Audit/{id}");
        Assert.Contains(workerEmail, page.QuerySelector("table")!.TextContent);
        Assert.NotNull((await Html.GetAsync(browser, $"/Cases/Details/{id}")).QuerySelector($"a[href='/Cases/Audit/{id}']"));
    }

    [Fact]
    public async Task CaseHistory_WhenCaseManager_Returns403()
    {
        var (client, _, programme) = await app.NewUserClientAsync(Roles.CaseManager);
        var (id, _) = await CaseBuilder.OpenAsync(client, programme.Slug);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/cases/{id}/audit")).StatusCode);
    }

    [Fact]
    public async Task CaseHistory_WhenOtherOrganisation_Returns404()
    {
        var (owner, _, programme) = await app.NewUserClientAsync(Roles.CaseManager);
        var (id, _) = await CaseBuilder.OpenAsync(owner, programme.Slug);
        var (otherOrganisation, otherProgramme) = await app.CreateOrganisationAsync();
        var coordinator = await app.CreateUserAsync(Roles.Coordinator, otherOrganisation, otherProgramme);
        using var client = await app.ApiClientAsync(coordinator);
        using var browser = await app.SignedInBrowserAsync(coordinator);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/cases/{id}/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/Cases/Audit/{id}")).StatusCode);
    }

    [Fact]
    public async Task Verify_WhenNotAdministrator_Returns403()
    {
        var (client, _, _) = await app.NewUserClientAsync(Roles.Coordinator);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/admin/audit/verify")).StatusCode);
    }

    [Fact]
    public async Task AdminPage_FiltersByUserAndAction_AndVerifiesTheChain()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var email = await app.CreateUserAsync(Roles.CaseManager, organisation, programme);
        using var client = await app.ApiClientAsync(email);
        var (id, number) = await CaseBuilder.OpenAsync(client, programme.Slug);
        await client.GetAsync($"/api/cases/{id}");
        using var admin = await app.SignedInBrowserAsync(await app.CreateUserAsync(Roles.Administrator));

        var page = await Html.GetAsync(admin, $"/Admin/Audit?user={Uri.EscapeDataString(email)}&what=Read&organisation={organisation.Id}&case={number}");

        var rows = page.QuerySelectorAll("table.list tbody tr");
        var row = Assert.Single(rows);
        Assert.Contains(number, row.TextContent);
        var verified = await Html.ParseAsync(await Html.SubmitAsync(admin, page, "form.verify", new Dictionary<string, string>()));
        Assert.NotNull(verified.QuerySelector("p.notice[role='status']"));
    }

    [Fact]
    public async Task AdminPage_ShowsWhichFieldsOfACaseChanged_ButNotTheirValues()
    {
        var (client, organisation, programme) = await app.NewUserClientAsync(Roles.CaseManager);
        var (id, number) = await CaseBuilder.OpenAsync(client, programme.Slug);
        await AddParentAsync(client, id);
        using var admin = await app.SignedInBrowserAsync(await app.CreateUserAsync(Roles.Administrator));

        var page = await Html.GetAsync(admin, $"/Admin/Audit?what=Create&case={number}");

        var text = page.QuerySelector("table.list")!.TextContent;
        Assert.Contains("FirstName", text);
        Assert.DoesNotContain("Lusine", text);
    }

    private Task<List<AuditEntry>> EntriesAsync(Guid caseId, AuditAction action) =>
        app.WithDbAsync((db, _) => db.AuditEntries.Where(e => e.CaseId == caseId && e.Action == action).OrderBy(e => e.Sequence).ToListAsync());

    private async Task<JsonElement> VerifyAsync()
    {
        using var admin = await app.ApiClientAsync(await app.CreateUserAsync(Roles.Administrator));
        return await admin.GetFromJsonAsync<JsonElement>("/api/admin/audit/verify");
    }

    private static async Task<Guid> AddParentAsync(HttpClient client, Guid caseId)
    {
        var added = await CaseBuilder.AddMemberAsync(client, caseId, CaseBuilder.Parent());
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        return (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("member").GetProperty("id").GetGuid();
    }
}

public sealed class AuditTrailTestsOnSqlite(SqliteApp app) : AuditTrailTests(app), IClassFixture<SqliteApp>;

public sealed class AuditTrailTestsOnPostgres(PostgresApp app) : AuditTrailTests(app), IClassFixture<PostgresApp>;
