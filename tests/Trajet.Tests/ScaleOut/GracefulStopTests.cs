using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Trajet.Tests.Features.Cases;
using Trajet.Web.Features.Demo;
using Xunit.Abstractions;

namespace Trajet.Tests.ScaleOut;

/// <summary>An instance told to stop (SIGTERM, as <c>systemctl stop</c> or a rolling upgrade) finishes what it was doing.</summary>
[Collection(ScaleOutCollection.Name)]
public sealed class GracefulStopTests(ScaleOutCluster cluster, ITestOutputHelper output) : ScaleOutTest(cluster, output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ARequestUnderWay_WhenTheInstanceIsStopped_IsAnsweredAndSaved_WhileTheInstanceLeavesTheRotation()
    {
        var instance = Cluster.First;
        var token = await ScaleOutCluster.TokenAsync(instance.Address, "cm1@ngo.demo", DemoSeed.Password);
        using var client = instance.Client(token);
        var (caseId, _) = await CaseBuilder.OpenAsync(client, "plan-together", date: "2026-11-02");
        var body = JsonSerializer.SerializeToUtf8Bytes(new { type = "home-visit", date = "2026-11-21", durationMinutes = 40, notes = "Typed while the server stopped" });
        var content = new TwoPartContent(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{caseId}/interactions") { Content = content };
        try
        {
            var sending = client.SendAsync(request);
            await content.HalfSent.WaitAsync(Patience);

            instance.Terminate();
            // A new request finds the instance out of the rotation: 503 from /health/ready, or no connection at all.
            await WaitUntilNotReadyAsync(instance);
            content.SendTheRest();

            using var response = await sending.WaitAsync(Patience);
            var exited = await instance.WaitForExitAsync(Patience);
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}\n{instance.Tail()}");
            var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            Assert.True(exited, "the instance did not exit after its last request");
            var stored = await ScaleOutCluster.CountsAsync(Cluster.Database, $"""SELECT "Id"::text, 1::bigint FROM "Interactions" WHERE "Id" = '{id}'""");
            Assert.Single(stored);
        }
        finally
        {
            content.SendTheRest();
            await instance.RestartAsync(DateTime.UtcNow + TimeSpan.FromMinutes(2));
        }
    }

    private static async Task WaitUntilNotReadyAsync(TrajetInstance instance)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            using var probe = new HttpClient { BaseAddress = instance.Address, Timeout = TimeSpan.FromSeconds(5) };
            try
            {
                using var ready = await probe.GetAsync("/health/ready");
                if (ready.StatusCode != HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return;
            }
            Assert.True(DateTime.UtcNow < deadline, "the stopping instance still said it was ready");
            await Task.Delay(50);
        }
    }

    /// <summary>A body sent in two halves: the second only when the test says, so the request is under way meanwhile.</summary>
    private sealed class TwoPartContent : HttpContent
    {
        private readonly byte[] body;

        public TwoPartContent(byte[] body)
        {
            this.body = body;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        private readonly TaskCompletionSource halfSent = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource rest = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task HalfSent => halfSent.Task;

        public void SendTheRest() => rest.TrySetResult();

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var half = body.Length / 2;
            await stream.WriteAsync(body.AsMemory(0, half));
            await stream.FlushAsync();
            halfSent.TrySetResult();
            await rest.Task;
            await stream.WriteAsync(body.AsMemory(half));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = body.Length;
            return true;
        }
    }
}
