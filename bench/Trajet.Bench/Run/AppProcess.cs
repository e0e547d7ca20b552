using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Trajet.Web.Data;

namespace Trajet.Bench.Run;

/// <summary>
/// The published app as it runs in production, started on the generated database and a loopback
/// port; its resident memory is sampled from /proc while it runs.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly CancellationTokenSource stop = new();
    private readonly Task sampler;
    private readonly StreamWriter logFile;
    private long windowMaxKb;

    private AppProcess(Process process, Uri address, StreamWriter logFile)
    {
        this.process = process;
        Address = address;
        this.logFile = logFile;
        sampler = Task.Run(SampleAsync);
    }

    public Uri Address { get; }
    public int Pid => process.Id;
    public long MaxRssKb { get; private set; }
    public TimeSpan StartUp { get; private set; }

    public static async Task<AppProcess> StartAsync(string appDll, DatabaseProvider provider, string connectionString, string keysFolder, string workFolder, TextWriter log)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(appDll))!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.GetFullPath(appDll));
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Database__Provider"] = provider.ToString();
        info.Environment["ConnectionStrings__Trajet"] = connectionString;
        info.Environment["DataProtection__KeysPath"] = keysFolder;
        info.Environment["Documents__Path"] = Path.Combine(workFolder, "documents");
        // The benchmark signs in a few dozen sessions at once from one address.
        info.Environment["RateLimits__LoginPerMinute"] = "100000";
        info.Environment["RateLimits__LoginPerAccountPerMinute"] = "100000";
        var logFile = new StreamWriter(Path.Combine(workFolder, $"app-{provider.ToString().ToLowerInvariant()}.log")) { AutoFlush = true };
        var started = Stopwatch.StartNew();
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (logFile) { logFile.WriteLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (logFile) { logFile.WriteLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new AppProcess(process, new Uri($"http://127.0.0.1:{port}"), logFile);

        using var client = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {process.ExitCode}; see {Path.Combine(workFolder, "app-*.log")}.");
            }
            if (started.Elapsed > TimeSpan.FromMinutes(5))
            {
                throw new TimeoutException("The app was not healthy within 5 minutes.");
            }
            try
            {
                using var response = await client.GetAsync("/health");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(25);
        }
        app.StartUp = started.Elapsed;
        log.WriteLine($"app pid {process.Id} healthy on {app.Address} after {app.StartUp.TotalSeconds:F2} s");
        return app;
    }

    /// <summary>The highest resident memory since the last call, in MB.</summary>
    public double TakeWindowMaxMb()
    {
        var kb = Interlocked.Exchange(ref windowMaxKb, ReadRssKb());
        return kb / 1024.0;
    }

    private async Task SampleAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            var kb = ReadRssKb();
            MaxRssKb = Math.Max(MaxRssKb, kb);
            long seen;
            do
            {
                seen = Interlocked.Read(ref windowMaxKb);
            }
            while (kb > seen && Interlocked.CompareExchange(ref windowMaxKb, kb, seen) != seen);
            try
            {
                await Task.Delay(100, stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private long ReadRssKb() => ReadStatusKb("VmRSS:");

    /// <summary>CPU time the server has used so far (user + system), in milliseconds: unlike latency, not inflated by other work on the machine.</summary>
    public double CpuMs()
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{process.Id}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // utime and stime are fields 14 and 15 of the line, in clock ticks (100 per second on Linux).
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10.0;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>The kernel's own high-water mark of resident memory (VmHWM), in MB.</summary>
    public double PeakRssMb() => ReadStatusKb("VmHWM:") / 1024.0;

    private long ReadStatusKb(string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{process.Id}/status"))
            {
                if (line.StartsWith(field, StringComparison.Ordinal))
                {
                    return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
            // the process has exited
        }
        return 0;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await sampler;
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
        lock (logFile)
        {
            logFile.Dispose();
        }
        stop.Dispose();
    }
}
