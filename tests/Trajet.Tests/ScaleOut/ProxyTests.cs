using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Xunit.Abstractions;

namespace Trajet.Tests.ScaleOut;

/// <summary>
/// Behind nginx every request comes from nginx's address: the instances take the client's from X-Forwarded-For, which
/// the shipped config sets, so that one client's sign-in attempts do not lock everyone else out.
/// </summary>
[Collection(ScaleOutCollection.Name)]
public sealed class ProxyTests(ScaleOutCluster cluster, ITestOutputHelper output) : ScaleOutTest(cluster, output)
{
    [Fact]
    public async Task SignInLimitThroughNginx_CountsEachClientAddress_WhateverItsOwnForwardedHeader()
    {
        // Loopback is 127.0.0.0/8: two more client addresses on this machine.
        using var guesser = Client(IPAddress.Parse("127.0.0.2"));
        using var colleague = Client(IPAddress.Parse("127.0.0.3"));

        // Each instance counts its own (RateLimits:LoginPerMinute, 60): refused twice in a row, both have had enough.
        var refusedInARow = 0;
        for (var attempt = 0; refusedInARow < 2; attempt++)
        {
            Assert.True(attempt < 300, "the guesser was never refused");
            refusedInARow = await AttemptAsync(guesser) == HttpStatusCode.TooManyRequests ? refusedInARow + 1 : 0;
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await AttemptAsync(guesser, forwardedFor: "198.51.100.7"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await AttemptAsync(guesser, forwardedFor: "198.51.100.7"));
        Assert.Equal(HttpStatusCode.Unauthorized, await AttemptAsync(colleague));
        Assert.Equal(HttpStatusCode.Unauthorized, await AttemptAsync(colleague));
    }

    /// <summary>A wrong sign-in for an account of its own, so that only the per-address limit can refuse it.</summary>
    private static async Task<HttpStatusCode> AttemptAsync(HttpClient client, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
        {
            Content = JsonContent.Create(new { email = $"nobody-{Guid.NewGuid():N}@scale-out.test", password = "Wrong-Passw0rd!" }),
        };
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private HttpClient Client(IPAddress from) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, ct) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(from, 0));
                await socket.ConnectAsync(context.DnsEndPoint, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    {
        BaseAddress = Cluster.Nginx.Address,
        Timeout = TimeSpan.FromSeconds(30),
    };
}
