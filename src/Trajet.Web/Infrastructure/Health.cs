using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Trajet.Web.Infrastructure;

public static class Health
{
    public static IServiceCollection AddTrajetHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    public static void MapTrajetHealth(this WebApplication app) =>
        app.MapHealthChecks("/health").AllowAnonymous().DisableHttpMetrics();
}

/// <summary>Healthy when the schema is in place and a query answers.</summary>
internal sealed class DatabaseHealthCheck(TrajetDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await db.Organisations.AnyAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", e);
        }
    }
}
