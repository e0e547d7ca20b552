using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Data;
using Trajet.Web.Features.Operations;

namespace Trajet.Tests.Features.Operations;

/// <summary>
/// One installation of Trajet that outlives its app instances: a database, a keys folder and a documents
/// folder, so that an app can be stopped, its data restored, and an app started again on the same place.
/// </summary>
public sealed class Site : IAsyncDisposable
{
    private Site(DatabaseProvider provider)
    {
        Provider = provider;
        Folder = Directory.CreateTempSubdirectory("trajet-site-").FullName;
        ConnectionString = provider == DatabaseProvider.Postgres ? Postgres.NewDatabase() : $"Data Source={Path.Combine(Folder, "db", "trajet.db")}";
        Settings = new()
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:Trajet"] = ConnectionString,
            ["DataProtection:KeysPath"] = Path.Combine(Folder, "keys"),
            ["Documents:Path"] = Path.Combine(Folder, "documents"),
            ["RateLimits:LoginPerMinute"] = "100000",
            ["RateLimits:LoginPerAccountPerMinute"] = "100000",
        };
    }

    public DatabaseProvider Provider { get; }
    public string Folder { get; }
    public string ConnectionString { get; }
    public Dictionary<string, string?> Settings { get; }
    public string DocumentsPath => Settings["Documents:Path"]!;
    public string SqliteFile => Path.Combine(Folder, "db", "trajet.db");

    public static Site Create(DatabaseProvider provider) => new(provider);

    /// <summary>The in-process app on this site; dispose it to stop it.</summary>
    public async Task<TrajetApp> StartAsync()
    {
        var app = new TrajetApp(Provider, Settings, ConnectionString);
        await app.InitializeAsync();
        return app;
    }

    /// <summary>What the backup and restore commands read from this site's configuration.</summary>
    public BackupTarget Target => BackupTarget.From(new ConfigurationBuilder().AddInMemoryCollection(Settings).Build());

    /// <summary>After an app stops: its pooled connections must not keep the old database file open.</summary>
    public static void ReleaseConnections()
    {
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
    }

    public async ValueTask DisposeAsync()
    {
        ReleaseConnections();
        if (Provider == DatabaseProvider.Postgres)
        {
            Postgres.Drop(ConnectionString);
        }
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // the OS temp folder cleans it up
        }
        await Task.CompletedTask;
    }
}

/// <summary>Interactions posted by a client, one after the other, with the ids the server acknowledged in order.</summary>
public sealed class InteractionWriter(HttpClient client, Guid caseId)
{
    private readonly List<Guid> acknowledged = [];

    public IReadOnlyList<Guid> Acknowledged
    {
        get
        {
            lock (acknowledged)
            {
                return [.. acknowledged];
            }
        }
    }

    public static object Visit(int n) => new { type = "home-visit", date = "2026-01-15", durationMinutes = 30 + (n % 60), notes = $"Visit {n}" };

    /// <summary>Posts until stopped, until a request fails (the server died) or after <paramref name="max"/> posts.</summary>
    public async Task RunAsync(CancellationToken stop, int max = 3000)
    {
        for (var n = 0; n < max && !stop.IsCancellationRequested; n++)
        {
            Guid id;
            try
            {
                using var response = await client.PostAsJsonAsync($"/api/cases/{caseId}/interactions", Visit(n), CancellationToken.None);
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or JsonException)
            {
                return; // the server is gone: this one was never acknowledged
            }
            lock (acknowledged)
            {
                acknowledged.Add(id);
            }
        }
    }

    public async Task WaitForAsync(int count)
    {
        for (var i = 0; i < 1200 && Acknowledged.Count < count; i++)
        {
            await Task.Delay(100);
        }
        Assert.True(Acknowledged.Count >= count, $"only {Acknowledged.Count} interactions were acknowledged");
    }

    public static async Task<List<Guid>> StoredAsync(HttpClient client, Guid caseId) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/interactions")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];
}
