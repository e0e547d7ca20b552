using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Trajet.Tests.Infrastructure;

/// <summary>
/// Trajet as its own process (<c>dotnet Trajet.Web.dll</c>, built next to the tests), to be killed for real
/// or run as the backup and restore commands. Settings go on the command line, as an operator would give them.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private AppProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The web project's dll: the test project references it, so the build copies it here.</summary>
    public static string WebDll
    {
        get
        {
            var dll = Path.Combine(AppContext.BaseDirectory, "Trajet.Web.dll");
            return File.Exists(dll) && File.Exists(Path.ChangeExtension(dll, ".runtimeconfig.json"))
                ? dll
                : throw new FileNotFoundException("Trajet.Web.dll and its runtimeconfig are not next to the tests.", dll);
        }
    }

    /// <summary>Starts the app on a free loopback port and waits until /health answers 200.</summary>
    public static async Task<AppProcess> StartAsync(IDictionary<string, string?> settings)
    {
        for (var attempt = 1; ; attempt++)
        {
            var address = new Uri($"http://127.0.0.1:{FreePort()}");
            var app = new AppProcess(Start([WebDll, "--urls", address.ToString().TrimEnd('/'), .. Arguments(settings)]), address);
            app.Drain();
            if (await app.WaitHealthyAsync())
            {
                return app;
            }
            await app.DisposeAsync();
            if (attempt == 3) // the port may have been taken between probing and binding
            {
                throw new InvalidOperationException($"Trajet did not start:\n{app.Log}");
            }
        }
    }

    /// <summary>Runs <c>dotnet Trajet.Web.dll &lt;command…&gt; --Key=value…</c> to its end.</summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(IEnumerable<string> command, IDictionary<string, string?> settings)
    {
        using var process = Start([WebDll, .. command, .. Arguments(settings)]);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(StartTimeout);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    public HttpClient CreateClient() => new() { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(100) };

    public string Log => string.Join('\n', output);

    /// <summary>SIGKILL: no shutdown, no flush, no disposal — as when the machine's OOM killer or an operator's kill -9 strikes.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
    }

    private static Process Start(IEnumerable<string> arguments)
    {
        // DOTNET_HOST_PATH is the dotnet that runs the tests (set by the SDK); else the one on the PATH.
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
    }

    private static IEnumerable<string> Arguments(IDictionary<string, string?> settings) =>
        settings.Where(s => s.Value is not null).Select(s => $"--{s.Key}={s.Value}");

    private void Drain()
    {
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        output.Enqueue(line);
        while (output.Count > 200 && output.TryDequeue(out _))
        {
        }
    }

    private async Task<bool> WaitHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                if ((await client.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }
            await Task.Delay(250);
        }
        return false;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
