using System.Diagnostics.Metrics;
using Microsoft.Extensions.Caching.Hybrid;
using Trajet.Web.Features.Instruments;
using Trajet.Web.Features.Interactions;
using Trajet.Web.Features.Privacy;

namespace Trajet.Web.Features.Reports;

public static class ReportsSetup
{
    public static IServiceCollection AddTrajetReports(this IServiceCollection services)
    {
        // Memory only: a shared second level would need emptying too, and each instance computes a report in well under a second.
        services.AddHybridCache();
        return services.AddSharedCache<ReportFigures>();
    }
}

/// <summary>
/// The evaluation reports computed, kept <c>Reports:CacheMinutes</c> (10; 0 turns it off). Identical requests at once
/// wait for one computation (HybridCache). Any save that can change a figure (<see cref="EmptyReportFigures"/>) moves
/// the generation that is part of every key, in every instance. A figure read from a standby is kept only when the
/// standby had replayed everything the primary had written when the computation began (<see cref="HeavyReads.CaughtUpAsync"/>).
/// </summary>
public sealed class ReportFigures(HybridCache cache, IConfiguration configuration, IMeterFactory meters) : SharedCache(configuration)
{
    private readonly TimeSpan lifetime = TimeSpan.FromMinutes(configuration.GetValue("Reports:CacheMinutes", 10.0));
    private readonly TimeSpan standbyWait = TimeSpan.FromMilliseconds(configuration.GetValue("Reports:StandbyWaitMilliseconds", 1000));
    private readonly Counter<long> computed = meters.Create("Trajet.Reports").CreateCounter<long>("trajet.reports.computed", description: "Evaluation reports computed (not served from the cache)");

    public override string Name => "reports";

    // Every key carries the generation: a change leaves the old entries unreachable until they expire.
    protected override void Clear()
    {
    }

    public async Task<EvaluationReport.Report> EvaluationAsync(IServiceScopeFactory scopes, Programme programme, DateOnly? from, DateOnly? to,
        EvaluationReport.Basis basis, DateOnly today, CancellationToken ct)
    {
        Task<EvaluationReport.Report> Compute(CancellationToken token)
        {
            computed.Add(1);
            return EvaluationReport.BuildAsync(scopes, programme.Id, programme.Slug, from, to, basis, today, token);
        }
        var generation = Generation;
        if (lifetime <= TimeSpan.Zero || generation < 0)
        {
            return await Compute(ct);
        }
        var key = $"evaluation/{programme.Id:N}/{programme.Slug}/{from:O}/{to:O}/{basis}/{today:O}/{generation}";
        var options = new HybridCacheEntryOptions { Expiration = lifetime, LocalCacheExpiration = lifetime };
        try
        {
            return await cache.GetOrCreateAsync(key, async token =>
            {
                await using var scope = scopes.CreateAsyncScope();
                if (!await scope.ServiceProvider.GetRequiredService<HeavyReads>().CaughtUpAsync(standbyWait, token))
                {
                    throw new StandbyBehind();
                }
                return await Compute(token);
            }, options, cancellationToken: ct);
        }
        catch (StandbyBehind)
        {
            // Served as read, never kept: the standby will have replayed the change by the next request.
            return await Compute(ct);
        }
    }

    private sealed class StandbyBehind : Exception;
}

/// <summary>A saved change of anything the evaluation report reads empties <see cref="ReportFigures"/>.</summary>
public sealed class EmptyReportFigures() : EmptySharedCache<ReportFigures>(e =>
    e is Case or Member or CaseSupportPeriod or SummarySheet or BaselineSheet or Interaction or Consent);
