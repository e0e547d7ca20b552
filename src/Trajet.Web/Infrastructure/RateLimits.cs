using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Trajet.Web.Infrastructure;

public static class RateLimits
{
    public const string Login = "login";

    /// <summary>
    /// At most two evaluation reports built at once, the others waiting their turn: each is a long scan that holds a
    /// programme's cohort in memory (BENCHMARKS.md).
    /// </summary>
    public const string Reports = "reports";

    /// <summary>Sign-in attempts per client address and minute (<c>RateLimits:LoginPerMinute</c>, default 10).</summary>
    public static IServiceCollection AddTrajetRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("RateLimits:LoginPerMinute", 10);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Login, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.AddConcurrencyLimiter(Reports, c =>
            {
                c.PermitLimit = 2;
                c.QueueLimit = 256;
                c.QueueProcessingOrder = QueueProcessingOrder.OldestFirst;
            });
            o.OnRejected = async (context, cancellationToken) =>
            {
                var reports = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == Reports;
                var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails =
                    {
                        Status = 429,
                        Title = reports ? "Too many reports are being built. Try again in a minute." : "Too many sign-in attempts. Wait a minute and try again.",
                    },
                });
            };
        });
        return services;
    }
}
