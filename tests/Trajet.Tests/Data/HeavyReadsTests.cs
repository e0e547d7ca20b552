using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Trajet.Tests.Features.Cases;
using Trajet.Tests.Features.Coaching;
using Trajet.Tests.Features.Outreach;
using Trajet.Tests.Features.Reports;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Data;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.Audit;
using Trajet.Web.Features.Organisations;
using Trajet.Web.Infrastructure;

namespace Trajet.Tests.Data;

/// <summary>
/// <c>ConnectionStrings:TrajetReadOnly</c>: the evaluation report, the outreach dashboard, the organisation export and the
/// calendar feed read through it; access checks, audit entries and everything else go to the primary.
/// </summary>
public static class ReadOnlyRole
{
    /// <summary>
    /// A login that can only SELECT in <paramref name="database"/>, every transaction read-only (as on a standby), and
    /// its connection string. Made once the schema is there (the grant covers the tables that exist).
    /// </summary>
    public static async Task<string> CreateAsync(string role, string database)
    {
        await ExecuteAsync(Postgres.Server, $"CREATE ROLE {role} LOGIN PASSWORD '{Password}'", $"ALTER ROLE {role} SET default_transaction_read_only = on");
        await ExecuteAsync(new NpgsqlConnectionStringBuilder(Postgres.Server) { Database = database }.ConnectionString,
            $"GRANT USAGE ON SCHEMA public TO {role}", $"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}");
        return ConnectionString(role, database);
    }

    private const string Password = "Reader-Passw0rd";

    public static string NewName() => $"trajet_reader_{Guid.NewGuid():N}";

    public static string ConnectionString(string role, string database) =>
        new NpgsqlConnectionStringBuilder(Postgres.Server) { Database = database, Username = role, Password = Password }.ConnectionString;

    /// <summary>Drops the role, once the databases it may read are gone.</summary>
    public static Task DropAsync(string role) => ExecuteAsync(Postgres.Server, $"DROP ROLE IF EXISTS {role}");

    public static async Task ExecuteAsync(string connectionString, params string[] statements)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var statement in statements)
        {
            await using var command = new NpgsqlCommand(statement, connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}

/// <summary>
/// What the heavy reads read, in one organisation each: two families with summary sheets and a visit's (encrypted) note,
/// an outreach team with two contacts, a coach with a booked appointment and a calendar feed.
/// </summary>
public sealed record HeavyReadsWorld(
    Organisation Organisation, Programme Programme, IReadOnlyList<Guid> Criteria, string CoordinatorEmail, HttpClient Manager, HttpClient Coordinator,
    List<(Guid Id, string Number)> Families, string Note, OutreachTeam Outreach, Guid Session, CoachingSetup Coaching, Guid AppointmentId, string FeedUrl)
{
    public const string From = "2022-01-01";
    public const string To = "2022-12-31";

    public string ReportQuery => $"programme={Programme.Slug}&from={From}&to={To}";

    public static async Task<HeavyReadsWorld> CreateAsync(TrajetApp app)
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var criteria = await app.AddCriteriaAsync(programme, "Child under 18");
        var manager = await app.ApiClientAsync(await app.CreateUserAsync(Roles.CaseManager, organisation, programme));
        var coordinatorEmail = await app.CreateUserAsync(Roles.Coordinator, organisation, programme);
        var coordinator = await app.ApiClientAsync(coordinatorEmail);
        var note = "Sleeps at the cousin's in Molenbeek " + Guid.NewGuid().ToString("N")[..8];
        var world = new HeavyReadsWorld(organisation, programme, criteria, coordinatorEmail, manager, coordinator, [], note,
            await OutreachTeam.CreateAsync(app), Guid.Empty, await CoachingSetup.CreateAsync(app), Guid.Empty, "");
        await world.AddFamilyAsync(0);
        await world.AddFamilyAsync(1);
        await manager.PostAsJsonAsync($"/api/cases/{world.Families[0].Id}/interactions", new { type = "home-visit", date = "2022-02-10", durationMinutes = 60, notes = note }).Succeeded();

        var session = await world.Outreach.SessionAsync(await world.Outreach.PlaceAsync(), "2022-03-10");
        world = world with { Session = session };
        await world.AddContactAsync();
        await world.AddContactAsync();

        var booked = await world.Coaching.BookAsync(CoachingSetup.NextWednesday(), "10:00", "10:30").Succeeded();
        var feed = await world.Coaching.Coach.PostAsync("/api/me/calendar", null).Succeeded();
        return world with
        {
            AppointmentId = (await booked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(),
            FeedUrl = (await feed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!,
        };
    }

    /// <summary>A family admitted in 2021, with a summary sheet in 2022 (the <paramref name="index"/>th of the briefing note's).</summary>
    public async Task<(Guid Id, string Number)> AddFamilyAsync(int index)
    {
        var family = await CaseBuilder.OpenAsync(Manager, Programme.Slug, date: "2021-03-01");
        await CaseBuilder.AdmitAsync(Manager, family.Id, Criteria, screened: "2021-03-10", admitted: "2021-03-15");
        Assert.Equal(HttpStatusCode.Created, (await Manager.PostAsJsonAsync($"/api/cases/{family.Id}/summary-sheets", BriefingNote.Sheet(index, "2022-06-30"))).StatusCode);
        Families.Add(family);
        return family;
    }

    public async Task AddContactAsync() =>
        Assert.Equal(HttpStatusCode.Created, (await Outreach.ContactAsync(Session, date: "2022-03-10")).StatusCode);

    /// <summary>The feed's text without its DTSTAMP lines (the time it was written).</summary>
    public static async Task<string> FeedAsync(TrajetApp app, string url)
    {
        using var anonymous = app.CreateClient();
        var response = await anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        return string.Join("\n", text.ReplaceLineEndings("\n").Split('\n').Where(l => !l.StartsWith("DTSTAMP", StringComparison.Ordinal)));
    }

    /// <summary>The archive's files by name; README.txt without its first line (the minute it was taken out).</summary>
    public static async Task<Dictionary<string, string>> ExportAsync(HttpClient client, Guid organisationId)
    {
        var response = await client.GetAsync($"/api/organisations/{organisationId}/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            await using var content = await entry.OpenAsync();
            using var reader = new StreamReader(content, Encoding.UTF8);
            var text = await reader.ReadToEndAsync();
            entries[entry.FullName] = entry.FullName == "README.txt" ? text[(text.IndexOf('\n', StringComparison.Ordinal) + 1)..] : text;
        }
        return entries;
    }
}

/// <summary>Two instances on one database: one reads the heavy reads through a login that can only read, the other has no such setting.</summary>
public sealed class ReadOnlyReplicaApps : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("trajet-readonly-").FullName;
    private readonly string role = ReadOnlyRole.NewName();

    public TrajetApp Primary { get; private set; } = null!;
    public TrajetApp WithReadOnly { get; private set; } = null!;
    public string ReadOnlyConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var documents = new Dictionary<string, string?> { ["Documents:Path"] = Path.Combine(folder, "documents") };
        Primary = new TrajetApp(DatabaseProvider.Postgres, documents);
        await Primary.InitializeAsync();
        ReadOnlyConnectionString = await ReadOnlyRole.CreateAsync(role, new NpgsqlConnectionStringBuilder(Primary.ConnectionString).Database!);
        WithReadOnly = new TrajetApp(DatabaseProvider.Postgres, new Dictionary<string, string?>(documents)
        {
            ["ConnectionStrings:TrajetReadOnly"] = ReadOnlyConnectionString,
            ["DataProtection:KeysPath"] = Primary.KeysPath, // as an operator would set it; on PostgreSQL the keys are in the database anyway
        }, Primary.ConnectionString);
        await WithReadOnly.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await WithReadOnly.DisposeAsync();
        await Primary.DisposeAsync();
        await ReadOnlyRole.DropAsync(role);
        Directory.Delete(folder, recursive: true);
    }
}

public sealed class HeavyReadsOnAReadOnlyLoginTests(ReadOnlyReplicaApps apps) : IClassFixture<ReadOnlyReplicaApps>
{
    [Fact]
    public async Task Report_ApiCsvAndPage_ThroughTheReadOnlyLogin_EqualThePrimarys()
    {
        // Written through the instance that has the read-only connection: writes still go to the primary.
        var world = await HeavyReadsWorld.CreateAsync(apps.WithReadOnly);
        using var viaPrimary = await apps.Primary.ApiClientAsync(world.CoordinatorEmail);

        var report = await world.Coordinator.GetStringAsync($"/api/reports/evaluation?{world.ReportQuery}");

        Assert.Equal(2, JsonDocument.Parse(report).RootElement.GetProperty("sheets").GetInt32());
        Assert.Equal(await viaPrimary.GetStringAsync($"/api/reports/evaluation?{world.ReportQuery}"), report);
        Assert.Equal(await viaPrimary.GetByteArrayAsync($"/api/reports/evaluation.csv?{world.ReportQuery}"),
            await world.Coordinator.GetByteArrayAsync($"/api/reports/evaluation.csv?{world.ReportQuery}"));
        Assert.Equal(HttpStatusCode.OK, (await world.Coordinator.GetAsync($"/api/reports/evaluation.xlsx?{world.ReportQuery}")).StatusCode);
        using var browser = await apps.WithReadOnly.SignedInBrowserAsync(world.CoordinatorEmail);
        using var primaryBrowser = await apps.Primary.SignedInBrowserAsync(world.CoordinatorEmail);
        var page = (await Html.GetAsync(browser, $"/Reports/Evaluation?{world.ReportQuery}")).QuerySelector("main")!.TextContent;
        Assert.Equal((await Html.GetAsync(primaryBrowser, $"/Reports/Evaluation?{world.ReportQuery}")).QuerySelector("main")!.TextContent, page);
        // The exports were audited on the primary: the CSV through each instance, and the XLSX.
        Assert.Equal(3, await apps.Primary.WithDbAsync((db, _) => db.AuditEntries.CountAsync(e =>
            e.Action == AuditAction.Export && e.EntityType == "EvaluationReport" && e.EntityId == world.Programme.Slug)));
    }

    [Fact]
    public async Task Dashboard_ThroughTheReadOnlyLogin_EqualsThePrimarys()
    {
        var world = await HeavyReadsWorld.CreateAsync(apps.WithReadOnly);
        using var viaPrimary = await apps.Primary.ApiClientAsync(world.Outreach.Email);
        var query = $"programme={world.Outreach.Programme.Slug}";

        var dashboard = await world.Outreach.Client.GetStringAsync($"/api/outreach/dashboard?{query}");

        Assert.Equal(2, JsonDocument.Parse(dashboard).RootElement.GetProperty("contacts").GetInt32());
        Assert.Equal(await viaPrimary.GetStringAsync($"/api/outreach/dashboard?{query}"), dashboard);
        Assert.Equal(await viaPrimary.GetByteArrayAsync($"/api/outreach/dashboard.csv?{query}"),
            await world.Outreach.Client.GetByteArrayAsync($"/api/outreach/dashboard.csv?{query}"));
        using var browser = await apps.WithReadOnly.SignedInBrowserAsync(world.Outreach.Email);
        using var primaryBrowser = await apps.Primary.SignedInBrowserAsync(world.Outreach.Email);
        Assert.Equal((await Html.GetAsync(primaryBrowser, $"/Outreach/Dashboard?{query}")).QuerySelector("main")!.TextContent,
            (await Html.GetAsync(browser, $"/Outreach/Dashboard?{query}")).QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task OrganisationExport_ThroughTheReadOnlyLogin_EqualsThePrimarys_NotesDecrypted()
    {
        var world = await HeavyReadsWorld.CreateAsync(apps.WithReadOnly);
        using var viaPrimary = await apps.Primary.ApiClientAsync(world.CoordinatorEmail);

        var archive = await HeavyReadsWorld.ExportAsync(world.Coordinator, world.Organisation.Id);

        Assert.Contains(world.Note, archive["interactions.csv"], StringComparison.Ordinal);
        Assert.All(world.Families, f => Assert.Contains(f.Number, archive[$"cases-{world.Programme.Slug}.csv"], StringComparison.Ordinal));
        var primarys = await HeavyReadsWorld.ExportAsync(viaPrimary, world.Organisation.Id);
        Assert.Equal(primarys.Keys.Order(), archive.Keys.Order());
        Assert.All(archive, entry => Assert.Equal(primarys[entry.Key], entry.Value));
        Assert.Equal(2, await apps.Primary.WithDbAsync((db, _) => db.AuditEntries.CountAsync(e =>
            e.Action == AuditAction.Export && e.EntityType == "Organisation" && e.EntityId == world.Organisation.Id.ToString())));
    }

    [Fact]
    public async Task CalendarFeed_ThroughTheReadOnlyLogin_EqualsThePrimarys()
    {
        var world = await HeavyReadsWorld.CreateAsync(apps.WithReadOnly);

        var feed = await HeavyReadsWorld.FeedAsync(apps.WithReadOnly, world.FeedUrl);

        Assert.Contains($"UID:appointment-{world.AppointmentId}@trajet", feed, StringComparison.Ordinal);
        Assert.Equal(await HeavyReadsWorld.FeedAsync(apps.Primary, world.FeedUrl), feed);
        Assert.Equal(2, await apps.Primary.WithDbAsync((db, _) => db.AuditEntries.CountAsync(e =>
            e.Action == AuditAction.Export && e.EntityType == "CalendarFeed" && e.ActorId == world.Coaching.CoachId)));
    }

    [Fact]
    public async Task TheReadOnlyContext_NeverSaves_AndTheLoginCannotWrite()
    {
        await using var scope = apps.WithReadOnly.Services.CreateAsyncScope();
        var reads = scope.ServiceProvider.GetRequiredService<HeavyReads>();
        var db = Assert.IsType<ReadOnlyTrajetDbContext>(reads.Db);

        db.Organisations.Add(new Organisation { Name = "Never saved", Kind = OrganisationKind.Ngo, Country = "BE" });
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        var refused = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync("CREATE TEMPORARY TABLE attempt (id int)"));
        Assert.Equal(PostgresErrorCodes.ReadOnlySqlTransaction, refused.SqlState);
        // The instance's own context is still the primary's.
        Assert.IsType<PostgresTrajetDbContext>(scope.ServiceProvider.GetRequiredService<TrajetDbContext>());
    }
}

/// <summary>The proof that the heavy reads leave the primary: their database is a copy taken before the last writes.</summary>
public sealed class HeavyReadsOnAStandbyTests
{
    [Fact]
    public async Task HeavyReads_ShowTheStandbysRows_WhileWhatWasJustWrittenIsReadFromThePrimary()
    {
        var role = ReadOnlyRole.NewName();
        var standby = $"trajet_{Guid.NewGuid():N}";
        // The read-only connection is opened only by a heavy read: the standby may come after the instance.
        await using var app = new TrajetApp(DatabaseProvider.Postgres, new Dictionary<string, string?>
        {
            ["ConnectionStrings:TrajetReadOnly"] = ReadOnlyRole.ConnectionString(role, standby),
        });
        try
        {
            await app.InitializeAsync();
            var world = await HeavyReadsWorld.CreateAsync(app);
            await CopyAsync(app, standby, role);

            // Written after the copy: on the primary only, as a standby that lags behind would not have them yet.
            var late = await world.AddFamilyAsync(2);
            await world.AddContactAsync();
            var lateAppointment = (await (await world.Coaching.BookAsync(CoachingSetup.NextWednesday(1), "11:00", "11:30").Succeeded())
                .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

            // What was just written is read back from the primary...
            Assert.Equal(late.Number, (await world.Manager.GetFromJsonAsync<JsonElement>($"/api/cases/{late.Id}")).GetProperty("number").GetString());
            Assert.Equal(3, await app.WithDbAsync((db, _) => db.SummarySheets.CountAsync(s => s.ProgrammeId == world.Programme.Id)));
            // ...and the heavy reads from the standby, which has the first two families, contacts and appointment only.
            var report = await world.Coordinator.GetFromJsonAsync<JsonElement>($"/api/reports/evaluation?{world.ReportQuery}");
            Assert.Equal(2, report.GetProperty("sheets").GetInt32());
            using var browser = await app.SignedInBrowserAsync(world.CoordinatorEmail);
            Assert.Equal("2 sheets", (await Html.GetAsync(browser, $"/Reports/Evaluation?{world.ReportQuery}&culture=en")).QuerySelector("main p strong")!.TextContent);
            var dashboard = await world.Outreach.Client.GetFromJsonAsync<JsonElement>($"/api/outreach/dashboard?programme={world.Outreach.Programme.Slug}");
            Assert.Equal(2, dashboard.GetProperty("contacts").GetInt32());
            var cases = (await HeavyReadsWorld.ExportAsync(world.Coordinator, world.Organisation.Id))[$"cases-{world.Programme.Slug}.csv"];
            Assert.Contains(world.Families[0].Number, cases, StringComparison.Ordinal);
            Assert.DoesNotContain(late.Number, cases, StringComparison.Ordinal);
            var feed = await HeavyReadsWorld.FeedAsync(app, world.FeedUrl);
            Assert.Contains($"appointment-{world.AppointmentId}@trajet", feed, StringComparison.Ordinal);
            Assert.DoesNotContain($"appointment-{lateAppointment}@trajet", feed, StringComparison.Ordinal);
            Assert.Equal(2, await app.WithDbAsync((db, _) => db.Appointments.CountAsync(a => a.CoachUserId == world.Coaching.CoachId)));
        }
        finally
        {
            Postgres.Drop(ReadOnlyRole.ConnectionString(role, standby));
            await ReadOnlyRole.DropAsync(role);
        }
    }

    [Fact]
    public async Task StandbyDown_HeavyReadsAnswer503_WhileHealthAndCasesStayUp()
    {
        await using var app = new TrajetApp(DatabaseProvider.Postgres, new Dictionary<string, string?>
        {
            ["ConnectionStrings:TrajetReadOnly"] = $"Host=127.0.0.1;Port={MailServer.FreePort()};Username=nobody;Database=trajet",
        });
        await app.InitializeAsync();
        var world = await HeavyReadsWorld.CreateAsync(app);

        var report = await world.Coordinator.GetAsync($"/api/reports/evaluation?{world.ReportQuery}&culture=fr");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, report.StatusCode);
        Assert.Equal("application/problem+json", report.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("Les rapports et les exports ne peuvent pas être lus", (await report.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await world.Outreach.Client.GetAsync($"/api/outreach/dashboard?programme={world.Outreach.Programme.Slug}")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await world.Coordinator.GetAsync($"/api/organisations/{world.Organisation.Id}/export")).StatusCode);
        using (var anonymous = app.CreateClient())
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await anonymous.GetAsync(world.FeedUrl)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health")).StatusCode);
        }
        using var browser = await app.SignedInBrowserAsync(world.CoordinatorEmail);
        var page = await browser.GetAsync($"/Reports/Evaluation?{world.ReportQuery}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Contains("Reports and exports cannot be read for the moment.", (await Html.ParseAsync(page)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        // Nothing fell back to the primary unnoticed, and the primary serves everything else.
        var family = await world.AddFamilyAsync(2);
        Assert.Equal(HttpStatusCode.OK, (await world.Manager.GetAsync($"/api/cases/{family.Id}")).StatusCode);
    }

    [Fact]
    public async Task OnSqlite_TheReadOnlyConnectionIsIgnored()
    {
        await using var app = new TrajetApp(DatabaseProvider.Sqlite, new Dictionary<string, string?>
        {
            ["ConnectionStrings:TrajetReadOnly"] = $"Host=127.0.0.1;Port={MailServer.FreePort()};Username=nobody;Database=trajet",
        });
        await app.InitializeAsync();
        var (coordinator, _, programme) = await app.NewUserClientAsync(Roles.Coordinator);

        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync($"/api/reports/evaluation?programme={programme.Slug}")).StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.IsType<SqliteTrajetDbContext>(scope.ServiceProvider.GetRequiredService<HeavyReads>().Db);
    }

    /// <summary>
    /// The standby: a copy of the primary as it is now (<c>CREATE DATABASE … TEMPLATE</c>, which needs the primary without
    /// connections: the instance's idle ones are closed first and it opens new ones after; its cache listener is cut, and
    /// reconnects a second later), readable by a read-only login.
    /// </summary>
    private static async Task CopyAsync(TrajetApp app, string standby, string role)
    {
        var primary = new NpgsqlConnectionStringBuilder(app.ConnectionString).Database;
        for (var attempt = 1; ; attempt++)
        {
            NpgsqlConnection.ClearAllPools();
            await ReadOnlyRole.ExecuteAsync(Postgres.Server,
                $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{primary}' AND application_name = '{CacheSignals.ApplicationName}'");
            try
            {
                await ReadOnlyRole.ExecuteAsync(Postgres.Server, $"CREATE DATABASE {standby} TEMPLATE {primary}");
                break;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 5)
            {
                // the listener came back between the two statements: cut it again
            }
        }
        await ReadOnlyRole.CreateAsync(role, standby);
    }
}
