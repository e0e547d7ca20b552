using Trajet.Web.Features.Documents;
using Trajet.Web.Infrastructure.Jobs;

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

/// <summary>Runs <see cref="RetentionSweep"/> daily, on one instance (<see cref="ScheduledJobs"/>).</summary>
public sealed class RetentionJob : IScheduledJob
{
    public string Name => "retention";
    public TimeSpan Every => TimeSpan.FromDays(1);

    public async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var months = services.GetRequiredService<IConfiguration>().GetValue<int>(RetentionSweep.Setting);
        var erased = await RetentionSweep.RunAsync(services.GetRequiredService<IServiceScopeFactory>(), months, services.GetRequiredService<TimeProvider>().Today(), ct);
        if (erased > 0)
        {
            services.GetRequiredService<ILogger<RetentionJob>>().LogInformation("Retention: erased {Count} cases closed more than {Months} months ago", erased, months);
        }
    }
}
