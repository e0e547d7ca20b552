using System.Net;
using System.Net.Sockets;

namespace Trajet.Tests.ScaleOut;

/// <summary>
/// nginx running the repository's deploy/nginx/trajet.conf as it is, but for the two instances' ports and the port it
/// listens on, inside a minimal main configuration whose files all stay in a temporary folder.
/// </summary>
public sealed class NginxProxy : IAsyncDisposable
{
    public const string ConfigFile = "deploy/nginx/trajet.conf";

    // What the shipped file says, replaced here: an edit that renames them fails loudly rather than testing something else.
    private const string FirstInstance = "server 127.0.0.1:5001 ";
    private const string SecondInstance = "server 127.0.0.1:5002 ";
    private const string Listen = "listen 80;";

    private readonly ChildProcess process;
    private readonly string folder;

    private NginxProxy(ChildProcess process, string folder, Uri address)
    {
        this.process = process;
        this.folder = folder;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<NginxProxy> StartAsync(string repositoryRoot, string folder, Uri first, Uri second, TimeSpan timeout)
    {
        var port = ChildProcess.FreePort();
        var site = File.ReadAllText(Path.Combine(repositoryRoot, ConfigFile));
        site = ReplaceOnce(site, FirstInstance, $"server 127.0.0.1:{first.Port} ");
        site = ReplaceOnce(site, SecondInstance, $"server 127.0.0.1:{second.Port} ");
        site = ReplaceOnce(site, Listen, $"listen 127.0.0.1:{port};");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "trajet.conf"), site);
        // One process that runs as whoever runs the tests (no worker switching to nobody), in the foreground.
        File.WriteAllText(Path.Combine(folder, "nginx.conf"), $$"""
            daemon off;
            master_process off;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log info;
            events { worker_connections 512; }
            http {
                access_log {{folder}}/access.log;
                client_body_temp_path {{folder}}/client_body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                include {{folder}}/trajet.conf;
            }
            """);
        var binary = File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx";
        var process = ChildProcess.Start("nginx", binary, ["-p", folder, "-e", Path.Combine(folder, "error.log"), "-c", Path.Combine(folder, "nginx.conf")],
            new Dictionary<string, string>(), Path.Combine(folder, "nginx.out"));
        var proxy = new NginxProxy(process, folder, new Uri($"http://127.0.0.1:{port}"));
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            if (await ListensAsync(port))
            {
                return proxy;
            }
            await Task.Delay(50);
        }
        var log = proxy.Tail();
        await proxy.DisposeAsync();
        throw new InvalidOperationException($"nginx did not listen on {port}:\n{log}");
    }

    public string Tail() =>
        process.Tail(20) + "\n----- nginx error.log -----\n" + (File.Exists(Path.Combine(folder, "error.log")) ? string.Join('\n', File.ReadLines(Path.Combine(folder, "error.log")).TakeLast(40)) : "");

    public ValueTask DisposeAsync() => process.DisposeAsync();

    private static string ReplaceOnce(string text, string what, string with)
    {
        var at = text.IndexOf(what, StringComparison.Ordinal);
        if (at < 0 || text.IndexOf(what, at + 1, StringComparison.Ordinal) >= 0)
        {
            throw new InvalidOperationException($"{ConfigFile} should contain '{what}' exactly once: the test replaces it.");
        }
        return string.Concat(text.AsSpan(0, at), with, text.AsSpan(at + what.Length));
    }

    private static async Task<bool> ListensAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
