using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trajet.Tests.Features.Cases;
using Trajet.Tests.Features.Documents;
using Trajet.Tests.Features.Reports;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.Audit;
using Trajet.Web.Features.Documents;
using Trajet.Web.Features.Organisations;
using Trajet.Web.Features.Privacy;

namespace Trajet.Tests.Features.Privacy;

public sealed class PersonSealTests
{
    [Fact]
    public void SealedValue_OpensWithItsKeyOnly()
    {
        var key = PersonSeal.NewKey();

        var sealedName = PersonSeal.Seal(key, "\"Lusine\"");

        Assert.StartsWith("pk1:", sealedName);
        Assert.DoesNotContain("Lusine", sealedName);
        Assert.Equal("\"Lusine\"", PersonSeal.Open(key, sealedName));
        Assert.Null(PersonSeal.Open(PersonSeal.NewKey(), sealedName));
        Assert.Null(PersonSeal.Open(null, sealedName));
    }

    [Theory]
    [InlineData(60, "2026-11-22", "2021-11-22")]
    [InlineData(12, "2026-02-28", "2025-02-28")]
    [InlineData(0, "2026-11-22", null)]
    public void RetentionCutoff_IsThatManyMonthsBeforeToday_OrOff(int months, string today, string? cutoff) =>
        Assert.Equal(cutoff is null ? null : DateOnly.Parse(cutoff), RetentionSweep.Cutoff(months, DateOnly.Parse(today)));

    [Theory]
    [InlineData("nextSteps", "Next steps")]
    [InlineData("firstName", "First name")]
    [InlineData("notes", "Notes")]
    public void ExportLabels_AreReadable(string name, string label) => Assert.Equal(label, PersonModel.Humanize(name));
}

public abstract class SubjectRightsTests(TrajetApp app)
{
    private const string Note = "The father sleeps at his cousin's in Molenbeek";

    private sealed record Family(HttpClient Manager, HttpClient Coordinator, Organisation Organisation, Programme Programme, Guid CaseId, Guid Parent, Guid Child);

    /// <summary>A family admitted in 2021 and closed in 2022, with a visit, a summary sheet and an uploaded letter.</summary>
    private async Task<Family> ClosedFamilyAsync(string closedOn = "2022-09-30")
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var criteria = await app.AddCriteriaAsync(programme, "No residence permit");
        var manager = await app.ApiClientAsync(await app.CreateUserAsync(Roles.CaseManager, organisation, programme));
        var coordinator = await app.ApiClientAsync(await app.CreateUserAsync(Roles.Coordinator, organisation, programme));
        var (id, _) = await CaseBuilder.OpenAsync(manager, programme.Slug, date: "2021-03-01");
        var parent = await MemberAsync(manager, id, CaseBuilder.Parent("Lusine", "Petrosyan"));
        var child = await MemberAsync(manager, id, new { role = "child", firstName = "Aram", lastName = "Petrosyan", gender = "male", birthDate = "2015-06-01", nationality = "AM", languages = new[] { "hy" } });
        await Ok(manager.PutAsJsonAsync($"/api/cases/{id}/screening", new { date = "2021-03-05", answers = criteria.Select(c => new { criterionId = c, answer = "met" }) }));
        await Ok(manager.PostAsJsonAsync($"/api/cases/{id}/status", new { to = "admitted", date = "2021-03-10" }));
        await Ok(manager.PostAsJsonAsync($"/api/cases/{id}/status", new { to = "active", date = "2021-03-11" }));
        await Ok(manager.PostAsJsonAsync($"/api/cases/{id}/interactions", new { type = "home-visit", date = "2021-04-01", notes = Note }));
        await Ok(manager.PostAsJsonAsync($"/api/cases/{id}/summary-sheets", BriefingNote.Sheet(0, "2022-06-30")));
        await Ok(manager.PostAsync($"/api/cases/{id}/documents", DocumentFiles.Form(issueDate: new DateOnly(2022, 1, 10), file: DocumentFiles.Pdf())));
        await Ok(manager.PostAsJsonAsync($"/api/cases/{id}/status", new { to = "closed", date = closedOn, reason = "Permit granted", outcome = "resolved-regularisation", durableSolution = "legal-stay-here" }));
        return new Family(manager, coordinator, organisation, programme, id, parent, child);
    }

    private static async Task<Guid> MemberAsync(HttpClient client, Guid caseId, object member)
    {
        var response = await CaseBuilder.AddMemberAsync(client, caseId, member);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("member").GetProperty("id").GetGuid();
    }

    private static async Task Ok(Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private Task<string> AuditTextAsync(Guid caseId) =>
        app.WithDbAsync(async (db, _) => string.Join("\n", await db.AuditEntries.AsNoTracking().Where(e => e.CaseId == caseId).Select(e => e.Details ?? "").ToListAsync()));

    private Task<string> ReportAsync(Family f) =>
        f.Coordinator.GetStringAsync($"/api/reports/evaluation?programme={f.Programme.Slug}&from=2021-01-01&to=2022-12-31");

    [Fact]
    public async Task Export_GivesEverythingHeldAboutThePerson_AsJsonAndIsRecorded()
    {
        var f = await ClosedFamilyAsync();

        var response = await f.Coordinator.GetAsync($"/api/cases/{f.CaseId}/members/{f.Parent}/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var export = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Lusine", export.GetProperty("person").GetProperty("firstName").GetString());
        Assert.Equal("1986-04-02", export.GetProperty("person").GetProperty("birthDate").GetString());
        Assert.Equal(f.Organisation.Name, export.GetProperty("controller").GetString());
        Assert.Equal(Note, export.GetProperty("interactions")[0].GetProperty("notes").GetString());
        Assert.Single(export.GetProperty("summarySheets").EnumerateArray());
        Assert.Equal("Letter from the school", export.GetProperty("documents")[0].GetProperty("title").GetString());
        Assert.Equal(["referred", "screening", "admitted", "active", "closed"],
            export.GetProperty("statusChanges").EnumerateArray().Select(s => s.GetProperty("to").GetString()));
        // The other member of the household appears by role only.
        Assert.DoesNotContain("Aram", export.GetRawText());
        Assert.Equal("child", export.GetProperty("case").GetProperty("household")[0].GetProperty("role").GetString());
        Assert.Contains(export.GetProperty("accessLog").EnumerateArray(), e => e.GetProperty("action").GetString() == "create");

        var history = await f.Coordinator.GetFromJsonAsync<JsonElement>($"/api/cases/{f.CaseId}/audit");
        Assert.Contains(history.GetProperty("items").EnumerateArray(), e =>
            e.GetProperty("action").GetString() == "export" && e.GetProperty("entityId").GetString() == f.Parent.ToString());
    }

    [Fact]
    public async Task PersonPage_IsAReadableDocument_AndErasesOnlyWhenConfirmed()
    {
        var f = await ClosedFamilyAsync();
        using var browser = await app.SignedInBrowserAsync(await app.CreateUserAsync(Roles.Coordinator, f.Organisation, f.Programme));
        var casePage = await Html.GetAsync(browser, $"/Cases/Details/{f.CaseId}");
        Assert.NotNull(casePage.QuerySelector($"a[href='/Privacy/Person/{f.CaseId}/{f.Parent}']"));

        var page = await Html.GetAsync(browser, $"/Privacy/Person/{f.CaseId}/{f.Parent}");

        Assert.Contains("Lusine Petrosyan", page.QuerySelector("h1")!.TextContent);
        Assert.Contains(page.QuerySelectorAll("dd"), dd => dd.TextContent == Note);
        Assert.Contains(page.QuerySelectorAll("dt"), dt => dt.TextContent == "Birth date");
        Assert.NotNull(page.QuerySelector($"a[href='/api/cases/{f.CaseId}/members/{f.Parent}/export']"));

        var unconfirmed = await Html.SubmitAsync(browser, page, "form[action*='handler=Erase']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Contains("Lusine", (await f.Coordinator.GetFromJsonAsync<JsonElement>($"/api/cases/{f.CaseId}")).GetRawText());

        var confirmed = await Html.SubmitAsync(browser, page, "form[action*='handler=Erase']", new Dictionary<string, string> { ["Confirm"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.DoesNotContain("Lusine", (await f.Coordinator.GetFromJsonAsync<JsonElement>($"/api/cases/{f.CaseId}")).GetRawText());
    }

    [Fact]
    public async Task Export_And_Erase_AreForTheCoordinatorOfTheOrganisationOnly()
    {
        var f = await ClosedFamilyAsync();
        var (stranger, _, _) = await app.NewUserClientAsync(Roles.Coordinator);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/cases/{f.CaseId}/members/{f.Parent}/export")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/api/cases/{f.CaseId}/members/{f.Parent}/erase", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await f.Manager.GetAsync($"/api/cases/{f.CaseId}/members/{f.Parent}/export")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await f.Manager.PostAsync($"/api/cases/{f.CaseId}/members/{f.Parent}/erase", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await f.Coordinator.GetAsync($"/api/cases/{f.CaseId}/members/{Guid.NewGuid()}/export")).StatusCode);
        Assert.Equal("Lusine", (await f.Coordinator.GetFromJsonAsync<JsonElement>($"/api/cases/{f.CaseId}")).GetProperty("members")[0].GetProperty("firstName").GetString());
    }

    [Fact]
    public async Task ErasingAPerson_RemovesTheirIdentity_EvenFromTheAuditTrail_AndKeepsTheReport()
    {
        var f = await ClosedFamilyAsync();
        var reportBefore = await ReportAsync(f);
        Assert.Contains("pk1:", await AuditTextAsync(f.CaseId));

        var response = await f.Coordinator.PostAsync($"/api/cases/{f.CaseId}/members/{f.Parent}/erase", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(body.GetProperty("caseErased").GetBoolean());
        var c = await f.Coordinator.GetFromJsonAsync<JsonElement>($"/api/cases/{f.CaseId}");
        var names = c.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("firstName").GetString()).ToList();
        Assert.Contains(ErasePerson.Pseudonym, names);
        Assert.DoesNotContain("Lusine", names);
        var found = await f.Coordinator.GetFromJsonAsync<JsonElement>($"/api/cases?q=Lusine");
        Assert.Equal(0, found.GetProperty("total").GetInt32());
        // The audit still says a change happened, but the old name can no longer be read, there or in the raw rows.
        var history = await f.Coordinator.GetFromJsonAsync<JsonElement>($"/api/cases/{f.CaseId}/audit?pageSize=200");
        Assert.DoesNotContain("Lusine", history.GetRawText());
        Assert.Contains(PersonSeal.Erased, history.GetRawText());
        Assert.Equal(0, await app.WithDbAsync((db, _) => db.PersonKeys.CountAsync(k => k.SubjectId == f.Parent)));
        Assert.True((await app.WithDbAsync((db, _) => AuditVerification.VerifyAsync(db, CancellationToken.None))).Valid);
        // The household's notes stay while the child is still in the file; the report does not move.
        Assert.Equal(Note, (await f.Coordinator.GetFromJsonAsync<JsonElement>($"/api/cases/{f.CaseId}/interactions")).GetProperty("items")[0].GetProperty("notes").GetString());
        Assert.Equal(reportBefore, await ReportAsync(f));

        var again = await f.Coordinator.PostAsync($"/api/cases/{f.CaseId}/members/{f.Parent}/erase", null);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.True((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("memberId", out _));
    }

    [Fact]
    public async Task ErasingTheLastPerson_ErasesTheFilesNotesAndDocuments_AndKeepsTheReport()
    {
        var f = await ClosedFamilyAsync();
        var reportBefore = await ReportAsync(f);
        Assert.Equal(1, JsonDocument.Parse(reportBefore).RootElement.GetProperty("sheets").GetInt32());
        Assert.Contains("\"AM\"", reportBefore);
        var files = await app.WithDbAsync((db, _) => db.CaseDocuments.Where(d => d.CaseId == f.CaseId).Select(d => d.FileKey!).ToListAsync());
        Assert.True(await StoredDocuments.ExistsAsync(app, files.Single()));

        await Ok(f.Coordinator.PostAsync($"/api/cases/{f.CaseId}/members/{f.Child}/erase", null));
        var last = await f.Coordinator.PostAsync($"/api/cases/{f.CaseId}/members/{f.Parent}/erase", null);

        Assert.True((await last.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseErased").GetBoolean());
        Assert.False(await StoredDocuments.ExistsAsync(app, files.Single()));
        if (app.Storage().Store == DocumentStoreKind.Database)
        {
            Assert.Equal(0, await app.WithDbAsync((db, _) => db.DocumentContents.CountAsync(c => c.DocumentKey == files[0])));
        }
        Assert.Empty((await f.Coordinator.GetFromJsonAsync<JsonElement>($"/api/cases/{f.CaseId}/documents")).EnumerateArray());
        var visit = (await f.Coordinator.GetFromJsonAsync<JsonElement>($"/api/cases/{f.CaseId}/interactions")).GetProperty("items")[0];
        Assert.Equal("home-visit", visit.GetProperty("type").GetString());
        Assert.True(visit.GetProperty("notes").ValueKind == JsonValueKind.Null || visit.GetProperty("notes").GetString() == "");
        var audit = await AuditTextAsync(f.CaseId);
        Assert.DoesNotContain("Petrosyan", audit);
        Assert.DoesNotContain("Molenbeek", audit);
        Assert.Equal(reportBefore, await ReportAsync(f));
    }

    [Fact]
    public async Task Retention_ErasesCasesClosedLongerAgoThanThePeriod_AndOnlyThose()
    {
        var old = await ClosedFamilyAsync(closedOn: "2022-01-31");
        var recent = await ClosedFamilyAsync(closedOn: "2026-09-30");
        var reportBefore = await ReportAsync(old);

        var erased = await RetentionSweep.RunAsync(app.Services.GetRequiredService<IServiceScopeFactory>(), 24, new DateOnly(2026, 11, 22), CancellationToken.None);

        Assert.True(erased >= 1);
        var oldCase = await old.Coordinator.GetFromJsonAsync<JsonElement>($"/api/cases/{old.CaseId}");
        Assert.All(oldCase.GetProperty("members").EnumerateArray(), m => Assert.Equal(ErasePerson.Pseudonym, m.GetProperty("firstName").GetString()));
        var recentCase = await recent.Coordinator.GetFromJsonAsync<JsonElement>($"/api/cases/{recent.CaseId}");
        Assert.Contains(recentCase.GetProperty("members").EnumerateArray(), m => m.GetProperty("firstName").GetString() == "Lusine");
        Assert.Equal(reportBefore, await ReportAsync(old));
    }
}

public sealed class SubjectRightsTestsOnSqlite(SqliteApp app) : SubjectRightsTests(app), IClassFixture<SqliteApp>;

public sealed class SubjectRightsTestsOnPostgres(PostgresApp app) : SubjectRightsTests(app), IClassFixture<PostgresApp>;
