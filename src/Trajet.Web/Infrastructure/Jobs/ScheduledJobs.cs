namespace Trajet.Web.Infrastructure.Jobs;

/// <summary>A piece of work the app does by itself every <see cref="Every"/>, on one instance at a time.</summary>
public interface IScheduledJob
{
    string Name { get; }
    TimeSpan Every { get; }
    Task RunAsync(IServiceProvider services, CancellationToken ct);
}

/// <summary>
/// Looks every minute for jobs whose time has come, and runs each under its lease (<see cref="JobLease"/>): an
/// instance that finds the lease held, or the job run recently by another, leaves it. <c>Jobs:Enabled=false</c> turns
/// the scheduler off (tests; an instance kept for web requests only).
/// </summary>
public sealed class ScheduledJobs(IServiceScopeFactory scopes, IEnumerable<IScheduledJob> jobs, IConfiguration config, TimeProvider clock, ILogger<ScheduledJobs> logger) : BackgroundService
{
    /// <summary>Long enough for a slow run; an instance that dies mid-run frees its jobs after this.</summary>
    private static readonly TimeSpan LeaseLength = TimeSpan.FromMinutes(30);

    // Unique per process; the machine's name tells an operator reading JobLeases where a job runs.
    private readonly string holder = $"{Guid.NewGuid():N} {Environment.MachineName}" is var h && h.Length > 100 ? h[..100] : h;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("Jobs:Enabled", true))
        {
            return;
        }
        try
        {
            using var minute = new PeriodicTimer(TimeSpan.FromMinutes(1), clock);
            while (await minute.WaitForNextTickAsync(stoppingToken))
            {
                foreach (var job in jobs)
                {
                    await RunIfDueAsync(job, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Runs the job if it is due and this instance takes its lease; true when it ran.</summary>
    public async Task<bool> RunIfDueAsync(IScheduledJob job, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TrajetDbContext>();
            var now = clock.GetUtcNow().UtcDateTime;
            var last = await db.JobLeases.Where(j => j.Name == job.Name).Select(j => j.LastRunAt).FirstOrDefaultAsync(ct);
            if (last + job.Every > now || !await JobLease.TryTakeAsync(db, job.Name, holder, now, LeaseLength, now - job.Every, ct))
            {
                return false;
            }
            try
            {
                await job.RunAsync(scope.ServiceProvider, ct);
            }
            finally
            {
                await JobLease.ReleaseAsync(db, job.Name, holder, clock.GetUtcNow().UtcDateTime, CancellationToken.None);
            }
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The next tick tries again; the server keeps serving.
            logger.LogError(e, "Scheduled job {Job} failed", job.Name);
            return false;
        }
    }
}

public static class JobsSetup
{
    public static IServiceCollection AddTrajetJobs(this IServiceCollection services) =>
        services.AddSingleton<ScheduledJobs>().AddHostedService(s => s.GetRequiredService<ScheduledJobs>());
}
