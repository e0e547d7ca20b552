using System.Globalization;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Trajet.Web.Infrastructure;

/// <summary>Marks an endpoint whose POSTs are sign-in attempts, counted per client address and per account.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SignInAttemptAttribute : Attribute;

public static class RateLimits
{
    /// <summary>
    /// At most two evaluation reports built at once, the others waiting their turn: each is a long scan that holds a
    /// programme's cohort in memory (BENCHMARKS.md).
    /// </summary>
    public const string Reports = "reports";

    /// <summary>
    /// Calendar feeds, read without signing in: at most four built at once, the others queued. Per client address would
    /// throttle everyone behind one calendar service (Google's, Microsoft's); guessing a feed's 256-bit secret is hopeless anyway.
    /// </summary>
    public const string CalendarFeeds = "calendar-feeds";

    /// <summary>How long a throttled person waits, for the status page that tells them.</summary>
    public const string RetryAfterItem = "trajet:retry-after";

    private const string AccountItem = "trajet:sign-in-account";

    /// <summary>
    /// Sign-in attempts (POSTs only: loading the form is free) per client address (<c>RateLimits:LoginPerMinute</c>, 60:
    /// an office behind one connection signs in at nine) and per account (<c>RateLimits:LoginPerAccountPerMinute</c>, 10).
    /// </summary>
    public static IServiceCollection AddTrajetRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var perAddress = configuration.GetValue("RateLimits:LoginPerMinute", 60);
        var perAccount = configuration.GetValue("RateLimits:LoginPerAccountPerMinute", 10);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(c => AccountOf(c) is null
                    ? RateLimitPartition.GetNoLimiter("")
                    : PerMinute("address:" + (c.Connection.RemoteIpAddress?.ToString() ?? "local"), perAddress)),
                PartitionedRateLimiter.Create<HttpContext, string>(c => AccountOf(c) is { Length: > 0 } account
                    ? PerMinute("account:" + account, perAccount)
                    : RateLimitPartition.GetNoLimiter("")));
            o.AddConcurrencyLimiter(Reports, c =>
            {
                c.PermitLimit = 2;
                c.QueueLimit = 256;
                c.QueueProcessingOrder = QueueProcessingOrder.OldestFirst;
            });
            o.AddConcurrencyLimiter(CalendarFeeds, c =>
            {
                c.PermitLimit = 4;
                c.QueueLimit = 256;
                c.QueueProcessingOrder = QueueProcessingOrder.OldestFirst;
            });
            o.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                if (!http.Request.IsApi())
                {
                    // Left empty: the status page says it in the person's language.
                    http.Items[RetryAfterItem] = wait;
                    return;
                }
                var reports = http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == Reports;
                var l = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails =
                    {
                        Status = 429,
                        Title = reports ? l["Too many reports are being built. Try again in a minute."] : l["Too many sign-in attempts. Wait a minute and try again."],
                    },
                });
            };
        });
        return services;
    }

    /// <summary>Notes the account a sign-in attempt names, before the limiter counts it (runs after routing).</summary>
    public static IApplicationBuilder UseSignInAttempts(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (HttpMethods.IsPost(context.Request.Method) && context.GetEndpoint()?.Metadata.GetMetadata<SignInAttemptAttribute>() is not null)
        {
            context.Items[AccountItem] = (await AccountNamedAsync(context.Request))?.Trim().ToUpperInvariant() ?? "";
        }
        else
        {
            // The status page that explains a refusal runs in the same request: it is not another attempt.
            context.Items.Remove(AccountItem);
        }
        await next(context);
    });

    /// <summary>Null when the request is not a sign-in attempt; "" when it names no account.</summary>
    private static string? AccountOf(HttpContext context) => context.Items.TryGetValue(AccountItem, out var account) ? account as string : null;

    private static RateLimitPartition<string> PerMinute(string key, int permits) => RateLimitPartition.GetFixedWindowLimiter(key,
        _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });

    /// <summary>The e-mail of the sign-in form (<c>Input.Email</c>) or of the API's JSON body (<c>email</c>).</summary>
    private static async Task<string?> AccountNamedAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            return (await request.ReadFormAsync()).TryGetValue("Input.Email", out var email) ? email.FirstOrDefault() : null;
        }
        if (!request.HasJsonContentType())
        {
            return null;
        }
        request.EnableBuffering();
        try
        {
            using var json = await JsonDocument.ParseAsync(request.Body);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("email", out var email) && email.ValueKind == JsonValueKind.String
                ? email.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
        finally
        {
            request.Body.Position = 0;
        }
    }
}
