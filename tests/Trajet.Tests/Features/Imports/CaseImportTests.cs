using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Trajet.Tests.Features.Cases;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.Audit;
using Trajet.Web.Features.Cases;
using Trajet.Web.Infrastructure;

namespace Trajet.Tests.Features.Imports;

/// <summary>Issue 24: a coordinator brings the caseload in from a spreadsheet; nothing half-written, nothing twice.</summary>
public abstract class CaseImportTests(TrajetApp app)
{
    private const string Header = "case_ref;kind;referral_date;referral_source;referred_by;status;role;first_name;last_name;gender;birth_date;nationality;languages";

    /// <summary>Two households as a Belgian NGO's spreadsheet has them: French words, European dates, a BOM, a blank row at the end.</summary>
    private const string TwoHouseholds = "\uFEFF" + Header + "\n"
        + "F-001;Famille;31/03/2024;Communauté;Mosquée du quartier;actif;Parent;Amina;El Idrissi;Femme;02/05/1988;Maroc;arabe|fr\n"
        + "F-001;famille;2024-03-31;community;;active;enfant;Yassine;El Idrissi;M;12/09/2016;Marokko;fr\n"
        + "I-002;individual;2024-06-01;detention;;referred;;Tigran;Petrosyan;male;;Armenia;hy|ru\n"
        + ";;;;;;;;;;;;\n";

    private static MultipartFormDataContent FileOf(string csv, string name = "households.csv") => FileOf(Encoding.UTF8.GetBytes(csv), name);

    private static MultipartFormDataContent FileOf(byte[] content, string name, params string[] decisions)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", name } };
        foreach (var decision in decisions)
        {
            form.Add(new StringContent(decision), "decision");
        }
        return form;
    }

    private static async Task<JsonElement> ImportAsync(HttpClient client, string programme, HttpContent file, bool dryRun = false, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.PostAsync($"/api/imports/cases?programme={programme}&dryRun={(dryRun ? "true" : "false")}", file);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static async Task<int> CaseCountAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/cases")).GetProperty("total").GetInt32();

    private static List<(int Row, string Column)> Errors(JsonElement report) =>
        [.. report.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString()!))];

    [Fact]
    public async Task DryRun_ListsErrorsByRowAndColumn_InTheUsersLanguage_AndWritesNothing()
    {
        using var team = await ProgrammeTeam.CreateAsync(app);
        var csv = Header + "\n"
            + "F-001;family;2024-03-31;community;;active;parent;Amina;El Idrissi;female;31/02/1988;MA;ar\n"
            + "F-001;family;2024-03-31;community;;active;child;Yassine;El Idrissi;male;2016-09-12;Atlantide;fr\n"
            + "F-002;family;2024-04-01;community;;active;parent;Nadia;;female;;MA;ar\n";
        team.Coordinator.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");

        var report = await ImportAsync(team.Coordinator, team.Programme.Slug, FileOf(csv), dryRun: true);

        Assert.Equal([(2, "birth_date"), (3, "nationality"), (4, "last_name")], Errors(report).Order().ToList());
        var message = report.GetProperty("errors").EnumerateArray().Single(e => e.GetProperty("row").GetInt32() == 3).GetProperty("message").GetString()!;
        Assert.Contains("Atlantide", message);
        Assert.Contains("Pays inconnu", message);
        Assert.Equal(3, report.GetProperty("rows").GetInt32());
        Assert.Equal(0, report.GetProperty("created").GetProperty("cases").GetInt32());
        Assert.Equal(0, await CaseCountAsync(team.Coordinator));
    }

    [Fact]
    public async Task AFileWithOneBadCell_Returns400WithTheCell_AndWritesNothing()
    {
        using var team = await ProgrammeTeam.CreateAsync(app);
        var csv = TwoHouseholds.Replace("I-002;individual;2024-06-01", "I-002;individual;2024-13-01");

        var report = await ImportAsync(team.Coordinator, team.Programme.Slug, FileOf(csv), expected: HttpStatusCode.BadRequest);

        Assert.Equal([(4, "referral_date")], Errors(report));
        Assert.Equal(0, report.GetProperty("created").GetProperty("people").GetInt32());
        Assert.Equal(0, await CaseCountAsync(team.Coordinator));
        Assert.Equal(0, await app.WithDbAsync((db, _) => db.Members.CountAsync(m => m.OrganisationId == team.Organisation.Id)));
    }

    [Fact]
    public async Task AGoodFile_CreatesItsHouseholdsOnce_ReadingFrenchWordsCountryNamesAndEuropeanDates_AndASecondImportCreatesNothing()
    {
        using var team = await ProgrammeTeam.CreateAsync(app);

        var first = await ImportAsync(team.Coordinator, team.Programme.Slug, FileOf(TwoHouseholds));
        var again = await ImportAsync(team.Coordinator, team.Programme.Slug, FileOf(TwoHouseholds));

        Assert.Empty(Errors(first));
        Assert.Equal((2, 3), (first.GetProperty("created").GetProperty("cases").GetInt32(), first.GetProperty("created").GetProperty("people").GetInt32()));
        Assert.Equal((0, 0), (again.GetProperty("created").GetProperty("cases").GetInt32(), again.GetProperty("created").GetProperty("people").GetInt32()));
        Assert.Equal((2, 3), (again.GetProperty("existing").GetProperty("cases").GetInt32(), again.GetProperty("existing").GetProperty("people").GetInt32()));
        Assert.Equal(2, await CaseCountAsync(team.Coordinator));

        var family = await app.WithDbAsync((db, _) => db.Cases.Include(c => c.Members).Include(c => c.SupportPeriods)
            .SingleAsync(c => c.ProgrammeId == team.Programme.Id && c.ExternalRef == "F-001"));
        Assert.Equal(CaseKind.Family, family.Kind);
        Assert.Equal(CaseStatus.Active, family.Status);
        Assert.Equal(new DateOnly(2024, 3, 31), family.Referral.Date);
        Assert.Equal([(new DateOnly(2024, 3, 31), (DateOnly?)null)], family.SupportPeriods.Select(p => (p.From, p.To)).ToList());
        var amina = family.Members.Single(m => m.FirstName == "Amina");
        Assert.Equal((MemberRole.Parent, Gender.Female, new DateOnly(1988, 5, 2), "MA", "ar,fr"), (amina.Role, amina.Gender, amina.BirthDate!.Value, amina.Nationality, amina.Languages));
        var yassine = family.Members.Single(m => m.FirstName == "Yassine");
        Assert.Equal((MemberRole.Child, Gender.Male, new DateOnly(2016, 9, 12), "MA"), (yassine.Role, yassine.Gender, yassine.BirthDate!.Value, yassine.Nationality));

        var detail = await team.Coordinator.GetFromJsonAsync<JsonElement>($"/api/cases/{family.Id}");
        Assert.Equal("active", detail.GetProperty("status").GetString());
        Assert.Equal(2, detail.GetProperty("members").GetArrayLength());
    }

    [Fact]
    public async Task ALaterFile_AddsAPersonToAnImportedHousehold()
    {
        using var team = await ProgrammeTeam.CreateAsync(app);
        await ImportAsync(team.Coordinator, team.Programme.Slug, FileOf(TwoHouseholds));
        var later = Header + "\nF-001;family;2024-03-31;community;;active;child;Salma;El Idrissi;female;2019-01-20;MA;fr\n";

        var report = await ImportAsync(team.Coordinator, team.Programme.Slug, FileOf(later));

        Assert.Equal((0, 1), (report.GetProperty("created").GetProperty("cases").GetInt32(), report.GetProperty("created").GetProperty("people").GetInt32()));
        var names = await app.WithDbAsync((db, _) => db.Members.Where(m => db.Cases.Any(c => c.Id == m.CaseId && c.ExternalRef == "F-001" && c.ProgrammeId == team.Programme.Id))
            .Select(m => m.FirstName).OrderBy(n => n).ToListAsync());
        Assert.Equal(["Amina", "Salma", "Yassine"], names);
    }

    [Fact]
    public async Task AReimport_AfterABirthDateWasCorrectedInTrajet_AddsNoOne()
    {
        using var team = await ProgrammeTeam.CreateAsync(app);
        await ImportAsync(team.Coordinator, team.Programme.Slug, FileOf(TwoHouseholds));
        var amina = await app.WithDbAsync((db, _) => db.Members.SingleAsync(m => m.OrganisationId == team.Organisation.Id && m.FirstName == "Amina"));
        await team.Coordinator.PutAsJsonAsync($"/api/cases/{amina.CaseId}/members/{amina.Id}", new
        {
            role = "parent",
            firstName = "Amina",
            lastName = "El Idrissi",
            gender = "female",
            birthDate = "1988-06-02",
            nationality = "MA",
            languages = new[] { "ar", "fr" },
            version = amina.Version,
        }).Succeeded();

        var again = await ImportAsync(team.Coordinator, team.Programme.Slug, FileOf(TwoHouseholds));

        Assert.Equal(0, again.GetProperty("created").GetProperty("people").GetInt32());
        Assert.Equal(3, await app.WithDbAsync((db, _) => db.Members.CountAsync(m => m.OrganisationId == team.Organisation.Id)));
    }

    [Fact]
    public async Task TheHouseholdsContact_IsKept_WithABelgianNumberWrittenWithSlashes()
    {
        using var team = await ProgrammeTeam.CreateAsync(app);
        var csv = Header + ";address;phone\nC-1;individual;2025-02-01;self;;referred;;Samir;Haddad;male;;SY;ar;Rue Haute 12, 1000 Bruxelles;'+32 2 555 12 12 | 0470/12.34.56\n";

        await ImportAsync(team.Coordinator, team.Programme.Slug, FileOf(csv));

        var contact = await app.WithDbAsync((db, _) => db.HouseholdContacts.SingleAsync(h => db.Cases.Any(c => c.Id == h.CaseId && c.ProgrammeId == team.Programme.Id)));
        Assert.Equal(("Rue Haute 12, 1000 Bruxelles", "+32 2 555 12 12\n0470/12.34.56"), (contact.Address, contact.Phones));
    }

    [Fact]
    public async Task AnXlsxFile_IsReadFromItsFirstSheet_WithDutchHeadersAndDateCells()
    {
        using var team = await ProgrammeTeam.CreateAsync(app);
        string[] headers = ["dossier_ref", "soort", "verwijsdatum", "verwijsbron", "verwezen_door", "status", "rol", "voornaam", "achternaam", "geslacht", "geboortedatum", "nationaliteit", "talen"];
        // 32874 is 1990-01-01 as a spreadsheet stores a date.
        object[] row = ["G-7", "gezin", "15/01/2025", "gemeenschap", "", "doorverwezen", "ouder", "Naïma", "Çelik", "vrouw", 32874, "Turkije", "Turks|nl"];
        var xlsx = XlsxFile.Write([new("Blad1", headers, [row])]);

        var report = await ImportAsync(team.Coordinator, team.Programme.Slug, FileOf(xlsx, "gezinnen.xlsx"));

        Assert.Empty(Errors(report));
        var naima = await app.WithDbAsync((db, _) => db.Members.SingleAsync(m => m.OrganisationId == team.Organisation.Id));
        Assert.Equal(("Naïma", "Çelik", new DateOnly(1990, 1, 1), "TR", "tr,nl", MemberRole.Parent), (naima.FirstName, naima.LastName, naima.BirthDate!.Value, naima.Nationality, naima.Languages, naima.Role));
    }

    [Fact]
    public async Task AKnownPerson_IsFlagged_AndTheCoordinatorsDecisionIsFollowed()
    {
        using var team = await ProgrammeTeam.CreateAsync(app);
        var (known, _) = await CaseBuilder.OpenAsync(team.Coordinator, team.Programme.Slug);
        await CaseBuilder.AddMemberAsync(team.Coordinator, known, new { role = "parent", firstName = "Mohammed", lastName = "Diallo", gender = "male", birthDate = "1985-02-03", nationality = "GN", languages = new[] { "fr" } }).Succeeded();
        // The same name in another organisation is none of this coordinator's business.
        var (stranger, _, strangerProgramme) = await app.NewUserClientAsync(Roles.Coordinator);
        var (theirs, _) = await CaseBuilder.OpenAsync(stranger, strangerProgramme.Slug);
        await CaseBuilder.AddMemberAsync(stranger, theirs, new { role = "parent", firstName = "Mohamed", lastName = "Diallo", gender = "male", birthDate = "1985-02-03", nationality = "GN", languages = new[] { "fr" } }).Succeeded();
        var csv = Header + "\n"
            + "D-1;family;2025-01-10;community;;referred;parent;Muhammad;Diallo;male;03/02/1985;Guinée;fr\n"
            + "D-1;family;2025-01-10;community;;referred;child;Awa;Diallo;female;2015-06-01;GN;fr\n"
            + "D-2;individual;2025-01-10;community;;referred;;Ousmane;Sow;male;1990-01-01;GN;fr\n";

        var dry = await ImportAsync(team.Coordinator, team.Programme.Slug, FileOf(csv), dryRun: true);
        var flagged = dry.GetProperty("possibleDuplicates").EnumerateArray().Select(d => (d.GetProperty("row").GetInt32(), d.GetProperty("caseId").GetGuid())).ToList();
        Assert.Equal([(2, known)], flagged);

        // Linked: the household is the known case; Awa joins it, Muhammad is the person already there.
        var linked = await ImportAsync(team.Coordinator, team.Programme.Slug, FileOf(Encoding.UTF8.GetBytes(csv), "f.csv", $"2:link:{known}"));
        Assert.Equal((1, 2), (linked.GetProperty("created").GetProperty("cases").GetInt32(), linked.GetProperty("created").GetProperty("people").GetInt32()));
        var household = await app.WithDbAsync((db, _) => db.Members.Where(m => m.CaseId == known).Select(m => m.FirstName).OrderBy(n => n).ToListAsync());
        Assert.Equal(["Awa", "Mohammed"], household);
        var again = await ImportAsync(team.Coordinator, team.Programme.Slug, FileOf(Encoding.UTF8.GetBytes(csv), "f.csv", $"2:link:{known}"));
        Assert.Equal(0, again.GetProperty("created").GetProperty("people").GetInt32());
        Assert.Equal(2, await CaseCountAsync(team.Coordinator));
    }

    [Fact]
    public async Task ASkippedRow_IsNotImported()
    {
        using var team = await ProgrammeTeam.CreateAsync(app);
        var (known, _) = await CaseBuilder.OpenAsync(team.Coordinator, team.Programme.Slug);
        await CaseBuilder.AddMemberAsync(team.Coordinator, known, CaseBuilder.Parent()).Succeeded();
        var csv = Header + "\nP-1;individual;2025-01-10;community;;referred;;Lusine;Petrossian;female;1986-04-02;AM;hy\n";

        var report = await ImportAsync(team.Coordinator, team.Programme.Slug, FileOf(Encoding.UTF8.GetBytes(csv), "p.csv", "2:skip"));

        Assert.Equal(2, report.GetProperty("possibleDuplicates")[0].GetProperty("row").GetInt32());
        Assert.Equal(0, report.GetProperty("created").GetProperty("cases").GetInt32());
        Assert.Equal(1, await CaseCountAsync(team.Coordinator));
    }

    [Fact]
    public async Task ACaseManager_Gets403_AndAnotherOrganisationsCoordinator_404_AndNothingIsWritten()
    {
        using var team = await ProgrammeTeam.CreateAsync(app);
        var (stranger, _, _) = await app.NewUserClientAsync(Roles.Coordinator);

        var manager = await team.Manager.PostAsync($"/api/imports/cases?programme={team.Programme.Slug}", FileOf(TwoHouseholds));
        var other = await stranger.PostAsync($"/api/imports/cases?programme={team.Programme.Slug}", FileOf(TwoHouseholds));

        Assert.Equal(HttpStatusCode.Forbidden, manager.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(0, await CaseCountAsync(team.Coordinator));
        Assert.Equal(0, await CaseCountAsync(stranger));
    }

    [Fact]
    public async Task EachCreatedRecord_IsAuditedAsTheCoordinatorsCreate()
    {
        using var team = await ProgrammeTeam.CreateAsync(app);
        var email = await app.CreateUserAsync(Roles.Coordinator, team.Organisation, team.Programme);
        using var coordinator = await app.ApiClientAsync(email);

        await ImportAsync(coordinator, team.Programme.Slug, FileOf(TwoHouseholds));

        var created = await app.WithDbAsync((db, _) => db.AuditEntries.Where(e => e.ActorEmail == email && e.Action == AuditAction.Create)
            .GroupBy(e => e.EntityType).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key ?? "", g => g.Count));
        Assert.Equal(2, created["Case"]);
        Assert.Equal(3, created["Member"]);
    }

    public static TheoryData<string, byte[]> BadFiles => new()
    {
        { "not a spreadsheet", [0x89, (byte)'P', (byte)'N', (byte)'G', 0, 0, 1, 2] },
        { "empty", [] },
        { "no header", Encoding.UTF8.GetBytes(";;;\nF-1;family;2025-01-01\n") },
        { "unknown header", Encoding.UTF8.GetBytes(Header + ";shoe_size\nF-1;family;2025-01-01;community;;referred;parent;A;B;female;;MA;ar;42\n") },
        { "a formula", Encoding.UTF8.GetBytes(Header + "\nF-1;family;2025-01-01;community;=HYPERLINK(\"http://x\");referred;parent;A;B;female;;MA;ar\n") },
        { "a zip that is no workbook", [(byte)'P', (byte)'K', 3, 4, 20, 0, 0, 0, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9] },
        { "latin-1", Encoding.Latin1.GetBytes(Header + "\nF-1;family;2025-01-01;community;;referred;parent;Zoé;Dupré;female;;FR;fr\n") },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task ABadFile_Returns400InTheUsersLanguage_AndWritesNothing(string what, byte[] content)
    {
        using var team = await ProgrammeTeam.CreateAsync(app);
        team.Coordinator.DefaultRequestHeaders.AcceptLanguage.ParseAdd("nl");

        var response = await team.Coordinator.PostAsync($"/api/imports/cases?programme={team.Programme.Slug}", FileOf(content, "file.csv"));

        Assert.True(HttpStatusCode.BadRequest == response.StatusCode, what);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Het bestand kan niet worden geïmporteerd.", problem.GetProperty("title").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()), what);
        Assert.Equal(0, await CaseCountAsync(team.Coordinator));
    }

    [Fact]
    public async Task AFileOver20MB_Returns400()
    {
        using var team = await ProgrammeTeam.CreateAsync(app);
        var big = new byte[(20 * 1024 * 1024) + 1];
        Array.Fill(big, (byte)'a');

        var response = await team.Coordinator.PostAsync($"/api/imports/cases?programme={team.Programme.Slug}", FileOf(big, "big.csv"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("20", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task TheTemplate_HasTheColumnsInTheChosenLanguage_AndImportsBack()
    {
        using var team = await ProgrammeTeam.CreateAsync(app);

        var csv = await team.Coordinator.GetByteArrayAsync("/api/imports/template?language=fr&format=csv");
        var xlsx = await team.Coordinator.GetAsync("/api/imports/template?language=nl");

        var header = Encoding.UTF8.GetString(csv).TrimStart('\uFEFF').Split('\n')[0].Trim();
        Assert.StartsWith("ref_dossier;type;date_orientation;source_orientation;oriente_par;statut;role;prenom;nom;genre;date_naissance;nationalite;langues", header);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        var filled = header + "\nF-9;famille;01/02/2025;communauté;;orienté;parent;Zoé;Martin;femme;;France;français" + new string(';', header.Count(c => c == ';') - 12) + "\n";
        var report = await ImportAsync(team.Coordinator, team.Programme.Slug, FileOf(filled));
        Assert.Equal(1, report.GetProperty("created").GetProperty("people").GetInt32());
    }
}

public sealed class CaseImportTestsOnSqlite(SqliteApp app) : CaseImportTests(app), IClassFixture<SqliteApp>;

public sealed class CaseImportTestsOnPostgres(PostgresApp app) : CaseImportTests(app), IClassFixture<PostgresApp>;
