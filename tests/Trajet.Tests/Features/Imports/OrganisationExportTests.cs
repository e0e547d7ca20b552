using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Trajet.Tests.Features.Cases;
using Trajet.Tests.Features.Documents;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Data;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.Audit;
using Trajet.Web.Features.Cases;
using Trajet.Web.Features.Imports;
using Trajet.Web.Features.Organisations;

namespace Trajet.Tests.Features.Imports;

/// <summary>"Take everything out": the whole organisation as one zip, for its coordinator or an administrator, and nobody else's rows.</summary>
public abstract class OrganisationExportTests(TrajetApp app)
{
    /// <summary>An organisation with a family (a parent, a child, the household's contact), a visit, and an uploaded letter.</summary>
    private sealed record Household(Organisation Organisation, Programme Programme, string CoordinatorEmail, ProgrammeTeam Team, Guid CaseId, string Number,
        Guid ParentId, string FirstName, string LastName, string Note, Guid DocumentId, string FileName);

    private async Task<Household> HouseholdAsync()
    {
        var team = await ProgrammeTeam.CreateAsync(app);
        var coordinatorEmail = await app.CreateUserAsync(Roles.Coordinator, team.Organisation, team.Programme);
        var (first, last) = ("Lusine" + Letters(), "Petrosyan" + Letters());
        var note = "Sleeps at the cousin's in Molenbeek " + Letters();
        var fileName = "Letter" + Letters() + ".pdf";
        var (id, number) = await CaseBuilder.OpenAsync(team.Manager, team.Programme.Slug, date: "2026-01-10");
        var parent = await CaseBuilder.AddMemberAsync(team.Manager, id, new
        {
            role = "parent",
            firstName = first,
            lastName = last,
            gender = "female",
            birthDate = "1986-04-02",
            nationality = "AM",
            languages = new[] { "hy", "ru" },
            aliases = new[] { "Lusina", "Lousine" },
            arrivalYear = 2019,
            everHadLegalStay = true,
            vulnerabilities = new[] { "sole-carer", "health-problems" },
        }).Succeeded();
        var parentId = (await parent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("member").GetProperty("id").GetGuid();
        await CaseBuilder.AddMemberAsync(team.Manager, id, new { role = "child", firstName = "Aram" + Letters(), lastName = last, gender = "male", estimatedAge = 8, nationality = "AM", languages = new[] { "hy" } }).Succeeded();
        await team.Manager.PutAsJsonAsync($"/api/cases/{id}/contact", new { address = "Rue Haute 12, 1000 Brussels", phone = "0470 12 34 56", otherPhones = new[] { "02 555 12 12" } }).Succeeded();
        await team.AdmitAsync(id);
        await team.Manager.PostAsJsonAsync($"/api/cases/{id}/interactions", new { type = "home-visit", date = "2026-02-10", durationMinutes = 60, notes = note }).Succeeded();
        var upload = await team.Manager.PostAsync($"/api/cases/{id}/documents", DocumentFiles.Form(title: "School letter " + Letters(), file: DocumentFiles.Pdf(), fileName: fileName)).Succeeded();
        var documentId = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        return new Household(team.Organisation, team.Programme, coordinatorEmail, team, id, number, parentId, first, last, note, documentId, fileName);
    }

    [Fact]
    public async Task Coordinator_DownloadsTheOrganisation_CasesInTheImportFormat_RecordsAndFiles()
    {
        var family = await HouseholdAsync();
        const string Formula = "=HYPERLINK(\"http://example.com\")";
        await family.Team.Manager.PostAsJsonAsync($"/api/cases/{family.CaseId}/legal-events", new { type = "decision", date = "2026-02-01", authority = "CGRS", reference = Formula }).Succeeded();
        using var coordinator = await app.ApiClientAsync(family.CoordinatorEmail);

        using var response = await coordinator.GetAsync($"/api/organisations/{family.Organisation.Id}/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Matches($"^trajet-{family.Organisation.Name.ToLowerInvariant().Replace(' ', '-')}-\\d{{4}}-\\d{{2}}-\\d{{2}}\\.zip$",
            response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var archive = await EntriesAsync(response);

        var cases = Rows(archive[$"cases-{family.Programme.Slug}.csv"]);
        Assert.Equal(ImportColumns.All, cases[0]);
        var parent = Assert.Single(cases.Skip(1), r => r[Column(ImportColumns.FirstName)] == family.FirstName);
        Assert.Equal(family.Number, parent[Column(ImportColumns.CaseRef)]);
        Assert.Equal("family", parent[Column(ImportColumns.Kind)]);
        Assert.Equal("2026-01-10", parent[Column(ImportColumns.ReferralDate)]);
        Assert.Equal("community", parent[Column(ImportColumns.ReferralSource)]);
        Assert.Equal("admitted", parent[Column(ImportColumns.Status)]);
        Assert.Equal("parent", parent[Column(ImportColumns.Role)]);
        Assert.Equal(family.LastName, parent[Column(ImportColumns.LastName)]);
        Assert.Equal("female", parent[Column(ImportColumns.Gender)]);
        Assert.Equal("1986-04-02", parent[Column(ImportColumns.BirthDate)]);
        Assert.Equal("AM", parent[Column(ImportColumns.Nationality)]);
        Assert.Equal("hy|ru", parent[Column(ImportColumns.Languages)]);
        Assert.Equal("Lusina|Lousine", parent[Column(ImportColumns.Aliases)]);
        Assert.Equal("2019", parent[Column(ImportColumns.ArrivalYear)]);
        Assert.Equal("sole-carer|health-problems", parent[Column(ImportColumns.Vulnerabilities)]);
        Assert.Equal("yes", parent[Column(ImportColumns.EverHadLegalStay)]);
        Assert.Equal("", parent[Column(ImportColumns.AskedAsylumOnArrival)]);
        Assert.Equal("2026-01-15", parent[Column(ImportColumns.AdmittedOn)]);
        Assert.Equal("", parent[Column(ImportColumns.Outcome)]);
        Assert.Equal("Rue Haute 12, 1000 Brussels", parent[Column(ImportColumns.Address)]);
        Assert.Equal("0470 12 34 56|02 555 12 12", parent[Column(ImportColumns.Phone)]);
        Assert.Equal(3, cases.Count); // the header, the parent and the child

        // The visit's note comes out as it was written (it is encrypted in the database), beside its case's id.
        var interactions = Rows(archive["interactions.csv"]);
        var visit = Assert.Single(interactions.Skip(1));
        Assert.Equal(family.CaseId.ToString(), visit[interactions[0].IndexOf("CaseId")]);
        Assert.Equal("home-visit", visit[interactions[0].IndexOf("Type")]);
        Assert.Equal("2026-02-10", visit[interactions[0].IndexOf("Date")]);
        Assert.Equal(family.Note, visit[interactions[0].IndexOf("Notes")]);
        // A text a spreadsheet would run as a formula gets its apostrophe, as in every CSV of Trajet.
        var legalEvents = Rows(archive["legal-events.csv"]);
        Assert.Equal("'" + Formula, Assert.Single(legalEvents.Skip(1))[legalEvents[0].IndexOf("Reference")]);
        var members = Rows(archive["members.csv"]);
        Assert.Contains(members, r => r[members[0].IndexOf("Id")] == family.ParentId.ToString() && r[members[0].IndexOf("CaseId")] == family.CaseId.ToString());

        // The letter: its details, and its file with the bytes that were uploaded.
        var documents = Rows(archive["documents.csv"]);
        var letter = Assert.Single(documents.Skip(1));
        var path = letter[documents[0].IndexOf("ArchivePath")];
        Assert.Equal($"files/{family.DocumentId}-{family.FileName}", path);
        Assert.Equal(DocumentFiles.Pdf(), archive[path]);

        var readme = Encoding.UTF8.GetString(archive["README.txt"]);
        Assert.Contains($"POST /api/imports/cases?programme=", readme);
        Assert.Contains("interactions.csv", readme);
        Assert.Contains("outreach-contacts.csv", archive.Keys);
    }

    [Fact]
    public async Task Export_HoldsNothingOfAnotherOrganisation()
    {
        var ours = await HouseholdAsync();
        var theirs = await HouseholdAsync();
        using var coordinator = await app.ApiClientAsync(ours.CoordinatorEmail);

        using var response = await coordinator.GetAsync($"/api/organisations/{ours.Organisation.Id}/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var archive = await EntriesAsync(response);
        Assert.Contains(archive.Values, e => Encoding.UTF8.GetString(e).Contains(ours.LastName, StringComparison.Ordinal));
        string[] foreign =
        [
            theirs.FirstName, theirs.LastName, theirs.Note, theirs.CaseId.ToString(), theirs.ParentId.ToString(), theirs.DocumentId.ToString(),
            theirs.FileName, theirs.Organisation.Id.ToString(), theirs.Organisation.Name, theirs.Programme.Slug,
        ];
        foreach (var (name, content) in archive)
        {
            var text = name + "\n" + Encoding.UTF8.GetString(content);
            Assert.All(foreign, f => Assert.False(text.Contains(f, StringComparison.OrdinalIgnoreCase), $"{name} holds the other organisation's {f}"));
        }
    }

    [Fact]
    public async Task Export_WhenCaseManager_Returns403_AndOtherOrganisationsCoordinator_Returns404()
    {
        var family = await HouseholdAsync();
        var other = await HouseholdAsync();
        using var otherCoordinator = await app.ApiClientAsync(other.CoordinatorEmail);
        using var coordinator = await app.ApiClientAsync(family.CoordinatorEmail);

        Assert.Equal(HttpStatusCode.Forbidden, (await family.Team.Manager.GetAsync($"/api/organisations/{family.Organisation.Id}/export")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherCoordinator.GetAsync($"/api/organisations/{family.Organisation.Id}/export")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/api/organisations/{Guid.NewGuid()}/export")).StatusCode);
    }

    [Fact]
    public async Task Administrator_ExportsAnyOrganisation()
    {
        var family = await HouseholdAsync();
        using var administrator = await app.ApiClientAsync(await app.CreateUserAsync(Roles.Administrator));

        using var response = await administrator.GetAsync($"/api/organisations/{family.Organisation.Id}/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var archive = await EntriesAsync(response);
        Assert.Contains(Rows(archive[$"cases-{family.Programme.Slug}.csv"]), r => r[Column(ImportColumns.LastName)] == family.LastName);
        Assert.Equal(HttpStatusCode.NotFound, (await administrator.GetAsync($"/api/organisations/{Guid.NewGuid()}/export")).StatusCode);
    }

    [Fact]
    public async Task Export_IsRecordedInTheAuditTrail_WithWhatItHeld()
    {
        var family = await HouseholdAsync();
        using var coordinator = await app.ApiClientAsync(family.CoordinatorEmail);

        (await coordinator.GetAsync($"/api/organisations/{family.Organisation.Id}/export")).EnsureSuccessStatusCode();

        var entry = Assert.Single(await app.WithDbAsync((db, _) => db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == AuditAction.Export && e.EntityType == "Organisation" && e.EntityId == family.Organisation.Id.ToString()).ToListAsync()));
        Assert.Equal(family.CoordinatorEmail, entry.ActorEmail);
        Assert.Equal(family.Organisation.Id, entry.OrganisationId);
        var rows = JsonDocument.Parse(entry.Details!).RootElement.GetProperty("rows");
        Assert.Equal(2, rows.GetProperty($"cases-{family.Programme.Slug}.csv").GetInt32());
        Assert.Equal(1, rows.GetProperty("interactions.csv").GetInt32());
        Assert.Equal(1, rows.GetProperty("files/").GetInt32());
    }

    [Fact]
    public async Task CoordinatorPage_AndAdministratorsOrganisationPage_LinkToTheExport()
    {
        var family = await HouseholdAsync();
        var link = $"a[href='/api/organisations/{family.Organisation.Id}/export']";
        using var coordinator = await app.SignedInBrowserAsync(family.CoordinatorEmail);
        using var administrator = await app.SignedInBrowserAsync(await app.CreateUserAsync(Roles.Administrator));

        var home = await Html.GetAsync(coordinator, "/");
        var page = await Html.GetAsync(coordinator, "/Organisations/Export");
        var admin = await Html.GetAsync(administrator, $"/Admin/Organisations/Edit/{family.Organisation.Id}");

        Assert.NotNull(home.QuerySelector("nav a[href='/Organisations/Export']"));
        Assert.NotNull(page.QuerySelector(link));
        Assert.Contains($"cases-{family.Programme.Slug}.csv", page.Body!.TextContent);
        Assert.NotNull(admin.QuerySelector(link));
    }

    // ---- reading the archive ----

    [Fact]
    public async Task TheExportsCases_GoBackInThroughTheImport_AsTheSameHouseholdsAndPeople()
    {
        var family = await HouseholdAsync();
        var team = family.Team;
        var (single, _) = await CaseBuilder.OpenAsync(team.Manager, team.Programme.Slug, kind: "individual", date: "2026-01-12");
        await CaseBuilder.AddMemberAsync(team.Manager, single, new { role = "other", firstName = "Tigran" + Letters(), lastName = "Sargsyan", gender = "male", birthDate = "1979-12-31", nationality = "stateless", languages = new[] { "hy" } }).Succeeded();
        await team.AdmitAsync(single);
        await team.Manager.PostAsJsonAsync($"/api/cases/{single}/status", new { to = "active", date = "2026-01-16" }).Succeeded();
        await team.Manager.PostAsJsonAsync($"/api/cases/{single}/status", new { to = "closed", date = "2026-03-31", reason = "Went home", outcome = "resolved-voluntary-return", durableSolution = "voluntary-return" }).Succeeded();
        await CaseBuilder.OpenAsync(team.Manager, team.Programme.Slug, date: "2026-02-01"); // nobody recorded in it yet
        var entries = await EntriesAsync(await team.Coordinator.GetAsync($"/api/organisations/{family.Organisation.Id}/export"));
        using var elsewhere = await ProgrammeTeam.CreateAsync(app);

        async Task<JsonElement> ImportAsync()
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(entries[$"cases-{family.Programme.Slug}.csv"]), "file", "cases.csv" } };
            var response = await elsewhere.Coordinator.PostAsync($"/api/imports/cases?programme={elsewhere.Programme.Slug}", form);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, body);
            return JsonDocument.Parse(body).RootElement;
        }
        var imported = await ImportAsync();
        var again = await ImportAsync();

        Assert.Empty(imported.GetProperty("errors").EnumerateArray());
        Assert.Equal((3, 3), (imported.GetProperty("created").GetProperty("cases").GetInt32(), imported.GetProperty("created").GetProperty("people").GetInt32()));
        Assert.Equal((0, 0), (again.GetProperty("created").GetProperty("cases").GetInt32(), again.GetProperty("created").GetProperty("people").GetInt32()));
        var (before, after) = await app.WithDbAsync(async (db, _) => (await FactsAsync(db, family.Programme.Id, c => c.Number), await FactsAsync(db, elsewhere.Programme.Id, c => c.ExternalRef!)));
        Assert.Equal(before, after);
    }

    /// <summary>Each case of a programme by its reference: what the import format carries of the case, its contact and its people.</summary>
    private static async Task<List<string>> FactsAsync(TrajetDbContext db, Guid programme, Func<Case, string> reference)
    {
        var cases = await db.Cases.AsNoTracking().Include(c => c.Members).Where(c => c.ProgrammeId == programme).ToListAsync();
        var ids = cases.Select(c => c.Id).ToList();
        var contacts = await db.HouseholdContacts.AsNoTracking().Where(h => ids.Contains(h.CaseId)).ToDictionaryAsync(h => h.CaseId);
        return [.. cases.Select(c => string.Join(" / ",
            reference(c), c.Kind, c.Status, c.Referral.Date, c.Referral.Source, c.Referral.ReferredBy, c.AdmittedOn, c.ClosedOn, c.Outcome,
            contacts.GetValueOrDefault(c.Id)?.Address, contacts.GetValueOrDefault(c.Id)?.Phones,
            string.Join(" + ", c.Members.OrderBy(m => m.FirstName).Select(m => string.Join(",", m.Role, m.FirstName, m.LastName, m.Gender, m.BirthDate, m.EstimatedAge,
                m.Nationality, m.Languages, m.Aliases, m.Vulnerabilities, m.ArrivalYear, m.EverHadLegalStay, m.AskedAsylumOnArrival)))))
            .Order()];
    }

    private static int Column(string name) => ImportColumns.All.ToList().IndexOf(name);

    private static async Task<Dictionary<string, byte[]>> EntriesAsync(HttpResponseMessage response)
    {
        await using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            await using var content = await entry.OpenAsync();
            using var copy = new MemoryStream();
            await content.CopyToAsync(copy);
            entries[entry.FullName] = copy.ToArray();
        }
        return entries;
    }

    /// <summary>The header and the records of a CSV file, as lists of cells.</summary>
    private static List<List<string>> Rows(byte[] file)
    {
        using var reader = CsvReader.Create(file, new CsvReaderOptions { HasHeader = false });
        var rows = new List<List<string>>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)]);
        }
        return rows;
    }

    private static string Letters() => new(Enumerable.Range(0, 8).Select(_ => (char)('a' + Random.Shared.Next(26))).ToArray());
}

public sealed class OrganisationExportTestsOnSqlite(SqliteApp app) : OrganisationExportTests(app), IClassFixture<SqliteApp>;

public sealed class OrganisationExportTestsOnPostgres(PostgresApp app) : OrganisationExportTests(app), IClassFixture<PostgresApp>;
