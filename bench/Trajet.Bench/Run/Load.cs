using System.Diagnostics;
using System.Net;

namespace Trajet.Bench.Run;

/// <summary>One kind of request: how to build the n-th one for a client, and what counts as success.</summary>
public sealed record Scenario(string Name, Func<int, int, HttpRequestMessage> Build, HttpStatusCode Expected = HttpStatusCode.OK)
{
    /// <summary>Looks at a successful answer (e.g. to score search recall); false makes it an error.</summary>
    public Func<int, string, bool>? Check { get; init; }
}

public sealed record Result(string Scenario, int Clients, int Requests, int Errors, double P50, double P95, double P99, double Throughput, double Seconds, double MaxRssMb, double CpuMsPerRequest)
{
    public string? FirstError { get; init; }
}

/// <summary>
/// A closed-loop load generator: N clients, each sends its next request when the previous one
/// answered. Bounded by a number of requests and by time; latency is measured to the last byte.
/// </summary>
public static class Load
{
    public static async Task<Result> RunAsync(HttpClient http, Scenario scenario, int clients, int maxRequests, TimeSpan maxTime, AppProcess app)
    {
        var latencies = new List<double>[clients];
        var errors = 0;
        var issued = 0;
        string? firstError = null;
        app.TakeWindowMaxMb();
        var cpu = app.CpuMs();
        var wall = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var mine = latencies[client] = [];
            while (wall.Elapsed < maxTime)
            {
                var n = Interlocked.Increment(ref issued) - 1;
                if (n >= maxRequests)
                {
                    return;
                }
                using var request = scenario.Build(client, n);
                var started = Stopwatch.GetTimestamp();
                string? error = null;
                try
                {
                    using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
                    var body = await response.Content.ReadAsStringAsync();
                    if (response.StatusCode != scenario.Expected)
                    {
                        error = $"{(int)response.StatusCode} {request.RequestUri}: {body[..Math.Min(200, body.Length)]}";
                    }
                    else if (scenario.Check is { } check && !check(n, body))
                    {
                        error = $"check failed for {request.RequestUri}";
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    error = $"{e.GetType().Name}: {e.Message}";
                }
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (error is not null)
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, error, null);
                }
            }
        })).ToList();
        await Task.WhenAll(workers);
        var seconds = wall.Elapsed.TotalSeconds;
        var all = latencies.Where(l => l is not null).SelectMany(l => l).Order().ToArray();
        return new Result(scenario.Name, clients, all.Length, errors, Percentile(all, 0.50), Percentile(all, 0.95), Percentile(all, 0.99),
            all.Length / seconds, seconds, app.TakeWindowMaxMb(), all.Length == 0 ? 0 : (app.CpuMs() - cpu) / all.Length)
        { FirstError = firstError };
    }

    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
