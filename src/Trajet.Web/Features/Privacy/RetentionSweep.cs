using Trajet.Web.Features.Documents;

namespace Trajet.Web.Features.Privacy;

/// <summary>
/// Erases the cases closed longer ago than the retention period (<c>Privacy:RetentionMonthsAfterClosure</c>; 0 keeps
/// everything). Erasure is pseudonymisation (<see cref="ErasePerson"/>), so the evaluation reports' counts stay.
/// </summary>
public static class RetentionSweep
{
    public const string Setting = "Privacy:RetentionMonthsAfterClosure";

    /// <summary>The last closing day whose cases are due for erasure on <paramref name="today"/>; null when retention is off.</summary>
    public static DateOnly? Cutoff(int months, DateOnly today) => months <= 0 ? null : today.AddMonths(-months);

    /// <summary>Erases the due cases, a few at a time; returns how many.</summary>
    public static async Task<int> RunAsync(IServiceScopeFactory scopes, int months, DateOnly today, CancellationToken ct)
    {
        if (Cutoff(months, today) is not { } cutoff)
        {
            return 0;
        }
        var erased = 0;
        while (true)
        {
            // A fresh context per batch keeps the change tracker small on a large backlog.
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TrajetDbContext>();
            var documents = scope.ServiceProvider.GetRequiredService<DocumentStore>();
            var due = await db.Cases
                .Where(c => c.Status == CaseStatus.Closed && c.ClosedOn != null && c.ClosedOn < cutoff && c.ErasedOn == null)
                .OrderBy(c => c.ClosedOn).Take(20).ToListAsync(ct);
            if (due.Count == 0)
            {
                return erased;
            }
            foreach (var c in due)
            {
                await ErasePerson.EraseCaseAsync(db, documents, c, ErasureReason.Retention, today, ct);
                erased++;
            }
        }
    }
}

/// <summary>Runs <see cref="RetentionSweep"/> a minute after start-up, then daily.</summary>
public sealed class RetentionService(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<RetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var months = configuration.GetValue<int>(RetentionSweep.Setting);
        if (months <= 0)
        {
            return;
        }
        try
        {
            await Task.Delay(TimeSpan.FromMinutes(1), clock, stoppingToken);
            using var daily = new PeriodicTimer(TimeSpan.FromDays(1), clock);
            do
            {
                try
                {
                    var erased = await RetentionSweep.RunAsync(scopes, months, clock.Today(), stoppingToken);
                    if (erased > 0)
                    {
                        logger.LogInformation("Retention: erased {Count} cases closed more than {Months} months ago", erased, months);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Tomorrow's run tries again; the server keeps serving.
                    logger.LogError(e, "Retention sweep failed");
                }
            }
            while (await daily.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
