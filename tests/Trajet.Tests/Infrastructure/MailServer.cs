using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Trajet.Tests.Infrastructure;

/// <summary>
/// A real SMTP server on a loopback port of its own (the SmtpServer package, in-process): what Trajet sends arrives
/// here as the bytes a mail server would receive, parsed by MimeKit. A send completes only once the server has
/// accepted the message, so after the sender returns the mail is in <see cref="Messages"/>.
/// </summary>
public sealed class MailServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> messages = new();
    private readonly SmtpServer.SmtpServer server;
    private readonly Task running;
    private readonly CancellationTokenSource stop = new();

    private MailServer(int port)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(messages));
        server = new SmtpServer.SmtpServer(options, services);
        running = server.StartAsync(stop.Token);
    }

    public int Port { get; }

    public IReadOnlyList<MimeMessage> Messages => [.. messages];

    /// <summary>The mails that reached <paramref name="address"/>.</summary>
    public IReadOnlyList<MimeMessage> To(string address) =>
        [.. messages.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))];

    /// <summary>Starts a server on <paramref name="port"/>, or on a free one.</summary>
    public static async Task<MailServer> StartAsync(int? port = null)
    {
        var server = new MailServer(port ?? FreePort());
        // Listening starts inside StartAsync: wait until the port answers.
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, server.Port);
                return server;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        throw new InvalidOperationException($"The SMTP server did not listen on {server.Port}.");
    }

    /// <summary>A loopback port nothing listens on (for a mail server that is down).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Trajet's settings for a mail server on <paramref name="port"/>.</summary>
    public static Dictionary<string, string?> Settings(int port) => new()
    {
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:From"] = "trajet@ngo.test",
        ["Smtp:Security"] = "none",
        ["App:BaseUrl"] = "https://trajet.ngo.test",
    };

    public Dictionary<string, string?> Settings() => Settings(Port);

    public async ValueTask DisposeAsync()
    {
        server.Shutdown();
        await stop.CancelAsync();
        try
        {
            await running.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
        }
        stop.Dispose();
    }

    private sealed class Store(ConcurrentQueue<MimeMessage> messages) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            messages.Enqueue(MimeMessage.Load(new MemoryStream(buffer.ToArray())));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
