using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Data;
using Trajet.Web.Data.Migrations;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.Reports;
using Trajet.Web.Infrastructure;

namespace Trajet.Tests.Features.Operations;

/// <summary>
/// Instances of Trajet in one process each, on one PostgreSQL database: each has its own empty keys folder, as separate
/// machines would. (ScaleOut/ runs the same things with published processes behind nginx.)
/// </summary>
public sealed class SeveralInstancesTests
{
    private const string AdminEmail = "first-admin@example.org";

    private static TrajetApp Instance(string connectionString, IDictionary<string, string?>? extra = null) =>
        new(DatabaseProvider.Postgres, extra, connectionString);

    private static HttpClient WithTokenOf(TrajetApp app, HttpClient signedIn)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = signedIn.DefaultRequestHeaders.Authorization;
        return client;
    }

    [Fact]
    public async Task StartedAtOnce_OnAnEmptyDatabase_AllComeUp_HavingMigratedAndSeededOnce()
    {
        var database = Postgres.NewDatabase();
        var settings = new Dictionary<string, string?> { ["Admin:Email"] = AdminEmail, ["Admin:Password"] = TrajetApp.Password };
        var instances = Enumerable.Range(0, 3).Select(_ => Instance(database, settings)).ToList();
        try
        {
            await Task.WhenAll(instances.Select(i => Task.Run(i.InitializeAsync)));

            foreach (var instance in instances)
            {
                using var client = instance.CreateClient();
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
            }
            var (migrations, admins, keys) = await instances[0].WithDbAsync(async (db, _) => (
                await db.Database.SqlQueryRaw<string>("""SELECT "MigrationId" AS "Value" FROM "__EFMigrationsHistory" """).ToListAsync(),
                await db.Users.CountAsync(u => u.Email == AdminEmail),
                await db.Database.SqlQueryRaw<int>("""SELECT count(*)::int AS "Value" FROM "DataProtectionKeys" """).SingleAsync()));
            Assert.Equal(new History().Migrations.Keys.Order(StringComparer.Ordinal), migrations.Order(StringComparer.Ordinal));
            Assert.Equal(1, admins);
            Assert.Equal(1, keys); // the first key was made once, under the start-up lock, and shared
            Assert.All(instances, i => Assert.Empty(Directory.Exists(i.KeysPath) ? Directory.GetFiles(i.KeysPath) : []));
        }
        finally
        {
            foreach (var instance in instances)
            {
                await instance.DisposeAsync();
            }
            Postgres.Drop(database);
        }
    }

    [Fact]
    public async Task ATokenFromOneInstance_IsAcceptedByAnother_WhateverItsKeysFolder()
    {
        await using var first = new PostgresApp();
        await first.InitializeAsync();
        await using var second = Instance(first.ConnectionString);
        await second.InitializeAsync();
        var (caseManager, _, _) = await first.NewUserClientAsync(Roles.CaseManager);

        using var elsewhere = WithTokenOf(second, caseManager);
        var me = await elsewhere.GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task ItsOwnChangeComingBack_DoesNotEmptyAnInstanceAgain_AnotherInstancesDoes()
    {
        await using var app = new PostgresApp();
        await app.InitializeAsync();
        var reports = app.Services.GetRequiredService<ReportFigures>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        // Trusted only once its listener listens.
        await UntilAsync(() => Task.FromResult(reports.Generation >= 0), deadline, "the instance did not start listening");
        var before = reports.Generation;

        // Delivered in the order sent: once the other instance's change is heard, the echo has been too.
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        foreach (var payload in new[] { CacheSignals.Payload(reports), $"{reports.Name}:another-instance" })
        {
            await using var notify = new NpgsqlCommand($"SELECT pg_notify('{CacheSignals.Channel}', @payload)", connection);
            notify.Parameters.AddWithValue("payload", payload);
            await notify.ExecuteNonQueryAsync();
        }
        await UntilAsync(() => Task.FromResult(reports.Generation != before), deadline, "the other instance's change was not heard");

        Assert.Equal(before + 1, reports.Generation);
    }

    [Fact]
    public async Task APasswordChangeThroughOneInstance_RefusesTheOldToken_OnAnother_WithinTwoSeconds()
    {
        await using var first = new PostgresApp();
        await first.InitializeAsync();
        await using var second = Instance(first.ConnectionString); // Security:UserCacheSeconds stays 10
        await second.InitializeAsync();
        var (client, _, _) = await first.NewUserClientAsync(Roles.CaseManager);
        using var elsewhere = WithTokenOf(second, client);
        // Both listen for changes, so the second keeps what it reads: without the signal it would serve it for 10 s.
        await WaitUntilListeningAsync(first.ConnectionString, instances: 2);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/api/me")).StatusCode);

        var changed = await client.PostAsJsonAsync("/api/auth/manage/info", new { oldPassword = TrajetApp.Password, newPassword = "Another-Passw0rd!" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        var deadline = DateTime.UtcNow.AddSeconds(2);
        HttpStatusCode status;
        do
        {
            status = (await elsewhere.GetAsync("/api/me")).StatusCode;
        }
        while (status == HttpStatusCode.OK && DateTime.UtcNow < deadline);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task KeysInAnOlderInstallationsFolder_AreCopiedIntoTheDatabaseOnce_AndWhatTheyProtectedStillOpens()
    {
        await using var before = new PostgresApp();
        await before.InitializeAsync();
        var (client, _, _) = await before.NewUserClientAsync(Roles.CaseManager);
        // As an installation from before the upgrade: its keys are files in its folder, not rows.
        var folder = Directory.CreateTempSubdirectory("trajet-old-keys-").FullName;
        var rows = await ReadAndRemoveKeysAsync(before.ConnectionString);
        foreach (var (name, xml) in rows)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, name + ".xml"), xml);
        }
        try
        {
            await using var upgraded = Instance(before.ConnectionString, new Dictionary<string, string?> { ["DataProtection:KeysPath"] = folder });
            await upgraded.InitializeAsync();
            using var elsewhere = WithTokenOf(upgraded, client);
            Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/api/me")).StatusCode);

            await using var again = Instance(before.ConnectionString, new Dictionary<string, string?> { ["DataProtection:KeysPath"] = folder });
            await again.InitializeAsync();
            var names = await again.WithDbAsync((db, _) => db.Database.SqlQueryRaw<string>("""SELECT "FriendlyName" AS "Value" FROM "DataProtectionKeys" """).ToListAsync());
            Assert.Equal(rows.Select(r => r.Name).Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Health_LiveAndReady_Answer(DatabaseProvider provider)
    {
        await using var app = new TrajetApp(provider);
        await app.InitializeAsync();
        using var client = app.CreateClient();

        Assert.Equal("Healthy", await client.GetStringAsync("/health/live"));
        Assert.Equal("Healthy", await client.GetStringAsync("/health/ready"));
    }

    private static async Task WaitUntilListeningAsync(string connectionString, int instances)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await UntilAsync(async () =>
        {
            await using var count = new NpgsqlCommand(
                $"SELECT count(*) FROM pg_stat_activity WHERE datname = '{database}' AND application_name = '{CacheSignals.ApplicationName}'", connection);
            return (long)(await count.ExecuteScalarAsync())! >= instances;
        }, DateTime.UtcNow.AddSeconds(30), "the instances did not start listening for each other's changes");
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, DateTime deadline, string failure)
    {
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(20);
        }
    }

    private static async Task<List<(string Name, string Xml)>> ReadAndRemoveKeysAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var rows = new List<(string, string)>();
        await using (var read = new NpgsqlCommand("""SELECT "FriendlyName", "Xml" FROM "DataProtectionKeys" """, connection))
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetString(0), reader.GetString(1)));
            }
        }
        await using var remove = new NpgsqlCommand("""DELETE FROM "DataProtectionKeys" """, connection);
        await remove.ExecuteNonQueryAsync();
        return rows;
    }
}
