using System.Net;

namespace Trajet.Tests.ScaleOut;

/// <summary>
/// One published Trajet started as an operator starts it: <c>dotnet Trajet.Web.dll --urls …</c> with its settings in
/// the environment, in Production, with a keys folder and a documents folder of its own.
/// </summary>
public sealed class TrajetInstance : IAsyncDisposable
{
    private readonly string dll;
    private readonly string folder;
    private readonly IReadOnlyDictionary<string, string> settings;
    private ChildProcess? process;

    public TrajetInstance(string name, string dll, string folder, IReadOnlyDictionary<string, string> settings)
    {
        Name = name;
        this.dll = dll;
        this.folder = folder;
        this.settings = settings;
        Address = new Uri($"http://127.0.0.1:{ChildProcess.FreePort()}");
        Directory.CreateDirectory(folder);
    }

    public string Name { get; }
    public Uri Address { get; }
    public string KeysPath => Path.Combine(folder, "keys");

    /// <summary>Starts the process without waiting: several instances start at once.</summary>
    public void Start()
    {
        var environment = new Dictionary<string, string>(settings)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            // One line per entry: a failed test's report ends with these.
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",
            ["DataProtection__KeysPath"] = KeysPath,
            ["Documents__Path"] = Path.Combine(folder, "documents"),
        };
        process = ChildProcess.Start(Name, Dotnet, [dll, "--urls", Address.ToString().TrimEnd('/')], environment,
            Path.Combine(folder, "output.log"), Path.GetDirectoryName(dll));
    }

    /// <summary>Polls <c>/health/ready</c> (what a load balancer asks) until it answers 200, the process dies or the deadline passes.</summary>
    public async Task WaitReadyAsync(DateTime deadline)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(10) };
        while (DateTime.UtcNow < deadline && process is { HasExited: false })
        {
            try
            {
                using var response = await client.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
                if (response.StatusCode == HttpStatusCode.NotFound)
                {
                    throw new InvalidOperationException($"{Name} listens but has no /health/ready.\n{Tail()}");
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }
            await Task.Delay(200);
        }
        throw new InvalidOperationException(
            (process is { HasExited: true } ? $"{Name} exited during start-up." : $"{Name} was not ready in time.") + "\n" + Tail());
    }

    /// <summary>Starts it again on the same port after a kill, as a supervisor (systemd) would, and waits until it is ready.</summary>
    public async Task RestartAsync(DateTime deadline)
    {
        if (process is not null)
        {
            await process.DisposeAsync();
        }
        Start();
        await WaitReadyAsync(deadline);
    }

    public HttpClient Client(string? bearer = null) => ScaleOutCluster.Client(Address, bearer);

    public string Tail() => process?.Tail() ?? $"({Name} not started)";

    public Task KillAsync() => process?.KillAsync() ?? Task.CompletedTask;

    /// <summary>SIGTERM, as <c>systemctl stop</c>.</summary>
    public void Terminate() => (process ?? throw new InvalidOperationException($"{Name} not started")).Terminate();

    /// <summary>True once the process has exited within <paramref name="timeout"/>.</summary>
    public Task<bool> WaitForExitAsync(TimeSpan timeout) => process?.WaitForExitAsync(timeout) ?? Task.FromResult(true);

    public async ValueTask DisposeAsync()
    {
        if (process is not null)
        {
            await process.DisposeAsync();
        }
    }

    // DOTNET_HOST_PATH is the dotnet that runs the tests (set by the SDK); else the one on the PATH.
    internal static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
}
