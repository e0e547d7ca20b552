using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Trajet.Tests.Features.Cases;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Data;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.Operations;

namespace Trajet.Tests.Features.Operations;

/// <summary>The real app as a process, killed with SIGKILL while clients write, then started again on the same data.</summary>
public abstract class CrashSafetyTests(DatabaseProvider provider)
{
    private const int Writers = 6;

    [Fact]
    public async Task KillingTheServerDuringWrites_LosesNothingThatWasAcknowledged()
    {
        await using var site = Site.Create(provider);
        string email;
        Guid caseId;
        await using (var app = await site.StartAsync())
        {
            var (organisation, programme) = await app.CreateOrganisationAsync();
            email = await app.CreateUserAsync(Roles.CaseManager, organisation, programme);
            using var client = await app.ApiClientAsync(email);
            (caseId, _) = await CaseBuilder.OpenAsync(client, programme.Slug, date: "2026-01-10");
        }
        Site.ReleaseConnections();

        List<InteractionWriter> writers;
        await using (var server = await AppProcess.StartAsync(site.Settings))
        {
            var token = await LoginAsync(server, email);
            var clients = Enumerable.Range(0, Writers).Select(_ => Client(server, token)).ToList();
            writers = [.. clients.Select(c => new InteractionWriter(c, caseId))];
            var writing = writers.Select(w => Task.Run(() => w.RunAsync(CancellationToken.None))).ToList();
            for (var i = 0; i < 1800 && writers.Sum(w => w.Acknowledged.Count) < 60 && !writing.All(t => t.IsCompleted); i++)
            {
                await Task.Delay(100);
            }
            Assert.False(writing.Any(t => t.IsCompleted), "a writer stopped before the server was killed:\n" + server.Log);

            await server.KillAsync();

            await Task.WhenAll(writing);
            clients.ForEach(c => c.Dispose());
        }
        var acknowledged = writers.SelectMany(w => w.Acknowledged).ToList();
        Assert.True(acknowledged.Count >= 60, $"{acknowledged.Count} acknowledged");

        await using (var server = await AppProcess.StartAsync(site.Settings))
        {
            using var client = Client(server, await LoginAsync(server, email));
            var stored = await InteractionWriter.StoredAsync(client, caseId);
            Assert.Empty(acknowledged.Except(stored));
        }
        if (provider == DatabaseProvider.Sqlite)
        {
            using var connection = BackupTarget.OpenSqlite(site.SqliteFile, SqliteOpenMode.ReadOnly);
            Assert.Equal("ok", TakeBackup.Execute(connection, "PRAGMA integrity_check;"));
        }
    }

    private static HttpClient Client(AppProcess server, string token)
    {
        var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    private static async Task<string> LoginAsync(AppProcess server, string email)
    {
        using var client = server.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password = TrajetApp.Password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TrajetApp.TokenResponse>())!.AccessToken;
    }
}

public sealed class CrashSafetyTestsOnSqlite() : CrashSafetyTests(DatabaseProvider.Sqlite)
{
    [Fact]
    public async Task Sqlite_WritesAheadToALog_AndSyncsEveryCommit()
    {
        await using var app = new TrajetApp(DatabaseProvider.Sqlite);
        await app.InitializeAsync();

        var (mode, synchronous) = await app.WithDbAsync(async (db, _) =>
        {
            await db.Database.OpenConnectionAsync();
            try
            {
                return (await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync(), await db.Database.SqlQueryRaw<int>("PRAGMA synchronous").ToListAsync());
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        });

        Assert.Equal(["wal"], mode);
        Assert.Equal([2], synchronous); // FULL
    }
}

public sealed class CrashSafetyTestsOnPostgres() : CrashSafetyTests(DatabaseProvider.Postgres);
