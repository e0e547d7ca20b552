using System.Net.Http.Json;
using System.Text.Json;
using Trajet.Web.Features.Demo;
using Xunit.Abstractions;

namespace Trajet.Tests.ScaleOut;

/// <summary>The evaluation report, a long read, served from the streaming standby by the instance configured for it.</summary>
[Collection(ScaleOutCollection.Name)]
public sealed class StandbyReportTests(ScaleOutCluster cluster, ITestOutputHelper output) : ScaleOutTest(cluster, output)
{
    private const string Report = "/api/reports/evaluation?programme=plan-together";

    [Fact]
    public async Task EvaluationReportThroughTheStandby_EqualsThePrimarys_OnceReplicationCaughtUp()
    {
        using var coordinatorOnPrimary = Cluster.First.Client(await ScaleOutCluster.TokenAsync(Cluster.First.Address, "coordinator@ngo.demo", DemoSeed.Password));
        using var coordinatorOnStandby = Cluster.Second.Client(await ScaleOutCluster.TokenAsync(Cluster.Second.Address, "coordinator@ngo.demo", DemoSeed.Password));
        using var manager = Cluster.First.Client(await ScaleOutCluster.TokenAsync(Cluster.First.Address, "cm1@ngo.demo", DemoSeed.Password));
        var before = await coordinatorOnPrimary.GetStringAsync(Report);

        // With replay paused, a report that still reads as before came from the standby, not the primary. The standby
        // first catches up with what came before; the pause is asked for, then waited for (PostgreSQL's docs say so).
        await Cluster.WaitForStandbyAsync();
        await ScaleOutCluster.ScalarAsync<object>(Cluster.StandbyDatabase, "SELECT pg_wal_replay_pause()::text");
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (await ScaleOutCluster.ScalarAsync<string>(Cluster.StandbyDatabase, "SELECT pg_get_wal_replay_pause_state()") != "paused")
        {
            Assert.True(DateTime.UtcNow < deadline, "the standby's replay did not pause");
            await Task.Delay(20);
        }
        string written, stale;
        try
        {
            await WriteSheetAsync(manager);
            written = await coordinatorOnPrimary.GetStringAsync(Report);
            stale = await coordinatorOnStandby.GetStringAsync(Report);
        }
        finally
        {
            await ScaleOutCluster.ScalarAsync<object>(Cluster.StandbyDatabase, "SELECT pg_wal_replay_resume()::text");
        }
        Assert.NotEqual(before, written);
        Assert.Equal(before, stale);

        // Reports are kept (Reports/ReportFigures.cs): the figure read from the paused standby after the change must not
        // have been kept, or it would be served now (checked: it is when the standby's catching up is not waited for).
        await Cluster.WaitForStandbyAsync();
        Assert.Equal(await coordinatorOnPrimary.GetStringAsync(Report), await coordinatorOnStandby.GetStringAsync(Report));
        Assert.Equal(written, await coordinatorOnStandby.GetStringAsync(Report));
    }

    /// <summary>A sheet for an active case of the programme, today, judging everything negative: the report's counts move.</summary>
    private static async Task WriteSheetAsync(HttpClient manager)
    {
        var cases = await manager.GetFromJsonAsync<JsonElement>("/api/cases?programme=plan-together&status=active");
        var id = cases.GetProperty("items")[0].GetProperty("id").GetGuid();
        using var response = await manager.PostAsJsonAsync($"/api/cases/{id}/summary-sheets", new
        {
            date = DateOnly.FromDateTime(DateTime.Now).ToString("yyyy-MM-dd"),
            impact = new { engagement = "negative", risk = "negative", trust = "negative" },
            group1 = new { impact = "negative" },
            group2 = new { impact = "negative" },
            group3 = new { impact = "negative" },
        });
        Assert.True(response.IsSuccessStatusCode, $"the sheet answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
