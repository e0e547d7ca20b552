using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;

namespace Trajet.Web.Infrastructure;

/// <summary>RFC 9457 problem details for everything under /api; HTML error pages elsewhere.</summary>
public static class Problems
{
    public static bool IsApi(this HttpRequest request) => request.Path.StartsWithSegments("/api");

    public static IServiceCollection AddTrajetProblems(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
            c.ProblemDetails.Extensions["traceId"] = c.HttpContext.TraceIdentifier);
        services.AddExceptionHandler<ApiExceptionHandler>();
        return services;
    }

    public static WebApplication UseTrajetProblems(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/Error",
            // A standby that does not answer is a service unavailable for a while, not a fault of the app.
            StatusCodeSelector = e => e is ReadOnlyDatabaseUnavailableException ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError,
        });
        app.UseWhen(c => c.Request.IsApi(), api => api.UseStatusCodePages());
        app.UseWhen(c => !c.Request.IsApi(), ui => ui.UseStatusCodePagesWithReExecute("/Status", "?code={0}"));
        return app;
    }

    /// <summary>Unknown routes under /api answer a 404 problem, never the HTML not-found page.</summary>
    public static void MapApiFallback(this WebApplication app) =>
        app.MapFallback("/api/{**path}", () => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found"));
}

/// <summary>Maps what can go wrong in an API call to a problem; leaves pages to the /Error page.</summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problems, IStringLocalizer<SharedResource> l, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The middleware has already switched Request.Path to /Error: look at the original path.
        var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path;
        if (!new PathString(path).StartsWithSegments("/api"))
        {
            return false;
        }

        // The culture the request was read in (set by localization, which the exception has left).
        if (httpContext.Features.Get<IRequestCultureFeature>()?.RequestCulture is { } culture)
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture.Culture, culture.UICulture);
        }
        ProblemDetails problem = exception switch
        {
            // Malformed JSON or a value of the wrong type: name the field from the JSON path.
            BadHttpRequestException { InnerException: JsonException json } => new ValidationProblemDetails(
                new Dictionary<string, string[]> { [FieldName(json.Path)] = [l[json is FieldValueException ? json.Message : "The value is not valid."]] })
            { Status = 400, Title = l["Some fields are not valid."] },
            BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode, Title = "Bad request", Detail = bad.Message },
            DbUpdateConcurrencyException => new ProblemDetails
            {
                Status = 409,
                Title = "Someone else changed this record. Reload it and apply your change again.",
            },
            // Logged where it happened (ReadOnlyDatabaseFailures).
            ReadOnlyDatabaseUnavailableException => new ProblemDetails { Status = 503, Title = l["Reports and exports cannot be read for the moment. Try again in a few minutes."] },
            _ => new ProblemDetails { Status = 500, Title = "An unexpected error occurred." },
        };

        if (problem.Status == 500)
        {
            logger.LogError(exception, "Unhandled exception on {Path}", path);
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    // "$.referral.date" → "referral.date"
    private static string FieldName(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$', '.');
}
