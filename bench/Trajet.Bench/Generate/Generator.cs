using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Trajet.Web.Data;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.Cases;
using Trajet.Web.Features.Instruments;
using Trajet.Web.Features.Interactions;
using Trajet.Web.Features.LegalEvents;
using Trajet.Web.Features.Organisations;
using Trajet.Web.Features.Outreach;
using Trajet.Web.Infrastructure;

namespace Trajet.Bench.Generate;

/// <summary>What the benchmark needs to know about a generated database: accounts and the planted spellings.</summary>
public sealed record Manifest(
    int Seed, int Cases, DateOnly Today, string Password, string Programme, string OutreachProgramme,
    List<string> CaseManagers, List<string> Evaluators, List<string> Coordinators, List<string> OutreachWorkers,
    Dictionary<string, long> Rows, List<PlantedName> Planted);

/// <summary>A person as stored, and the other spelling a worker types to find them.</summary>
/// <summary>A person and another spelling of their name; the year of birth when they have a birth date (a worker types it to tell apart people of the same name).</summary>
public sealed record PlantedName(Guid CaseId, Guid MemberId, string Stored, string Query, int? BirthYear);

public sealed record GeneratorOptions(DatabaseProvider Provider, string ConnectionString, int Cases, int Seed, DateOnly Today, string ManifestPath)
{
    public double InteractionsPerCase { get; init; } = 20;
    public double SheetsPerCase { get; init; } = 2;
    public double OutreachPerCase { get; init; } = 2;
    public int Planted { get; init; } = 500;
    public int BatchSize { get; init; } = 5000;
}

/// <summary>
/// Fills a fresh database with a national caseload, deterministic from the seed: one agency, a
/// case programme holding every case and an outreach programme, case managers each following a
/// few hundred households, interactions over the years, legal chronologies, summary sheets.
/// The schema is the app's own migrations; rows are the app's entity classes written in bulk.
/// </summary>
public sealed class Generator(GeneratorOptions options, TextWriter log)
{
    public const string Password = "Bench-Passw0rd!";
    public const string ProgrammeSlug = "national";
    public const string OutreachSlug = "reach-out";

    private readonly Random rng = new(options.Seed);
    private readonly Dictionary<string, long> rows = [];
    private readonly List<PlantedName> planted = [];
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private DateOnly today => options.Today;

    // Accounts
    private Organisation organisation = null!;
    private Programme programme = null!;
    private Programme outreach = null!;
    private List<User> caseManagers = [];
    private List<User> outreachWorkers = [];
    private User coordinator = null!;
    private readonly Dictionary<int, int> numbers = [];
    private int adultsSeen;
    private int plantEvery = 1;

    public async Task<Manifest> RunAsync(CancellationToken ct = default)
    {
        await CreateDatabaseAsync(ct);
        await using var db = NewContext();
        await DatabaseSetup.MigrateAsync(db, ct);
        // Written by this version: the upgrade backfills have nothing to do, as on an install that has been running.
        db.StartupTasks.AddRange(new StartupTask { Name = StartupTasks.NameKeysName }, new StartupTask { Name = StartupTasks.EncryptNotesName(db.Model) });
        await db.SaveChangesAsync(ct);
        var manifest = await SeedAccountsAsync(db, ct);
        Log($"schema and {manifest.CaseManagers.Count + manifest.Evaluators.Count + manifest.Coordinators.Count + manifest.OutreachWorkers.Count} accounts");

        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            await ExecuteAsync(connection, "PRAGMA synchronous=OFF; PRAGMA cache_size=-300000; PRAGMA temp_store=MEMORY;", ct);
        }
        else
        {
            await ExecuteAsync(connection, "SET synchronous_commit = off", ct);
        }
        // The interactions' totals are set on the cases as they are built (InteractionTotals.Add): the app's triggers,
        // which would move them row by row, are off during the load.
        var postgres = options.Provider == DatabaseProvider.Postgres;
        await ExecuteAsync(connection, InteractionTotals.DropTriggersSql(postgres), ct);
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            var writer = new BulkWriter(db.Model, connection, transaction);
            await WriteCasesAsync(writer, ct);
            await WriteOutreachAsync(writer, ct);
            writer.Dispose();
            await transaction.CommitAsync(ct);
        }
        // The dashboard's tallies, which the app keeps with each save, counted once after the load.
        await ExecuteAsync(connection, OutreachTallies.RebuildSql(postgres), ct);
        Log("outreach tallies");
        await ExecuteAsync(connection, InteractionTotals.CreateTriggersSql(postgres), ct);
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            await ExecuteAsync(connection, "PRAGMA wal_checkpoint(TRUNCATE);", ct);
        }
        else
        {
            await ExecuteAsync(connection, "ANALYZE", ct); // what autovacuum does within a minute of a load this size
        }
        await connection.CloseAsync();

        var result = manifest with { Rows = rows, Planted = planted };
        var folder = Path.GetDirectoryName(Path.GetFullPath(options.ManifestPath));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
        await File.WriteAllTextAsync(options.ManifestPath, JsonSerializer.Serialize(result, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }), ct);
        Log($"done: {string.Join(", ", rows.Select(r => $"{r.Key} {r.Value:N0}"))}");
        return result;
    }

    private void Log(string message) => log.WriteLine($"[{clock.Elapsed.TotalSeconds,6:F1}s] {message}");

    /// <summary>
    /// The Data Protection keys of a generated database, beside its manifest: the generator encrypts the notes with them,
    /// as the app would have, and the benchmark starts the app with them.
    /// </summary>
    public static string KeysFolder(string manifestPath) => Path.GetFullPath(manifestPath) + ".keys";

    // With the keys, the model's converters encrypt the confidential notes as the bulk writer maps them.
    private TrajetDbContext NewContext()
    {
        var keys = DataProtectionProvider.Create(new DirectoryInfo(KeysFolder(options.ManifestPath)), b => b.SetApplicationName("Trajet"));
        var confidential = new ConfidentialText(keys);
        return options.Provider == DatabaseProvider.Postgres
            ? new PostgresTrajetDbContext(new DbContextOptionsBuilder<PostgresTrajetDbContext>().UseNpgsql(options.ConnectionString)
                .ReplaceService<Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory, ConfidentialModelCacheKeyFactory>().Options, confidential)
            : new SqliteTrajetDbContext(new DbContextOptionsBuilder<SqliteTrajetDbContext>().UseSqlite(options.ConnectionString)
                .ReplaceService<Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory, ConfidentialModelCacheKeyFactory>().Options, confidential);
    }

    private static async Task ExecuteAsync(System.Data.Common.DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Starts from nothing: the SQLite file is deleted, the PostgreSQL database dropped and created.</summary>
    private async Task CreateDatabaseAsync(CancellationToken ct)
    {
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
            SqliteConnection.ClearAllPools();
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }
            return;
        }
        var target = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        var admin = new NpgsqlConnectionStringBuilder(options.ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync(ct);
        await ExecuteAsync(connection, $"DROP DATABASE IF EXISTS \"{target.Database}\" WITH (FORCE)", ct);
        await ExecuteAsync(connection, $"CREATE DATABASE \"{target.Database}\"", ct);
    }

    /// <summary>Deterministic version-7 ids, time-ordered by the record's creation like Guid.CreateVersion7.</summary>
    private Guid NewId(DateTime at)
    {
        Span<byte> bytes = stackalloc byte[16];
        rng.NextBytes(bytes);
        var ms = new DateTimeOffset(at).ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++)
        {
            bytes[i] = (byte)(ms >> (8 * (5 - i)));
        }
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }

    private DateTime At(DateOnly date, int hourFrom = 8, int hourTo = 18) =>
        DateTime.SpecifyKind(date.ToDateTime(new TimeOnly(rng.Next(hourFrom, hourTo), rng.Next(60), rng.Next(60))), DateTimeKind.Utc);

    private T Pick<T>(IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    private bool Chance(double p) => rng.NextDouble() < p;

    private T Weighted<T>(params (T Item, int Weight)[] choices)
    {
        var roll = rng.Next(choices.Sum(c => c.Weight));
        foreach (var (item, weight) in choices)
        {
            if ((roll -= weight) < 0)
            {
                return item;
            }
        }
        return choices[^1].Item;
    }

    private async Task<Manifest> SeedAccountsAsync(TrajetDbContext db, CancellationToken ct)
    {
        var created = DateTime.SpecifyKind(today.AddYears(-7).ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc);
        organisation = new Organisation { Id = NewId(created), Name = "Agence nationale (bench)", Kind = OrganisationKind.Agency, Country = "BE", CreatedAt = created };
        programme = new Programme { Id = NewId(created), OrganisationId = organisation.Id, Slug = ProgrammeSlug, Name = "Accompagnement national", Kind = ProgrammeKind.FamilyCaseManagement, CasePrefix = "NA" };
        outreach = new Programme { Id = NewId(created), OrganisationId = organisation.Id, Slug = OutreachSlug, Name = "Reach Out", Kind = ProgrammeKind.Outreach, CasePrefix = "RO" };
        organisation.Programmes.AddRange([programme, outreach]);
        db.Organisations.Add(organisation);
        string[] criteria = ["Lives in the country without a residence permit", "Family or person willing to engage", "At risk of detention", "Has an address where visits are possible", "No pending transfer to another state"];
        db.AdmissionCriteria.AddRange(criteria.Select((text, i) => new AdmissionCriterion { Id = NewId(created), ProgrammeId = programme.Id, Position = i + 1, Text = text }));

        var roles = Roles.All.ToDictionary(r => r, r => new Role { Id = NewId(created), Name = r, NormalizedName = r.ToUpperInvariant(), ConcurrencyStamp = NewId(created).ToString() });
        db.Roles.AddRange(roles.Values);

        // One hash for every account: hashing is deliberately slow.
        var hash = new PasswordHasher<User>().HashPassword(new User(), Password);
        User Account(string email, string role, string name, Programme? workIn)
        {
            var user = new User
            {
                Id = NewId(created),
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                PasswordHash = hash,
                SecurityStamp = NewId(created).ToString("N").ToUpperInvariant(),
                ConcurrencyStamp = NewId(created).ToString(),
                LockoutEnabled = true,
                DisplayName = name,
                OrganisationId = organisation.Id,
                CreatedAt = created,
            };
            if (workIn is not null)
            {
                user.Programmes.Add(new UserProgramme { UserId = user.Id, ProgrammeId = workIn.Id });
            }
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roles[role].Id });
            return user;
        }

        string Name()
        {
            var origin = Pick(Names.Origins);
            return $"{Pick(Pick(Chance(0.5) ? origin.Male : origin.Female))} {Pick(Pick(origin.Surnames))}";
        }
        // About 250 households per case manager, as in the programmes piloted.
        caseManagers = Enumerable.Range(1, Math.Max(2, options.Cases / 250)).Select(i => Account($"cm{i}@bench.example", Roles.CaseManager, Name(), programme)).ToList();
        coordinator = Account("coordinator1@bench.example", Roles.Coordinator, Name(), programme);
        var coordinators = new List<User> { coordinator, Account("coordinator2@bench.example", Roles.Coordinator, Name(), outreach) };
        var evaluators = Enumerable.Range(1, 2).Select(i => Account($"evaluator{i}@bench.example", Roles.Evaluator, Name(), programme)).ToList();
        outreachWorkers = Enumerable.Range(1, Math.Max(2, options.Cases / 5000)).Select(i => Account($"outreach{i}@bench.example", Roles.OutreachWorker, Name(), outreach)).ToList();
        await db.SaveChangesAsync(ct);
        await Startup.SeedDeadlineRulesAsync(db);
        db.ChangeTracker.Clear();
        return new Manifest(options.Seed, options.Cases, today, Password, ProgrammeSlug, OutreachSlug,
            caseManagers.Select(u => u.Email!).ToList(), evaluators.Select(u => u.Email!).ToList(), coordinators.Select(u => u.Email!).ToList(),
            outreachWorkers.Select(u => u.Email!).ToList(), [], []);
    }

    private sealed class Batch
    {
        public List<Case> Cases { get; } = [];
        public List<CaseStatusChange> StatusChanges { get; } = [];
        public List<CaseAssignment> Assignments { get; } = [];
        public List<Member> Members { get; } = [];
        public List<PersonNameKey> NameKeys { get; } = [];
        public List<Interaction> Interactions { get; } = [];
        public List<LegalEvent> LegalEvents { get; } = [];
        public List<SummarySheet> Sheets { get; } = [];
        public List<CaseSupportPeriod> Periods { get; } = [];

        public async Task WriteAsync(BulkWriter writer, Dictionary<string, long> rows, CancellationToken ct)
        {
            async Task One<T>(List<T> items, string name) where T : class
            {
                await writer.WriteAsync(items, ct);
                rows[name] = rows.GetValueOrDefault(name) + items.Count;
            }
            await One(Cases, "cases");
            await One(StatusChanges, "statusChanges");
            await One(Assignments, "assignments");
            await One(Members, "people");
            await One(NameKeys, "nameKeys");
            await One(Interactions, "interactions");
            await One(LegalEvents, "legalEvents");
            await One(Sheets, "summarySheets");
            await One(Periods, "supportPeriods");
        }
    }

    private async Task WriteCasesAsync(BulkWriter writer, CancellationToken ct)
    {
        var start = today.AddYears(-6);
        var span = today.DayNumber - start.DayNumber;
        // Roughly 2.1 adults a case; every so many adults one is planted for the recall test.
        plantEvery = Math.Max(1, (int)(options.Cases * 2.1 / Math.Max(1, options.Planted)));
        var batch = new Batch();
        for (var i = 0; i < options.Cases; i++)
        {
            var referred = DateOnly.FromDayNumber(Math.Min(today.DayNumber, start.DayNumber + (int)((long)i * span / options.Cases) + rng.Next(3)));
            AddCase(batch, referred);
            if (batch.Cases.Count == options.BatchSize || i == options.Cases - 1)
            {
                await batch.WriteAsync(writer, rows, ct);
                batch = new Batch();
                Log($"{i + 1:N0} cases");
            }
        }
    }

    private void AddCase(Batch batch, DateOnly referred)
    {
        var origin = Weighted(Names.Origins.Select(o => (o, o.Weight)).ToArray());
        var kind = Chance(0.6) ? CaseKind.Family : CaseKind.Individual;
        var age = today.DayNumber - referred.DayNumber;
        var source = Weighted((ReferralSource.Community, 35), (ReferralSource.Detention, 20), (ReferralSource.Organisation, 35), (ReferralSource.Self, 8), (ReferralSource.Other, 2));
        var status = age < 45
            ? Weighted((CaseStatus.Referred, 30), (CaseStatus.Screening, 30), (CaseStatus.Admitted, 20), (CaseStatus.Declined, 10), (CaseStatus.Active, 10))
            : Chance(0.08) ? CaseStatus.Declined
            : Chance(Math.Min(0.9, age / 365.0 * 0.3)) ? CaseStatus.Closed
            : Chance(0.85) ? CaseStatus.Active : CaseStatus.Paused;
        var createdAt = At(referred);
        var c = new Case
        {
            Id = NewId(createdAt),
            OrganisationId = organisation.Id,
            ProgrammeId = programme.Id,
            Number = NextNumber(referred.Year),
            Kind = kind,
            Status = status,
            Referral = new Referral
            {
                Source = source,
                Date = referred,
                ReferredBy = source == ReferralSource.Organisation ? $"Service social {Pick(Names.Cities)}" : null,
                KnownBefore = Chance(0.3) ? null : Chance(0.2),
                RiskAtIntake = Weighted((RiskLevel.High, 25), (RiskLevel.Medium, 40), (RiskLevel.Low, 20), (RiskLevel.DontKnow, 15)),
            },
            CreatedAt = createdAt,
            UpdatedAt = createdAt,
        };
        var worker = Pick(caseManagers);
        var changes = new List<(CaseStatus? From, CaseStatus To, DateOnly Date)> { (null, CaseStatus.Referred, referred) };
        var screened = referred.AddDays(rng.Next(1, 10));
        if (status != CaseStatus.Referred)
        {
            changes.Add((CaseStatus.Referred, CaseStatus.Screening, Min(screened)));
        }
        if (status == CaseStatus.Declined)
        {
            changes.Add((CaseStatus.Screening, CaseStatus.Declined, Min(screened.AddDays(rng.Next(3, 30)))));
        }
        else if (status is CaseStatus.Admitted or CaseStatus.Active or CaseStatus.Paused or CaseStatus.Closed)
        {
            var admitted = Min(screened.AddDays(rng.Next(3, 35)));
            c.AdmittedOn = admitted;
            changes.Add((CaseStatus.Screening, CaseStatus.Admitted, admitted));
            if (status != CaseStatus.Admitted)
            {
                changes.Add((CaseStatus.Admitted, CaseStatus.Active, Min(admitted.AddDays(rng.Next(1, 10)))));
            }
            if (status == CaseStatus.Paused)
            {
                changes.Add((CaseStatus.Active, CaseStatus.Paused, Min(admitted.AddDays(rng.Next(30, Math.Max(31, today.DayNumber - admitted.DayNumber))))));
            }
            if (status == CaseStatus.Closed)
            {
                var closed = admitted.AddDays(rng.Next(60, 900));
                if (closed >= today)
                {
                    c.Status = CaseStatus.Active;
                }
                else
                {
                    c.ClosedOn = closed;
                    c.Outcome = Weighted((ClosureOutcome.RemainedInContact, 10), (ClosureOutcome.Disengaged, 10), (ClosureOutcome.Absconded, 8), (ClosureOutcome.ResolvedRegularisation, 25),
                        (ClosureOutcome.ResolvedVoluntaryReturn, 15), (ClosureOutcome.ResolvedRemoval, 7), (ClosureOutcome.ReDetained, 5), (ClosureOutcome.Other, 5));
                    c.DurableSolution = c.Outcome switch
                    {
                        ClosureOutcome.ResolvedRegularisation => DurableSolution.LegalStayHere,
                        ClosureOutcome.ResolvedVoluntaryReturn => DurableSolution.VoluntaryReturn,
                        ClosureOutcome.ResolvedRemoval or ClosureOutcome.ReDetained or ClosureOutcome.Absconded => DurableSolution.None,
                        _ => Chance(0.5) ? DurableSolution.Other : null,
                    };
                    changes.Add((CaseStatus.Active, CaseStatus.Closed, closed));
                }
            }
        }
        foreach (var (from, to, date) in changes)
        {
            var at = At(date);
            batch.StatusChanges.Add(new CaseStatusChange { Id = NewId(at), CaseId = c.Id, From = from, To = to, Date = date, At = at, ByUserId = to == CaseStatus.Referred ? worker.Id : coordinator.Id });
            c.UpdatedAt = at;
        }
        c.FamilyId = c.Id; // the constructor took the id before the initialiser set this one
        batch.Cases.Add(c);
        if (c.AdmittedOn is { } admittedOn)
        {
            // One period a case: it takes the case's id, as migration 0031 does, and draws nothing from the seed.
            batch.Periods.Add(new CaseSupportPeriod { Id = c.Id, CaseId = c.Id, ProgrammeId = c.ProgrammeId, From = admittedOn, To = c.ClosedOn });
        }
        batch.Assignments.Add(new CaseAssignment { CaseId = c.Id, UserId = worker.Id, AssignedAt = createdAt, AssignedByUserId = coordinator.Id });

        AddHousehold(batch, c, origin, kind, referred, source);
        if (c.AdmittedOn is { } since)
        {
            var until = c.ClosedOn ?? today;
            AddInteractions(batch, c, worker, origin, since, until);
            AddSheets(batch, c, worker, since, until);
        }
        AddLegalEvents(batch, c, worker, referred);
    }

    private DateOnly Min(DateOnly date) => date > today ? today : date;

    private string NextNumber(int year)
    {
        var next = numbers[year] = numbers.GetValueOrDefault(year) + 1;
        return string.Create(CultureInfo.InvariantCulture, $"{programme.CasePrefix}-{year}-{next:0000}");
    }

    private void AddHousehold(Batch batch, Case c, Origin origin, CaseKind kind, DateOnly referred, ReferralSource source)
    {
        var (familyName, familyGroup) = Surname(origin);
        var people = new List<(MemberRole Role, Gender Gender)>();
        if (kind == CaseKind.Individual)
        {
            people.Add((MemberRole.Parent, Chance(0.7) ? Gender.Male : Gender.Female));
        }
        else
        {
            var couple = Chance(0.7);
            people.Add((MemberRole.Parent, couple || Chance(0.3) ? Gender.Male : Gender.Female));
            if (couple)
            {
                people.Add((MemberRole.Parent, Gender.Female));
            }
            var children = Weighted((1, 30), (2, 35), (3, 22), (4, 13));
            people.AddRange(Enumerable.Range(0, children).Select(_ => (MemberRole.Child, Chance(0.5) ? Gender.Male : Gender.Female)));
        }
        var arrival = referred.Year - Weighted((0, 30), (1, 25), (2, 15), (4, 12), (7, 10), (12, 8));
        var offset = 0;
        foreach (var (role, gender) in people)
        {
            var names = gender == Gender.Male ? origin.Male : origin.Female;
            var firstGroup = Pick(names);
            var firstName = Pick(firstGroup);
            // Wives often keep their own family name; children take the father's.
            var (lastName, lastGroup) = role == MemberRole.Parent && gender == Gender.Female && offset > 0 && Chance(0.5) ? Surname(origin) : (familyName, familyGroup);
            var born = role == MemberRole.Child
                ? referred.AddDays(-rng.Next(30, 17 * 365))
                : referred.AddDays(-rng.Next(19 * 365, 58 * 365));
            var created = c.CreatedAt.AddMinutes(++offset);
            var alias = role != MemberRole.Child && firstGroup.Length > 1 && Chance(0.03) ? $"{Other(firstGroup, firstName)} {lastName}" : "";
            var member = new Member
            {
                Id = NewId(created),
                CaseId = c.Id,
                OrganisationId = c.OrganisationId,
                Role = role,
                FirstName = firstName,
                LastName = lastName,
                Gender = gender,
                Nationality = Chance(0.03) ? "stateless" : origin.Nationality,
                Languages = string.Join(',', origin.Languages.Take(rng.Next(1, origin.Languages.Length + 1))),
                Aliases = alias,
                CreatedAt = created,
                UpdatedAt = created,
            };
            if (Chance(0.12))
            {
                member.EstimatedAge = (referred.DayNumber - born.DayNumber) / 365;
            }
            else
            {
                member.BirthDate = born;
            }
            member.Vulnerabilities = string.Join(',', Enumerable.Range(0, Weighted((0, 40), (1, 35), (2, 18), (3, 7)))
                .Select(_ => Pick(Enum.GetValues<Vulnerability>())).Distinct().Select(v => v.ToKebab()));
            if (role != MemberRole.Child)
            {
                member.ArrivalYear = Chance(0.9) ? arrival : null;
                member.EverHadLegalStay = Chance(0.2) ? null : Chance(0.25);
                member.AskedAsylumOnArrival = Chance(0.2) ? null : Chance(0.6);
                member.DetentionDays = source == ReferralSource.Detention ? rng.Next(5, 120) : Chance(0.2) ? rng.Next(1, 60) : null;
                member.ReDetentions = member.DetentionDays is null ? null : Weighted((0, 70), (1, 20), (2, 10));
                member.FamilyLinks = Chance(0.3) ? "Cousin in " + Pick(Names.Cities) : null;
                member.ConditionsImposed = Chance(0.25) ? "Reports weekly to the immigration office" : null;
            }
            SaveMember.IndexNames(member); // the app's own search text and sound-alike keys
            batch.Members.Add(member);
            batch.NameKeys.AddRange(member.NameKeys);
            if (role != MemberRole.Child && alias.Length == 0 && ++adultsSeen % plantEvery == 0 && planted.Count < options.Planted)
            {
                planted.Add(new PlantedName(c.Id, member.Id, $"{firstName} {lastName}", $"{Other(firstGroup, firstName)} {OtherSurname(lastGroup, lastName)}", member.BirthDate?.Year));
            }
        }
    }

    /// <summary>A family name: from the common list half the time, otherwise a rarer one of the same origin (the long tail of real surnames).</summary>
    private (string Name, string[]? Group) Surname(Origin origin)
    {
        if (Chance(0.5))
        {
            var group = Pick(origin.Surnames);
            return (Pick(group), group);
        }
        return (RareSurname(origin), null);
    }

    private static readonly string[] Onsets = ["b", "d", "f", "g", "h", "j", "k", "kh", "l", "m", "n", "r", "s", "sh", "t", "z", "w", "y"];
    private static readonly string[] Vowels = ["a", "e", "i", "o", "u", "ou", "ai"];

    private string RareSurname(Origin origin)
    {
        string Syllable() => Pick(Onsets) + Pick(Vowels);
        var root = Syllable() + Syllable() + (Chance(0.5) ? Pick(Onsets) : "");
        var suffix = origin.Nationality switch
        {
            "UA" or "RU" => Pick(["enko", "chuk", "ov", "ev", "ak"]),
            "AM" => "yan",
            "AF" => Pick(["zai", "i", "yar"]),
            "TR" => Pick(["oglu", "er", "can"]),
            "SY" or "MA" => Pick(["i", "awi", "ani", ""]),
            _ => Pick(["", "a", "i"]),
        };
        var name = root + suffix;
        return char.ToUpperInvariant(name[0]) + name[1..];
    }

    private string Other(string[] group, string name) => group.Length < 2 ? name : Pick(group.Where(n => n != name).ToList());

    /// <summary>Another spelling of a family name: another of its group, or a transliteration change (ou/u, sh/ch, kh/h, ov/ow, doubled letters).</summary>
    private string OtherSurname(string[]? group, string name)
    {
        if (group is { Length: > 1 })
        {
            return Other(group, name);
        }
        if (group is not null)
        {
            return name;
        }
        (string From, string To)[] rules = [("ou", "u"), ("sh", "ch"), ("kh", "h"), ("ov", "ow"), ("ev", "ew"), ("yan", "ian"), ("ai", "ay"), ("j", "dj"), ("k", "q")];
        var applicable = rules.Where(r => name.Contains(r.From, StringComparison.OrdinalIgnoreCase)).ToList();
        if (applicable.Count > 0)
        {
            var (from, to) = Pick(applicable);
            var index = name.IndexOf(from, StringComparison.OrdinalIgnoreCase);
            var replaced = name[..index] + (index == 0 ? char.ToUpperInvariant(to[0]) + to[1..] : to) + name[(index + from.Length)..];
            return replaced;
        }
        // Double a middle consonant (Hasan, Hassan).
        for (var i = 2; i < name.Length - 1; i++)
        {
            if (!"aeiouy".Contains(name[i], StringComparison.Ordinal))
            {
                return name[..i] + name[i] + name[i..];
            }
        }
        return name;
    }

    private static readonly string[] Notes =
    [
        "Talked through the options with the family; next appointment with the lawyer agreed.",
        "Children go to school regularly; the family asked about the appeal hearing date.",
        "Explained the reporting conditions again, with the interpreter; questions about housing.",
        "Accompanied the mother to the hospital appointment; follow-up in two weeks.",
        "Discussed voluntary return counselling; the family wants more time to think.",
        "Went over the documents needed for the humanitarian regularisation request.",
        "Short call to confirm the visit; no news from the immigration office.",
        "The father is worried about the order to leave; explained the time limits and rights.",
    ];

    private void AddInteractions(Batch batch, Case c, User worker, Origin origin, DateOnly since, DateOnly until)
    {
        var days = Math.Max(1, until.DayNumber - since.DayNumber);
        // The mean is set so the whole caseload gets about InteractionsPerCase each (most cases are admitted).
        var count = (int)Math.Round(options.InteractionsPerCase / 0.8 * (0.25 + (1.5 * rng.NextDouble())) * Math.Min(1.0, (days + 90) / 540.0));
        var dates = Enumerable.Range(0, count).Select(_ => since.AddDays(rng.Next(days + 1))).Order().ToList();
        foreach (var date in dates)
        {
            var type = Weighted((InteractionType.HomeVisit, 30), (InteractionType.PhoneCall, 30), (InteractionType.Message, 14), (InteractionType.OfficeMeeting, 15),
                (InteractionType.Accompaniment, 7), (InteractionType.DeskVisit, 3), (InteractionType.DetentionVisit, 1));
            var at = At(date);
            var interaction = new Interaction
            {
                Id = NewId(at),
                CaseId = c.Id,
                OrganisationId = c.OrganisationId,
                ProgrammeId = c.ProgrammeId,
                Type = type,
                Date = date,
                AccompanimentTo = type == InteractionType.Accompaniment ? Pick(Enum.GetValues<AccompanimentTo>()) : null,
                DurationMinutes = type is InteractionType.Message ? null : rng.Next(1, 13) * 10,
                Participants = type is InteractionType.PhoneCall or InteractionType.Message ? null : Pick(["mother", "father", "mother, two children", "both parents", "the family", "father, lawyer"]),
                Language = Pick(origin.Languages),
                InterpreterPresent = Chance(0.35),
                MediatorPresent = Chance(0.1),
                Notes = Chance(0.8) ? Pick(Notes) : null,
                NextSteps = Chance(0.4) ? "Call back after the appointment." : null,
                RecordedByUserId = worker.Id,
                CreatedAt = at,
            };
            batch.Interactions.Add(interaction);
            InteractionTotals.Add(c, interaction); // the case's totals, as the app's triggers (off during the load) would
        }
    }

    private void AddSheets(Batch batch, Case c, User worker, DateOnly since, DateOnly until)
    {
        // A sheet three months in, then every six months, and one at closure: about two per admitted case.
        var dates = new List<DateOnly>();
        for (var d = since.AddMonths(3); d <= until; d = d.AddMonths(options.SheetsPerCase >= 2 ? 9 : 15))
        {
            dates.Add(d);
        }
        if (c.ClosedOn is { } closed && (dates.Count == 0 || dates[^1] != closed))
        {
            dates.Add(closed);
        }
        var progress = rng.Next(0, 3);
        foreach (var date in dates)
        {
            progress = Math.Min(4, progress + rng.Next(0, 2));
            ImpactLevel Impact() => Chance(0.08) ? ImpactLevel.DontKnow : (ImpactLevel)Math.Clamp(progress + rng.Next(-1, 2), 0, 4);
            PromptAnswer? Answer() => Chance(0.1) ? null : Weighted((PromptAnswer.Yes, 50 + (progress * 10)), (PromptAnswer.No, 30), (PromptAnswer.DontKnow, 12), (PromptAnswer.NotApplicable, 8));
            var at = At(date);
            batch.Sheets.Add(new SummarySheet
            {
                Id = NewId(at),
                CaseId = c.Id,
                OrganisationId = c.OrganisationId,
                ProgrammeId = c.ProgrammeId,
                Date = date,
                Engagement = Impact(),
                Risk = Impact(),
                Trust = Impact(),
                Group1Impact = Impact(),
                MoreInformation = Answer(),
                ConstructiveChoices = Answer(),
                ConfidenceInProcedures = Answer(),
                EngagedWithCaseManager = Answer(),
                UnderstandsConsequences = Answer(),
                Group2Impact = Impact(),
                Initiative = Answer(),
                ExercisesRights = Answer(),
                ExploresAllOptions = Answer(),
                CooperatesWithConditions = Answer(),
                AuthoritiesBetterInformed = Answer(),
                Group3Impact = Impact(),
                LessVulnerable = Answer(),
                MoreHope = Answer(),
                MoreTrustInSystem = Answer(),
                BetterPsychosocial = Answer(),
                BetterSubsistence = Answer(),
                BetterHousing = Answer(),
                MoreStable = Answer(),
                Group1Obstacles = Chance(0.3) ? "Fear of the authorities after the negative decision." : null,
                Observations = Chance(0.3) ? "The family engages well; housing remains precarious." : null,
                Profile = JsonSerializer.Serialize(SummaryProfile.Empty with { StatusNow = c.Status.ToKebab(), RiskAtIntake = c.Referral.RiskAtIntake.ToKebab(), EntryRoute = c.Referral.Source.ToKebab() }, RecordSummarySheet.Json),
                CreatedByUserId = worker.Id,
                CreatedAt = at,
                FamilyId = c.FamilyId,
                IsLatest = date == dates[^1], // as the app's LatestSheet keeps it
            });
        }
    }

    private void AddLegalEvents(Batch batch, Case c, User worker, DateOnly referred)
    {
        var events = new List<(LegalEventType Type, DateOnly Date, LegalOutcome? Outcome)>();
        var arrived = referred.AddDays(-rng.Next(60, 2000));
        events.Add((LegalEventType.Arrival, arrived, null));
        if (Chance(0.7))
        {
            var applied = arrived.AddDays(rng.Next(1, 60));
            events.Add((LegalEventType.AsylumApplication, applied, LegalOutcome.Pending));
            var decided = applied.AddDays(rng.Next(90, 700));
            var negative = Chance(0.65);
            events.Add((LegalEventType.Decision, Min(decided), negative ? LegalOutcome.Negative : LegalOutcome.Positive));
            if (negative && Chance(0.6))
            {
                events.Add((LegalEventType.Appeal, Min(decided.AddDays(rng.Next(5, 30))), Chance(0.5) ? LegalOutcome.Pending : LegalOutcome.Negative));
            }
        }
        if (Chance(0.45))
        {
            events.Add((LegalEventType.OrderToLeave, Min(referred.AddDays(rng.Next(-200, 200))), null));
        }
        if (Chance(0.2))
        {
            events.Add((Pick([LegalEventType.RegularisationHumanitarian, LegalEventType.RegularisationMedical, LegalEventType.FamilyReunification]), Min(referred.AddDays(rng.Next(0, 400))), LegalOutcome.Pending));
        }
        foreach (var (type, date, outcome) in events)
        {
            var at = At(date);
            var order = type == LegalEventType.OrderToLeave;
            batch.LegalEvents.Add(new LegalEvent
            {
                Id = NewId(at),
                CaseId = c.Id,
                OrganisationId = c.OrganisationId,
                ProgrammeId = c.ProgrammeId,
                Date = date,
                Type = type,
                Outcome = outcome,
                Authority = type is LegalEventType.Arrival ? null : Pick(["Office des étrangers", "CGRA", "CCE", "Conseil d'État"]),
                Reference = type is LegalEventType.Arrival ? null : string.Create(CultureInfo.InvariantCulture, $"{date.Year}/{rng.Next(10000, 99999)}"),
                Lawyer = type is LegalEventType.Appeal or LegalEventType.Decision ? Pick(Names.Lawyers) : null,
                DaysToComply = order ? 30 : null,
                Deadline = order ? date.AddDays(30) : type == LegalEventType.Decision && outcome == LegalOutcome.Negative ? date.AddDays(30) : null,
                DeadlineSource = order ? "Days written on the order" : type == LegalEventType.Decision && outcome == LegalOutcome.Negative ? "Appeal against a negative decision" : null,
                RecordedByUserId = worker.Id,
                CreatedAt = at,
            });
        }
    }

    private async Task WriteOutreachAsync(BulkWriter writer, CancellationToken ct)
    {
        var total = (int)(options.Cases * options.OutreachPerCase);
        var start = today.AddYears(-5);
        var span = today.DayNumber - start.DayNumber;
        var people = await WriteOutreachPeopleAsync(writer, total, ct);
        // A random of its own: the contacts' other values stay those generated before people were added.
        var met = new Random(options.Seed + 1);
        var window = Math.Min(people.Count, 200);
        var contacts = new List<OutreachContact>(options.BatchSize);
        for (var i = 0; i < total; i++)
        {
            // Four in ten contacts are with someone met before: one of the people the team is seeing around that time.
            var person = people.Count > 0 && met.NextDouble() < KnownShare
                ? people[Math.Clamp((int)((long)i * people.Count / total) - window / 2 + met.Next(window), 0, people.Count - 1)].Id
                : (Guid?)null;
            var origin = Pick(Names.Origins);
            var date = DateOnly.FromDayNumber(start.DayNumber + (int)((long)i * span / Math.Max(1, total)));
            var at = At(date, 7, 23);
            var gender = Weighted((Gender.Male, 70), (Gender.Female, 25), (Gender.Unknown, 5));
            contacts.Add(new OutreachContact
            {
                Id = NewId(at),
                OrganisationId = organisation.Id,
                ProgrammeId = outreach.Id,
                PersonId = person,
                Date = date,
                Place = Pick(Names.Places),
                Nickname = Chance(0.6) ? Pick(Pick(gender == Gender.Female ? origin.Female : origin.Male)) : null,
                Gender = gender,
                AgeBand = Weighted((AgeBand.Under18, 12), (AgeBand.From18To25, 35), (AgeBand.From26To35, 30), (AgeBand.From36To50, 15), (AgeBand.Over50, 3), (AgeBand.Unknown, 5)),
                Nationality = Chance(0.1) ? "unknown" : origin.Nationality,
                Language = Pick(origin.Languages),
                MediatorInterpreted = Chance(0.4),
                InformationGiven = string.Join(',', Enum.GetValues<InformationTopic>().Where(_ => Chance(0.3)).Select(t => t.ToKebab())),
                Orientation = string.Join(',', Enum.GetValues<OrientationService>().Where(_ => Chance(0.25)).Select(t => t.ToKebab())),
                FollowUp = Chance(0.2),
                RecordedByUserId = Pick(outreachWorkers).Id,
                CreatedAt = at,
            });
            if (contacts.Count == options.BatchSize || i == total - 1)
            {
                await writer.WriteAsync(contacts, ct);
                rows["outreachContacts"] = rows.GetValueOrDefault("outreachContacts") + contacts.Count;
                contacts = new List<OutreachContact>(options.BatchSize);
            }
        }
        Log($"{total:N0} outreach contacts");
    }

    /// <summary>The share of outreach contacts with a known person, each met about <see cref="ContactsPerPerson"/> times.</summary>
    private const double KnownShare = 0.4;
    private const int ContactsPerPerson = 4;

    private async Task<List<OutreachPerson>> WriteOutreachPeopleAsync(BulkWriter writer, int contacts, CancellationToken ct)
    {
        var named = new Random(options.Seed + 2);
        var people = new List<OutreachPerson>();
        for (var i = 0; i < (int)(contacts * KnownShare / ContactsPerPerson); i++)
        {
            var origin = Names.Origins[named.Next(Names.Origins.Length)];
            var names = origin.Male[named.Next(origin.Male.Length)];
            var id = new byte[16];
            named.NextBytes(id); // the same seed gives the same people
            var person = new OutreachPerson
            {
                Id = new Guid(id),
                OrganisationId = organisation.Id,
                ProgrammeId = outreach.Id,
                Nickname = names[named.Next(names.Length)],
                Gender = Gender.Male,
                Nationality = origin.Nationality,
                Languages = origin.Languages[0],
                CreatedAt = today.AddYears(-5).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            };
            person.Index();
            people.Add(person);
        }
        foreach (var batch in people.Chunk(options.BatchSize))
        {
            await writer.WriteAsync(batch, ct);
        }
        rows["outreachPeople"] = people.Count;
        return people;
    }
}
