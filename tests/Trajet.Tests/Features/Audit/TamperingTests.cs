using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Trajet.Tests.Features.Cases;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Data;
using Trajet.Web.Features.Accounts;

namespace Trajet.Tests.Features.Audit;

/// <summary>Each test has a database of its own: it breaks the chain on purpose.</summary>
public abstract class TamperingTests(DatabaseProvider provider)
{
    [Fact]
    public async Task UpdateAndDelete_OfAnEntry_AreRefusedByTheDatabase()
    {
        await using var app = await StartAsync();
        var sequence = await MiddleEntryAsync(app);

        var update = await Record.ExceptionAsync(() => app.WithDbAsync((db, _) =>
            db.Database.ExecuteSqlAsync($"""UPDATE "AuditEntries" SET "Details" = '{"{}"}' WHERE "Sequence" = {sequence}""")));
        var delete = await Record.ExceptionAsync(() => app.WithDbAsync((db, _) =>
            db.Database.ExecuteSqlAsync($"""DELETE FROM "AuditEntries" WHERE "Sequence" = {sequence}""")));

        Assert.Contains("append-only", update?.Message);
        Assert.Contains("append-only", delete?.Message);
        Assert.True((await VerifyAsync(app)).GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task ChangedDetails_InTheDatabase_AreFoundByVerify()
    {
        await using var app = await StartAsync();
        var sequence = await MiddleEntryAsync(app);
        await DropTriggersAsync(app);

        await app.WithDbAsync((db, _) => db.Database.ExecuteSqlAsync($"""UPDATE "AuditEntries" SET "Details" = '{"{}"}' WHERE "Sequence" = {sequence}"""));

        var verification = await VerifyAsync(app);
        Assert.False(verification.GetProperty("valid").GetBoolean());
        Assert.Equal(sequence, verification.GetProperty("firstInvalid").GetProperty("sequence").GetInt64());
        Assert.Equal(sequence - 1, verification.GetProperty("entries").GetInt64());
    }

    [Fact]
    public async Task DeletedEntry_InTheMiddle_IsFoundByVerify()
    {
        await using var app = await StartAsync();
        var sequence = await MiddleEntryAsync(app);
        await DropTriggersAsync(app);

        await app.WithDbAsync((db, _) => db.Database.ExecuteSqlAsync($"""DELETE FROM "AuditEntries" WHERE "Sequence" = {sequence}"""));

        var verification = await VerifyAsync(app);
        Assert.False(verification.GetProperty("valid").GetBoolean());
        Assert.Equal(sequence, verification.GetProperty("firstInvalid").GetProperty("sequence").GetInt64());
        Assert.Equal("This entry is missing.", verification.GetProperty("firstInvalid").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task RehashedEntry_StillBreaksTheLinkOfTheNext()
    {
        await using var app = await StartAsync();
        var sequence = await MiddleEntryAsync(app);
        await DropTriggersAsync(app);

        // A forger who recomputes the hash of the entry he changed still leaves the next entry pointing at the old one.
        await app.WithDbAsync(async (db, _) =>
        {
            var entry = await db.AuditEntries.SingleAsync(e => e.Sequence == sequence);
            entry.Details = "{}";
            entry.Hash = Trajet.Web.Features.Audit.AuditHash.Compute(entry);
            return await db.Database.ExecuteSqlAsync($"""UPDATE "AuditEntries" SET "Details" = {entry.Details}, "Hash" = {entry.Hash} WHERE "Sequence" = {sequence}""");
        });

        var verification = await VerifyAsync(app);
        Assert.False(verification.GetProperty("valid").GetBoolean());
        Assert.Equal(sequence + 1, verification.GetProperty("firstInvalid").GetProperty("sequence").GetInt64());
    }

    /// <summary>Every kind of edit in one app: the row is put back after each, and the chain is whole again.</summary>
    [Fact]
    public async Task AnyEditOfAnEntry_IsReportedAtThatEntry_NeverAsAnError()
    {
        await using var app = await StartAsync();
        var sequence = await MiddleEntryAsync(app);
        await DropTriggersAsync(app);
        var postgres = provider == DatabaseProvider.Postgres;
        var at = sequence.ToString(System.Globalization.CultureInfo.InvariantCulture);
        const string columns = "\"Action\", \"Details\", \"Hash\", \"At\", \"ActorId\", \"EntityType\"";
        // Test-made SQL only (no outside input), hence raw.
        Task Run(string sql) => app.WithDbAsync((db, _) => db.Database.ExecuteSqlRawAsync(sql));
        await Run("CREATE TABLE \"KeptEntry\" AS SELECT " + columns + " FROM \"AuditEntries\" WHERE \"Sequence\" = " + at);
        using var admin = await app.ApiClientAsync(await app.CreateUserAsync(Roles.Administrator));

        // What an intruder with the database file can write; PostgreSQL's column types refuse some of it, so there the
        // nearest edit its types allow.
        var edits = new Dictionary<string, string>
        {
            ["unknown action"] = "\"Action\" = 'Createx'",
            ["broken JSON"] = "\"Details\" = '\"changes\": [1, '",
            ["wrong hash"] = "\"Hash\" = 'abc'",
            ["not a date"] = postgres ? "\"At\" = \"At\" + interval '1 second'" : "\"At\" = 'yesterday'",
            ["not an id"] = postgres ? "\"ActorId\" = gen_random_uuid()" : "\"ActorId\" = 'not-a-guid'",
            ["bytes for text"] = postgres ? "\"EntityType\" = 'Case\u00a0'" : "\"EntityType\" = x'00ff'",
            ["number for hash"] = postgres ? "\"Hash\" = '12345'" : "\"Hash\" = 12345",
        };
        foreach (var (edit, set) in edits)
        {
            await Run("UPDATE \"AuditEntries\" SET " + set + " WHERE \"Sequence\" = " + at);

            using var response = await admin.GetAsync("/api/admin/audit/verify");
            Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, $"{edit}: {response.StatusCode}");
            var verification = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.False(verification.GetProperty("valid").GetBoolean(), edit);
            Assert.True(sequence == verification.GetProperty("firstInvalid").GetProperty("sequence").GetInt64(), edit);
            Assert.True(sequence - 1 == verification.GetProperty("entries").GetInt64(), edit);

            await Run("UPDATE \"AuditEntries\" SET (" + columns + ") = (SELECT " + columns + " FROM \"KeptEntry\") WHERE \"Sequence\" = " + at);
            Assert.True((await VerifyAsync(app)).GetProperty("valid").GetBoolean(), $"{edit}: the restored row");
        }
    }

    private async Task<TrajetApp> StartAsync()
    {
        var app = new TrajetApp(provider);
        await app.InitializeAsync();
        return app;
    }

    /// <summary>Reads a case twice and returns the first read's sequence: an entry with others after it.</summary>
    private static async Task<long> MiddleEntryAsync(TrajetApp app)
    {
        var (client, _, programme) = await app.NewUserClientAsync(Roles.CaseManager);
        var (id, _) = await CaseBuilder.OpenAsync(client, programme.Slug);
        await client.GetAsync($"/api/cases/{id}");
        await client.GetAsync($"/api/cases/{id}");
        return await app.WithDbAsync((db, _) => db.AuditEntries.Where(e => e.CaseId == id && e.Action == Trajet.Web.Features.Audit.AuditAction.Read)
            .MinAsync(e => e.Sequence));
    }

    private Task DropTriggersAsync(TrajetApp app) => app.WithDbAsync(async (db, _) =>
    {
        if (provider == DatabaseProvider.Postgres)
        {
            await db.Database.ExecuteSqlRawAsync("""DROP TRIGGER "AuditEntries_NoUpdateOrDelete" ON "AuditEntries" """);
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("""DROP TRIGGER "AuditEntries_NoUpdate"; DROP TRIGGER "AuditEntries_NoDelete";""");
        }
        return 0;
    });

    private static async Task<JsonElement> VerifyAsync(TrajetApp app)
    {
        using var admin = await app.ApiClientAsync(await app.CreateUserAsync(Roles.Administrator));
        return await admin.GetFromJsonAsync<JsonElement>("/api/admin/audit/verify");
    }
}

public sealed class TamperingTestsOnSqlite() : TamperingTests(DatabaseProvider.Sqlite);

public sealed class TamperingTestsOnPostgres() : TamperingTests(DatabaseProvider.Postgres);
