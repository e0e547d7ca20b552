using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Trajet.Tests.ScaleOut;

/// <summary>
/// A program the scale-out tests run for real (a Trajet instance, nginx): its output goes to a file, read back when a
/// test fails; it is killed with SIGKILL at the end, and when the test host exits without disposing it.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StreamWriter log;
    private readonly EventHandler onExit;

    private ChildProcess(string name, Process process, string logFile)
    {
        Name = name;
        this.process = process;
        LogFile = logFile;
        log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        onExit = (_, _) => Kill();
        AppDomain.CurrentDomain.ProcessExit += onExit;
    }

    public string Name { get; }
    public string LogFile { get; }
    public int Id => process.Id;
    public bool HasExited => process.HasExited;

    public static ChildProcess Start(string name, string program, IEnumerable<string> arguments, IDictionary<string, string> environment, string logFile, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetDirectoryName(logFile)!,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }
        File.AppendAllText(logFile, $"--- {DateTime.UtcNow:O} {program} {string.Join(' ', arguments)}\n");
        return new ChildProcess(name, Process.Start(info) ?? throw new InvalidOperationException($"{program} did not start."), logFile);
    }

    /// <summary>The last lines of the output, for a failure's message.</summary>
    public string Tail(int lines = 80)
    {
        string[] all;
        try
        {
            using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            all = reader.ReadToEnd().Split('\n');
        }
        catch (IOException e)
        {
            return $"({LogFile}: {e.Message})";
        }
        return $"----- {Name} ({LogFile}), last {Math.Min(lines, all.Length)} lines -----\n" + string.Join('\n', all.TakeLast(lines));
    }

    /// <summary>SIGKILL, as kill -9 or the OOM killer: no shutdown, nothing flushed.</summary>
    public void Kill()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
    }

    /// <summary>SIGTERM, as <c>systemctl stop</c>: the process stops in its own way.</summary>
    public void Terminate()
    {
        if (!process.HasExited && SendSignal(process.Id, 15) != 0)
        {
            throw new InvalidOperationException($"kill -TERM {process.Id} failed.");
        }
    }

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    public async Task KillAsync()
    {
        Kill();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= onExit;
        await KillAsync();
        process.Dispose();
        lock (log)
        {
            log.Dispose();
        }
    }

    /// <summary>A port the OS says is free now; the child binds it a moment later.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (log)
        {
            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // the last lines of a process being disposed
            }
        }
    }
}
