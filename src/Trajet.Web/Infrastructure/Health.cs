using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Trajet.Web.Infrastructure;

/// <summary>
/// <c>/health</c> and <c>/health/ready</c> (for a load balancer): the database answers, its schema is this version's,
/// and the instance is not stopping; <c>/health/live</c>: the process answers. A stop (SIGTERM) lets requests in flight
/// finish for up to <c>Host:ShutdownSeconds</c> (30).
/// </summary>
public static class Health
{
    private const string Ready = "ready";

    public static IServiceCollection AddTrajetHealth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<DatabaseHealthCheck.Schema>();
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [Ready])
            .AddCheck<StoppingHealthCheck>("stopping", tags: [Ready]);
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(configuration.GetValue("Host:ShutdownSeconds", 30)));
        return services;
    }

    public static void MapTrajetHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health").AllowAnonymous().DisableHttpMetrics();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready) }).AllowAnonymous().DisableHttpMetrics();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous().DisableHttpMetrics();
    }
}

/// <summary>Healthy when a query answers and every migration this version knows has been applied.</summary>
internal sealed class DatabaseHealthCheck(TrajetDbContext db, DatabaseHealthCheck.Schema schema) : IHealthCheck
{
    /// <summary>Once the schema is this version's it stays so while the app runs: later checks are one query.</summary>
    internal sealed class Schema
    {
        public volatile bool Current;
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await db.Organisations.AnyAsync(cancellationToken);
            if (!schema.Current)
            {
                var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
                if (pending > 0)
                {
                    return HealthCheckResult.Unhealthy($"{pending} migration(s) not applied yet.");
                }
                schema.Current = true;
            }
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", e);
        }
    }
}

/// <summary>Unhealthy from the moment the instance starts stopping, so that the balancer sends nothing new to it.</summary>
internal sealed class StoppingHealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested ? HealthCheckResult.Unhealthy("Stopping.") : HealthCheckResult.Healthy());
}
