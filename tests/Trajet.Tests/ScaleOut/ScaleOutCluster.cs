using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Npgsql;
using Trajet.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Trajet.Tests.ScaleOut;

[CollectionDefinition(Name)]
public sealed class ScaleOutCollection : ICollectionFixture<ScaleOutCluster>
{
    public const string Name = "Scale-out";
}

/// <summary>
/// Issue #26 as an operator deploys it: a PostgreSQL primary with a streaming standby (both started by ./test), the app
/// published once, two instances started at the same moment on one fresh database — the second reading reports from
/// the standby — and nginx in front running deploy/nginx/trajet.conf. Everything is killed at the end.
/// </summary>
public sealed class ScaleOutCluster : IAsyncLifetime
{
    public const string PrimaryVariable = "TRAJET_TEST_SCALEOUT_PRIMARY";
    public const string StandbyVariable = "TRAJET_TEST_SCALEOUT_STANDBY";
    public const string AdminEmail = "operator@scale-out.test";
    public const string AdminPassword = "Scale-0ut-Passw0rd!";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private readonly string folder = Directory.CreateTempSubdirectory("trajet-scaleout-").FullName;
    private TrajetInstance? first;
    private TrajetInstance? second;
    private NginxProxy? nginx;

    /// <summary>The fresh database on the primary.</summary>
    public string Database { get; private set; } = "";
    /// <summary>The same database read on the standby.</summary>
    public string StandbyDatabase { get; private set; } = "";

    /// <summary>An instance on the primary only.</summary>
    public TrajetInstance First => first ?? throw new InvalidOperationException("The cluster did not start.");
    /// <summary>An instance given <c>ConnectionStrings:TrajetReadOnly</c>, the standby.</summary>
    public TrajetInstance Second => second ?? throw new InvalidOperationException("The cluster did not start.");
    public NginxProxy Nginx => nginx ?? throw new InvalidOperationException("The cluster did not start.");
    public IReadOnlyList<TrajetInstance> Instances => [First, Second];

    public static string RepositoryRoot
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Trajet.slnx")))
                {
                    return directory.FullName;
                }
            }
            throw new InvalidOperationException($"No Trajet.slnx above {AppContext.BaseDirectory}.");
        }
    }

    public async Task InitializeAsync()
    {
        var primary = Server(PrimaryVariable);
        var standby = Server(StandbyVariable);
        var name = $"trajet_{Guid.NewGuid():N}";
        await ExecuteAsync(primary, $"CREATE DATABASE {name}");
        Database = new NpgsqlConnectionStringBuilder(primary) { Database = name }.ConnectionString;
        StandbyDatabase = new NpgsqlConnectionStringBuilder(standby) { Database = name }.ConnectionString;
        try
        {
            var dll = await PublishAsync(Path.Combine(folder, "app"));
            var settings = new Dictionary<string, string>
            {
                ["Database__Provider"] = "Postgres",
                ["ConnectionStrings__Trajet"] = Database,
                ["Admin__Email"] = AdminEmail,
                ["Admin__Password"] = AdminPassword,
                ["Demo__Seed"] = "true",
            };
            first = new TrajetInstance("trajet-a", dll, Path.Combine(folder, "a"), settings);
            second = new TrajetInstance("trajet-b", dll, Path.Combine(folder, "b"),
                new Dictionary<string, string>(settings) { ["ConnectionStrings__TrajetReadOnly"] = StandbyDatabase });

            // At the same moment, as a supervisor starts them after a deployment.
            var deadline = DateTime.UtcNow + StartTimeout;
            first.Start();
            second.Start();
            await Task.WhenAll(first.WaitReadyAsync(deadline), second.WaitReadyAsync(deadline));
            nginx = await NginxProxy.StartAsync(RepositoryRoot, Path.Combine(folder, "nginx"), first.Address, second.Address, TimeSpan.FromSeconds(30));
        }
        catch (Exception e)
        {
            var logs = Logs();
            await DisposeAsync();
            throw new InvalidOperationException($"The scale-out cluster did not start: {e.Message}\n{logs}", e);
        }
    }

    public async Task DisposeAsync()
    {
        if (nginx is not null)
        {
            await nginx.DisposeAsync();
        }
        foreach (var instance in new[] { first, second })
        {
            if (instance is not null)
            {
                await instance.DisposeAsync();
            }
        }
        NpgsqlConnection.ClearAllPools();
        if (Database.Length > 0)
        {
            await ExecuteAsync(Server(PrimaryVariable), $"DROP DATABASE IF EXISTS {new NpgsqlConnectionStringBuilder(Database).Database} WITH (FORCE)");
        }
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // the OS temp folder cleans it up
        }
    }

    /// <summary>The end of every process's output, for a failed test's report.</summary>
    public string Logs() => string.Join('\n', new[] { first?.Tail(), second?.Tail(), nginx?.Tail() }.Where(t => t is not null));

    public static HttpClient Client(Uri address, string? bearer = null)
    {
        var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(30),
        };
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
        return client;
    }

    /// <summary>Signs in to the API through the given address and returns the access token.</summary>
    public static async Task<string> TokenAsync(Uri via, string email, string password)
    {
        using var client = Client(via);
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        Assert.True(response.IsSuccessStatusCode, $"sign-in of {email} through {via} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<TrajetApp.TokenResponse>())!.AccessToken;
    }

    /// <summary>Waits until the standby has replayed everything the primary had written when this was called.</summary>
    public async Task WaitForStandbyAsync()
    {
        var written = await ScalarAsync<string>(Database, "SELECT pg_current_wal_lsn()::text");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!await ScalarAsync<bool>(StandbyDatabase, $"SELECT pg_last_wal_replay_lsn() >= '{written}'::pg_lsn"))
        {
            Assert.True(DateTime.UtcNow < deadline, $"the standby did not replay up to {written} within a minute");
            await Task.Delay(50);
        }
    }

    public static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<List<(string Key, long Count)>> CountsAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, long)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetValue(0).ToString()!, reader.GetInt64(1)));
        }
        return rows;
    }

    private static string Server(string variable) => Environment.GetEnvironmentVariable(variable)
        ?? throw new InvalidOperationException($"{variable} is not set: run the tests with ./test, which starts a PostgreSQL primary and standby for them.");

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary><c>dotnet publish --no-build</c> of the web project in the configuration the tests were built in.</summary>
    private static async Task<string> PublishAsync(string output)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // …/bin/Release/net10.0/
        var info = new ProcessStartInfo(TrajetInstance.Dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot,
        };
        foreach (var argument in new[] { "publish", Path.Combine("src", "Trajet.Web", "Trajet.Web.csproj"), "-c", configuration, "--no-build", "--nologo", "-o", output })
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet publish did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("dotnet publish took over three minutes.");
        }
        var dll = Path.Combine(output, "Trajet.Web.dll");
        return process.ExitCode == 0 && File.Exists(dll)
            ? dll
            : throw new InvalidOperationException($"dotnet publish failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");
    }
}

/// <summary>A test of the cluster: when it fails, its report ends with every process's last lines of output.</summary>
public abstract class ScaleOutTest(ScaleOutCluster cluster, ITestOutputHelper output) : IDisposable
{
    protected ScaleOutCluster Cluster { get; } = cluster;

    public void Dispose()
    {
        output.WriteLine(Cluster.Logs());
        GC.SuppressFinalize(this);
    }
}
