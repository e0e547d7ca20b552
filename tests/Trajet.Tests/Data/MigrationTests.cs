using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Data;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.Cases;

namespace Trajet.Tests.Data;

public abstract class MigrationTests(DatabaseProvider provider)
{
    private const string FirstMigration = "20261122000001_Identity";

    [Fact]
    public async Task OlderDatabase_IsUpgradedInPlace_WithoutLosingData()
    {
        // A database left by the first released schema, with an organisation in it.
        await using var seed = new TrajetApp(provider);
        await using (var old = NewContext(seed.ConnectionString))
        {
            await old.GetService<IMigrator>().MigrateAsync(FirstMigration);
            Assert.DoesNotContain("Cases", await TablesAsync(old));
            await old.Database.ExecuteSqlRawAsync(
                """INSERT INTO "Organisations" ("Id", "Name", "Kind", "Country", "CreatedAt") VALUES ({0}, 'Kept Org', 'Ngo', 'BE', {1})""",
                Guid.NewGuid(), new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        }

        // The current version starts on it.
        await using var app = new TrajetApp(provider, connectionString: seed.ConnectionString);
        await app.InitializeAsync();

        var kept = await app.WithDbAsync((db, _) => db.Organisations.SingleAsync(o => o.Name == "Kept Org"));
        Assert.Equal("BE", kept.Country);
        var applied = await app.WithDbAsync(async (db, _) => (await db.Database.GetAppliedMigrationsAsync()).ToList());
        var known = await app.WithDbAsync((db, _) => Task.FromResult(db.Database.GetMigrations().ToList()));
        Assert.Equal(known, applied);
        Assert.True(known.Count >= 2);
    }

    [Fact]
    public async Task CaseFilesUpgrade_KeepsPeopleAndDatesTheirHistory()
    {
        var old = await OldCaseAsync("20261122000003_OutreachContacts", (db, c) =>
            db.Database.ExecuteSqlAsync($"""INSERT INTO "CaseStatusChanges" ("Id", "CaseId", "To", "At") VALUES ({Guid.NewGuid()}, {c.CaseId}, 'Referred', {SeededAt})"""));
        await using var seed = old.Seed;
        var (caseId, member) = (old.CaseId, old.Member);

        await using var app = new TrajetApp(provider, connectionString: seed.ConnectionString);
        await app.InitializeAsync();

        var history = await app.WithDbAsync((db, _) => db.CaseStatusChanges.Where(s => s.CaseId == caseId).Select(s => s.Date).SingleAsync());
        Assert.Equal(new DateOnly(2024, 3, 5), history);
        var keys = await app.WithDbAsync((db, _) => db.PersonNameKeys.Where(k => k.MemberId == member).Select(k => k.Key).ToListAsync());
        Assert.Contains(Trajet.Web.Features.Cases.NameMatcher.Key("Muhammad"), keys);
    }

    [Fact]
    public async Task Schema_HasEveryTableAndColumnOfTheModel()
    {
        await using var app = new TrajetApp(provider);
        await app.InitializeAsync();

        var missing = await app.WithDbAsync(async (db, _) =>
        {
            var failures = new List<string>();
            foreach (var table in db.Model.GetRelationalModel().Tables)
            {
                // Names come from the model, not from input.
                var sql = $"SELECT {string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""))} FROM \"{table.Name}\" WHERE 1 = 0";
                try
                {
                    await db.Database.ExecuteSqlRawAsync(sql);
                }
                catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or Npgsql.PostgresException)
                {
                    failures.Add($"{table.Name}: {e.Message}");
                }
            }
            return failures;
        });

        Assert.Empty(missing);
    }

    [Fact]
    public async Task Schema_HasEveryIndexOfTheModel_OnItsColumns()
    {
        await using var app = new TrajetApp(provider);
        await app.InitializeAsync();

        var (expected, found) = await app.WithDbAsync(async (db, _) =>
        {
            var model = db.Model.GetRelationalModel().Tables.SelectMany(t => t.Indexes).ToList();
            var indexes = model.Select(i => $"{i.Name} ({string.Join(", ", i.Columns.Select(c => c.Name))})").ToList();
            var present = new List<string>();
            foreach (var name in model.Select(i => i.Name))
            {
                // The index's columns in order, as the database has them (none if it has no such index).
                var columns = db.Database.IsNpgsql()
                    ? db.Database.SqlQuery<string>($"""
                        SELECT a.attname AS "Value" FROM pg_index AS x
                        JOIN pg_class AS c ON c.oid = x.indexrelid
                        JOIN unnest(x.indkey) WITH ORDINALITY AS k(attnum, n) ON true
                        JOIN pg_attribute AS a ON a.attrelid = x.indrelid AND a.attnum = k.attnum
                        WHERE c.relname = {name} AND c.relnamespace = current_schema()::regnamespace ORDER BY k.n
                        """)
                    : db.Database.SqlQuery<string>($"""SELECT name AS "Value" FROM pragma_index_info({name}) ORDER BY seqno""");
                present.Add($"{name} ({string.Join(", ", await columns.ToListAsync())})");
            }
            return (indexes, present);
        });

        Assert.Contains("IX_Cases_ProgrammeId_AdmittedOn_ClosedOn_Kind_Status_Outcome (ProgrammeId, AdmittedOn, ClosedOn, Kind, Status, Outcome)", expected);
        Assert.Equal(expected, found);
    }

    [Fact]
    public async Task LatestSheetUpgrade_MarksEachCasesLatestSheet_ByDateThenRecording()
    {
        await using var seed = new TrajetApp(provider);
        Guid organisation = Guid.NewGuid(), programme = Guid.NewGuid(), caseId = Guid.NewGuid();
        Guid early = Guid.NewGuid(), tiedFirst = Guid.NewGuid(), tiedLast = Guid.NewGuid();
        var at = new DateTime(2024, 3, 5, 14, 0, 0, DateTimeKind.Utc);
        await using (var old = NewContext(seed.ConnectionString))
        {
            await old.GetService<IMigrator>().MigrateAsync("20261122000019_StartupTasks");
            await SeedCaseAsync(old, organisation, programme, caseId, "Admitted", at);
            // Recorded in this order: the early one last; of the two on the same later day, the one recorded later wins.
            foreach (var (id, date, recorded) in new[] { (tiedFirst, new DateOnly(2024, 9, 1), at.AddDays(1)), (tiedLast, new DateOnly(2024, 9, 1), at.AddDays(2)), (early, new DateOnly(2024, 6, 1), at.AddDays(3)) })
            {
                await old.Database.ExecuteSqlAsync($"""INSERT INTO "SummarySheets" ("Id", "CaseId", "OrganisationId", "ProgrammeId", "Date", "Engagement", "Risk", "Trust", "Group1Impact", "Group2Impact", "Group3Impact", "Profile", "CreatedAt", "Version") VALUES ({id}, {caseId}, {organisation}, {programme}, {date}, 'Some', 'Some', 'Some', 'Some', 'Some', 'Some', {"{}"}, {recorded}, {0})""");
            }
        }

        await using var app = new TrajetApp(provider, connectionString: seed.ConnectionString);
        await app.InitializeAsync();

        var latest = await app.WithDbAsync((db, _) => db.Set<Trajet.Web.Features.Instruments.SummarySheet>()
            .Where(s => s.CaseId == caseId && s.IsLatest).Select(s => s.Id).ToListAsync());
        Assert.Equal([tiedLast], latest);
    }

    [Fact]
    public async Task Restart_AfterTheMatcherChanged_ComputesEveryonesNameKeysAgain()
    {
        await using var first = new TrajetApp(provider);
        await first.InitializeAsync();
        var (organisation, programme) = await first.CreateOrganisationAsync();
        using var manager = await first.ApiClientAsync(await first.CreateUserAsync(Roles.CaseManager, organisation, programme));
        var (caseId, _) = await Trajet.Tests.Features.Cases.CaseBuilder.OpenAsync(manager, programme.Slug);
        await Trajet.Tests.Features.Cases.CaseBuilder.AddMemberAsync(manager, caseId, Trajet.Tests.Features.Cases.CaseBuilder.Parent("Djawad", "Krasniqi"));
        // Keys as an older matcher spelled them, and no record that this version's keys were computed.
        await first.WithDbAsync(async (db, _) =>
        {
            await db.PersonNameKeys.Where(k => k.OrganisationId == organisation.Id).ExecuteUpdateAsync(k => k.SetProperty(x => x.Key, x => x.Key + "-old"));
            return await db.StartupTasks.Where(t => t.Name.StartsWith("name-keys")).ExecuteDeleteAsync();
        });

        await using var second = new TrajetApp(provider, new Dictionary<string, string?> { ["DataProtection:KeysPath"] = first.KeysPath }, connectionString: first.ConnectionString);
        await second.InitializeAsync();

        var keys = await second.WithDbAsync((db, _) => db.PersonNameKeys.Where(k => k.OrganisationId == organisation.Id).Select(k => k.Key).ToListAsync());
        Assert.Equal(new[] { NameMatcher.Key("Jawad"), NameMatcher.Key("Krasniki") }.Order(), keys.Order());
        using var searcher = await second.ApiClientAsync(await second.CreateUserAsync(Roles.CaseManager, organisation, programme));
        var found = await searcher.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/cases?q=Jawad%20Krasniki");
        Assert.Equal(caseId, found.GetProperty("items")[0].GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task SearchIndexesUpgrade_GivesEachNameKeyItsPersonsCase()
    {
        var old = await OldCaseAsync("20261122000020_LatestSheet", async (db, c) =>
        {
            foreach (var key in new[] { NameMatcher.Key("Mohammed"), NameMatcher.Key("Rahimi") })
            {
                await db.Database.ExecuteSqlAsync($"""INSERT INTO "PersonNameKeys" ("MemberId", "OrganisationId", "Key") VALUES ({c.Member}, {c.Organisation}, {key})""");
            }
        });
        await using var seed = old.Seed;
        var (caseId, member) = (old.CaseId, old.Member);

        await using var app = new TrajetApp(provider, connectionString: seed.ConnectionString);
        await app.InitializeAsync();

        var cases = await app.WithDbAsync((db, _) => db.PersonNameKeys.Where(k => k.MemberId == member).Select(k => k.CaseId).ToListAsync());
        Assert.Equal([caseId, caseId], cases);
    }

    [Fact]
    public async Task InteractionTotalsUpgrade_CountsEachCasesInteractionsAndTheirDates()
    {
        var old = await OldCaseAsync("20261122000022_NameTrigrams", async (db, c) =>
        {
            foreach (var (type, date) in new[] { ("HomeVisit", new DateOnly(2024, 4, 2)), ("PhoneCall", new DateOnly(2024, 6, 9)), ("HomeVisit", new DateOnly(2024, 5, 1)) })
            {
                await db.Database.ExecuteSqlAsync($"""INSERT INTO "Interactions" ("Id", "CaseId", "OrganisationId", "ProgrammeId", "Type", "Date", "InterpreterPresent", "MediatorPresent", "CreatedAt") VALUES ({Guid.NewGuid()}, {c.CaseId}, {c.Organisation}, {c.Programme}, {type}, {date}, {false}, {false}, {SeededAt})""");
            }
        });
        await using var seed = old.Seed;

        await using var app = new TrajetApp(provider, connectionString: seed.ConnectionString);
        await app.InitializeAsync();

        var totals = await app.WithDbAsync((db, _) => db.Cases.Where(c => c.Id == old.CaseId)
            .Select(c => new { c.InteractionCount, c.HomeVisitCount, c.FirstInteractionOn, c.LastInteractionOn }).SingleAsync());
        Assert.Equal(new { InteractionCount = 3, HomeVisitCount = 2, FirstInteractionOn = (DateOnly?)new DateOnly(2024, 4, 2), LastInteractionOn = (DateOnly?)new DateOnly(2024, 6, 9) }, totals);
    }

    [Fact]
    public async Task OutreachTalliesUpgrade_CountsTheContactsAndOutcomesAlreadySaved()
    {
        var person = Guid.NewGuid();
        var old = await OldCaseAsync("20261207000039_DocumentContents", async (db, c) =>
        {
            await db.Database.ExecuteSqlAsync($"""INSERT INTO "OutreachPeople" ("Id", "OrganisationId", "ProgrammeId", "Nickname", "Gender", "AgeBand", "Nationality", "Languages", "SearchName", "SoundKeys", "CreatedAt", "Version") VALUES ({person}, {c.Organisation}, {c.Programme}, 'Abdi', 'Male', 'Unknown', 'SO', 'so', 'abdi', ' abd ', {SeededAt}, {0})""");
            foreach (var (date, personId, topics) in new[] { (new DateOnly(2024, 1, 31), (Guid?)person, "dublin,reception"), (new DateOnly(2024, 2, 1), person, "dublin"), (new DateOnly(2024, 2, 1), null, "other") })
            {
                await db.Database.ExecuteSqlAsync($"""INSERT INTO "OutreachContacts" ("Id", "OrganisationId", "ProgrammeId", "PersonId", "Date", "Place", "Gender", "AgeBand", "Nationality", "Language", "MediatorInterpreted", "InformationGiven", "Orientation", "FollowUp", "CreatedAt") VALUES ({Guid.NewGuid()}, {c.Organisation}, {c.Programme}, {personId}, {date}, 'Gare du Nord', 'Male', 'Unknown', 'SO', {(string?)null}, {true}, {topics}, 'legal', {false}, {SeededAt})""");
            }
            await db.Database.ExecuteSqlAsync($"""INSERT INTO "OutreachOutcomes" ("Id", "OrganisationId", "ProgrammeId", "PersonId", "Kind", "Date", "CreatedAt") VALUES ({Guid.NewGuid()}, {c.Organisation}, {c.Programme}, {person}, 'ReceptionBelgium', {new DateOnly(2024, 2, 5)}, {SeededAt})""");
        });
        await using var seed = old.Seed;

        await using var app = new TrajetApp(provider, connectionString: seed.ConnectionString);
        await app.InitializeAsync();

        foreach (var (from, to) in new (DateOnly?, DateOnly?)[] { (null, null), (new(2024, 1, 15), new(2024, 2, 10)), (new(2024, 2, 1), new(2024, 2, 29)) })
        {
            var shown = await app.WithDbAsync((db, _) => Trajet.Web.Features.Outreach.OutreachDashboard.BuildAsync(db, old.Programme, "old-pilot", from, to, CancellationToken.None));
            var recount = await app.WithDbAsync((db, _) => Features.Outreach.OutreachRecount.BuildAsync(db, old.Programme, "old-pilot", from, to, CancellationToken.None));
            Assert.Equal(System.Text.Json.JsonSerializer.Serialize(recount), System.Text.Json.JsonSerializer.Serialize(shown));
            Assert.NotEqual(0, shown.Contacts);
        }
    }

    [Fact]
    public async Task ReopeningUpgrade_GivesEachAdmittedCaseOnePeriod_ItsOwnFamily_AndKeepsItsClosureOutcome()
    {
        var referred = Guid.NewGuid();
        var old = await OldCaseAsync("20261206000030_FieldSessions", async (db, c) =>
        {
            await db.Database.ExecuteSqlAsync($"""UPDATE "Cases" SET "Status" = 'Closed', "AdmittedOn" = {new DateOnly(2024, 3, 20)}, "ClosedOn" = {new DateOnly(2024, 9, 30)}, "Outcome" = 'Disengaged', "DurableSolution" = 'None' WHERE "Id" = {c.CaseId}""");
            await db.Database.ExecuteSqlAsync($"""INSERT INTO "CaseStatusChanges" ("Id", "CaseId", "From", "To", "Date", "At") VALUES ({Guid.NewGuid()}, {c.CaseId}, 'Active', 'Closed', {new DateOnly(2024, 9, 30)}, {SeededAt})""");
            await db.Database.ExecuteSqlAsync($"""INSERT INTO "Cases" ("Id", "OrganisationId", "ProgrammeId", "Number", "Kind", "Status", "ReferralSource", "ReferralDate", "RiskAtIntake", "CreatedAt", "UpdatedAt", "Version") VALUES ({referred}, {c.Organisation}, {c.Programme}, 'OP-2024-0002', 'Family', 'Referred', 'Community', {new DateOnly(2024, 5, 1)}, 'High', {SeededAt}, {SeededAt}, {0})""");
        });
        await using var seed = old.Seed;

        await using var app = new TrajetApp(provider, connectionString: seed.ConnectionString);
        await app.InitializeAsync();

        var periods = await app.WithDbAsync((db, _) => db.CaseSupportPeriods.Where(p => p.CaseId == old.CaseId || p.CaseId == referred)
            .Select(p => new { p.CaseId, p.ProgrammeId, p.From, p.To }).ToListAsync());
        Assert.Equal([new { old.CaseId, ProgrammeId = old.Programme, From = new DateOnly(2024, 3, 20), To = (DateOnly?)new DateOnly(2024, 9, 30) }], periods);
        var families = await app.WithDbAsync((db, _) => db.Cases.Where(c => c.OrganisationId == old.Organisation).Select(c => new { c.Id, c.FamilyId, c.PreviousCaseId }).ToListAsync());
        Assert.Equal(2, families.Count);
        Assert.All(families, f => Assert.Equal((f.Id, (Guid?)null), (f.FamilyId, f.PreviousCaseId)));
        var closure = await app.WithDbAsync((db, _) => db.CaseStatusChanges.Where(s => s.CaseId == old.CaseId && s.To == CaseStatus.Closed)
            .Select(s => new { s.Outcome, s.DurableSolution }).SingleAsync());
        Assert.Equal(new { Outcome = (ClosureOutcome?)ClosureOutcome.Disengaged, DurableSolution = (DurableSolution?)DurableSolution.None }, closure);
    }

    [Fact]
    public async Task NameTrigramsUpgrade_FindsEarlierPeopleByPartOfTheirName()
    {
        var old = await OldCaseAsync("20261122000021_SearchIndexes");
        await using var seed = old.Seed;
        var (organisation, programme, caseId) = (old.Organisation, old.Programme, old.CaseId);

        await using var app = new TrajetApp(provider, connectionString: seed.ConnectionString);
        await app.InitializeAsync();

        var (org, prog) = await app.WithDbAsync(async (db, _) => (await db.Organisations.SingleAsync(o => o.Id == organisation), await db.Programmes.SingleAsync(p => p.Id == programme)));
        using var searcher = await app.ApiClientAsync(await app.CreateUserAsync(Roles.CaseManager, org, prog));
        var found = await searcher.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/cases?q=mmed%20rahi"); // parts of two words: no name key
        Assert.Equal([caseId], found.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task NameTrigrams_TriggersAndSecureDelete_OnSqliteOnly()
    {
        await using var app = new TrajetApp(provider);
        await app.InitializeAsync();

        var tables = await app.WithDbAsync((db, _) => TablesAsync(db));
        if (provider == DatabaseProvider.Postgres)
        {
            Assert.DoesNotContain("MemberNames", tables); // pg_trgm's index does the work there
            return;
        }
        var triggers = await app.WithDbAsync((db, _) => db.Database.SqlQueryRaw<string>("SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'trigger'").ToListAsync());
        Assert.Equal(["Members_NameRow_Delete", "Members_NameRow_Insert", "Members_NameRow_Update"], triggers.Where(t => t.StartsWith("Members_NameRow", StringComparison.Ordinal)).Order());
        var secureDelete = await app.WithDbAsync((db, _) => db.Database.SqlQueryRaw<int>("SELECT v AS \"Value\" FROM \"MemberNames_config\" WHERE k = 'secure-delete'").ToListAsync());
        Assert.Equal([1], secureDelete);
    }

    [Fact]
    public async Task Restart_OnMigratedDatabase_ChangesNothing()
    {
        await using var first = new TrajetApp(provider);
        await first.InitializeAsync();
        var email = await first.CreateUserAsync(Roles.Administrator);

        // A restart keeps the database and the keys.
        await using var second = new TrajetApp(provider, new Dictionary<string, string?> { ["DataProtection:KeysPath"] = first.KeysPath }, connectionString: first.ConnectionString);
        await second.InitializeAsync();

        Assert.Equal(System.Net.HttpStatusCode.OK, (await second.LoginAsync(email)).StatusCode);
        // The upgrade backfills ran once, at the first start, and are not run (nor recorded) again.
        var tasks = await second.WithDbAsync((db, _) => db.StartupTasks.Select(t => t.Name).ToListAsync());
        Assert.Equal(2, tasks.Count);
        Assert.Contains(StartupTasks.NameKeysName, tasks);
        Assert.Contains(tasks, t => t.StartsWith("encrypt-notes:", StringComparison.Ordinal));
    }

    private static readonly DateTime SeededAt = new(2024, 3, 5, 14, 0, 0, DateTimeKind.Utc);

    private sealed record OldCase(TrajetApp Seed, Guid Organisation, Guid Programme, Guid CaseId, Guid Member);

    // A database left at an older migration with a referred case and its person (SeedCaseAsync, SeedMemberAsync), plus
    // whatever else that schema held (more). The caller disposes the seed app.
    private async Task<OldCase> OldCaseAsync(string migration, Func<TrajetDbContext, OldCase, Task>? more = null)
    {
        var old = new OldCase(new TrajetApp(provider), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await using var db = NewContext(old.Seed.ConnectionString);
        await db.GetService<IMigrator>().MigrateAsync(migration);
        await SeedCaseAsync(db, old.Organisation, old.Programme, old.CaseId, "Referred", SeededAt);
        await SeedMemberAsync(db, old.Organisation, old.CaseId, old.Member, SeededAt);
        if (more is not null)
        {
            await more(db, old);
        }
        return old;
    }

    // An organisation, its programme and one case, written as an older schema holds them (no app code involved).
    private static async Task SeedCaseAsync(TrajetDbContext old, Guid organisation, Guid programme, Guid caseId, string status, DateTime at)
    {
        await old.Database.ExecuteSqlAsync($"""INSERT INTO "Organisations" ("Id", "Name", "Kind", "Country", "CreatedAt") VALUES ({organisation}, 'Old NGO', 'Ngo', 'BE', {at})""");
        await old.Database.ExecuteSqlAsync($"""INSERT INTO "Programmes" ("Id", "OrganisationId", "Slug", "Name", "Kind", "CasePrefix", "IsActive") VALUES ({programme}, {organisation}, 'old-pilot', 'Old pilot', 'FamilyCaseManagement', 'OP', {true})""");
        await old.Database.ExecuteSqlAsync($"""INSERT INTO "Cases" ("Id", "OrganisationId", "ProgrammeId", "Number", "Kind", "Status", "ReferralSource", "ReferralDate", "RiskAtIntake", "CreatedAt", "UpdatedAt", "Version") VALUES ({caseId}, {organisation}, {programme}, 'OP-2024-0001', 'Family', {status}, 'Community', {new DateOnly(2024, 3, 5)}, 'High', {at}, {at}, {0})""");
    }

    private static async Task SeedMemberAsync(TrajetDbContext old, Guid organisation, Guid caseId, Guid member, DateTime at) =>
        await old.Database.ExecuteSqlAsync($"""INSERT INTO "Members" ("Id", "CaseId", "OrganisationId", "Role", "FirstName", "LastName", "Gender", "Nationality", "Languages", "SearchName", "CreatedAt", "Version") VALUES ({member}, {caseId}, {organisation}, 'Parent', 'Mohammed', 'Rahimi', 'Male', 'AF', 'fa', 'mohammed rahimi | rahimi mohammed', {at}, {0})""");

    private TrajetDbContext NewContext(string connectionString) => provider == DatabaseProvider.Postgres
        ? new PostgresTrajetDbContext(new DbContextOptionsBuilder<PostgresTrajetDbContext>().UseNpgsql(connectionString).Options)
        : new SqliteTrajetDbContext(new DbContextOptionsBuilder<SqliteTrajetDbContext>().UseSqlite(connectionString).Options);

    private async Task<List<string>> TablesAsync(TrajetDbContext db)
    {
        var sql = provider == DatabaseProvider.Postgres
            ? "SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public'"
            : "SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table'";
        return await db.Database.SqlQueryRaw<string>(sql).ToListAsync();
    }
}

public sealed class MigrationTestsOnSqlite() : MigrationTests(DatabaseProvider.Sqlite);

public sealed class MigrationTestsOnPostgres() : MigrationTests(DatabaseProvider.Postgres);
