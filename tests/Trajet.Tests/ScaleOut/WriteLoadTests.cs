using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Trajet.Tests.Features.Cases;
using Trajet.Web.Features.Demo;
using Xunit.Abstractions;

namespace Trajet.Tests.ScaleOut;

/// <summary>
/// Eight clients record interactions through nginx while one instance is killed with SIGKILL; like a phone's outbox, each
/// resends what was not acknowledged with the same Idempotency-Key until it is.
/// </summary>
[Collection(ScaleOutCollection.Name)]
public sealed class WriteLoadTests(ScaleOutCluster cluster, ITestOutputHelper output) : ScaleOutTest(cluster, output)
{
    private const int Clients = 8;
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

    private readonly ITestOutputHelper output = output;

    [Fact]
    public async Task WritesWhileAnInstanceIsKilled_AreEachStoredOnce_AndTheAuditChainVerifies()
    {
        var token = await ScaleOutCluster.TokenAsync(Cluster.Nginx.Address, "cm1@ngo.demo", DemoSeed.Password);
        using var proxy = ScaleOutCluster.Client(Cluster.Nginx.Address, token);
        var (caseId, _) = await CaseBuilder.OpenAsync(proxy, "plan-together", date: "2026-11-02");
        var deadline = DateTime.UtcNow + Deadline;

        var writers = Enumerable.Range(0, Clients).Select(_ => new OutboxClient(Cluster.Nginx.Address, token, caseId)).ToList();
        using var stop = new CancellationTokenSource();
        var writing = writers.Select(w => Task.Run(() => w.RunAsync(stop.Token, deadline))).ToList();
        try
        {
            await WaitUntilAsync(() => writers.Sum(w => w.Acknowledged.Count) >= 40, deadline, writing);
            await Cluster.First.KillAsync();
            var atKill = writers.Sum(w => w.Acknowledged.Count);
            // The survivor takes the writes on.
            await WaitUntilAsync(() => writers.Sum(w => w.Acknowledged.Count) >= atKill + 80, deadline, writing);
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(writing);
            writers.ForEach(w => w.Dispose());
            await Cluster.First.RestartAsync(DateTime.UtcNow + TimeSpan.FromMinutes(2));
        }

        var acknowledged = writers.SelectMany(w => w.Acknowledged).ToList();
        output.WriteLine($"{acknowledged.Count} writes acknowledged, {writers.Sum(w => w.Retried)} of them after a retry ({writers.Sum(w => w.Failures)} failed attempts)");
        Assert.All(writers, w => Assert.Null(w.Error));
        var stored = await ScaleOutCluster.CountsAsync(Cluster.Database, $"""SELECT "Id"::text, 1::bigint FROM "Interactions" WHERE "CaseId" = '{caseId}'""");
        // One row per key, and it is the one the key was acknowledged with: no retry created a second.
        Assert.Equal(acknowledged.Count, acknowledged.Select(a => a.Key).Distinct().Count());
        Assert.Equal(acknowledged.Select(a => a.Id.ToString()).Order(), stored.Select(s => s.Key).Order());

        var audit = await ScaleOutCluster.TokenAsync(Cluster.Nginx.Address, "admin@trajet.demo", DemoSeed.Password);
        using var administrator = ScaleOutCluster.Client(Cluster.Nginx.Address, audit);
        var verification = await administrator.GetFromJsonAsync<JsonElement>("/api/admin/audit/verify");
        Assert.True(verification.GetProperty("valid").GetBoolean(), verification.ToString());
    }

    private static async Task WaitUntilAsync(Func<bool> condition, DateTime deadline, List<Task> writing)
    {
        while (!condition())
        {
            Assert.False(writing.Any(t => t.IsCompleted), "a client stopped early");
            Assert.True(DateTime.UtcNow < deadline, "the writes did not reach their count in time");
            await Task.Delay(50);
        }
    }

    private sealed class OutboxClient(Uri proxy, string token, Guid caseId) : IDisposable
    {
        private readonly HttpClient client = ScaleOutCluster.Client(proxy, token);

        public ConcurrentQueue<(Guid Key, Guid Id)> Acknowledged { get; } = new();
        public int Retried { get; private set; }
        public int Failures { get; private set; }
        public string? Error { get; private set; }

        /// <summary>Records interactions until stopped; the one under way is resent until acknowledged, even after the stop.</summary>
        public async Task RunAsync(CancellationToken stop, DateTime deadline)
        {
            for (var n = 0; !stop.IsCancellationRequested && Error is null; n++)
            {
                var key = Guid.NewGuid();
                var body = new { type = "home-visit", date = "2026-11-20", durationMinutes = 15 + (n % 90), notes = $"Visit {key}" };
                for (var attempt = 1; ; attempt++)
                {
                    if (DateTime.UtcNow > deadline)
                    {
                        Error = $"{key} was still not acknowledged after {attempt - 1} attempts";
                        return;
                    }
                    using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{caseId}/interactions") { Content = JsonContent.Create(body) };
                    request.Headers.Add("Idempotency-Key", key.ToString());
                    try
                    {
                        using var response = await client.SendAsync(request, CancellationToken.None);
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            Acknowledged.Enqueue((key, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid()));
                            Retried += attempt > 1 ? 1 : 0;
                            break;
                        }
                        if (response.StatusCode is not (HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout))
                        {
                            Error = $"{key}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(CancellationToken.None)}";
                            return;
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                    {
                        // not acknowledged: sent again below, with the same key
                    }
                    Failures++;
                    await Task.Delay(20, CancellationToken.None);
                }
            }
        }

        public void Dispose() => client.Dispose();
    }
}
