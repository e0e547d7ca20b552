using Microsoft.Extensions.DependencyInjection;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Infrastructure.Jobs;

namespace Trajet.Tests.Features.Operations;

/// <summary>Two instances of the app on one database: a scheduled job runs on one of them, once.</summary>
public abstract class ScheduledJobTests(TrajetApp app)
{
    private sealed class CountingJob(string name) : IScheduledJob
    {
        private int runs;
        public int Runs => runs;
        public string Name => name;
        public TimeSpan Every => TimeSpan.FromHours(1);

        public async Task RunAsync(IServiceProvider services, CancellationToken ct)
        {
            Interlocked.Increment(ref runs);
            await Task.Yield();
        }
    }

    [Fact]
    public async Task Job_DueOnTwoInstancesAtOnce_RunsOnOne_AndNotAgainBeforeItsTime()
    {
        await using var second = new TrajetApp(app.Provider, connectionString: app.ConnectionString);
        await second.InitializeAsync();
        var job = new CountingJob($"test-{Guid.NewGuid():N}"[..30]);
        var schedulers = new[] { app.Services.GetRequiredService<ScheduledJobs>(), second.Services.GetRequiredService<ScheduledJobs>() };

        var ran = await Task.WhenAll(schedulers.Concat(schedulers).Select(s => s.RunIfDueAsync(job, CancellationToken.None)));

        Assert.Equal(1, ran.Count(r => r));
        Assert.Equal(1, job.Runs);
        Assert.False(await schedulers[1].RunIfDueAsync(job, CancellationToken.None)); // it ran less than an hour ago
        Assert.Equal(1, job.Runs);
    }
}

public sealed class ScheduledJobTestsOnSqlite(SqliteApp app) : ScheduledJobTests(app), IClassFixture<SqliteApp>;

public sealed class ScheduledJobTestsOnPostgres(PostgresApp app) : ScheduledJobTests(app), IClassFixture<PostgresApp>;
