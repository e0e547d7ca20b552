using Microsoft.AspNetCore.Http.HttpResults;

namespace Trajet.Web.Features.Accounts;

/// <summary>
/// An evaluator sees no free text written about a case or a person. The API is closed to evaluators by default: a
/// read answers 404 unless its endpoint was marked <see cref="ForEvaluators{TBuilder}"/>, which it may only be when it
/// leaves out every free-text field for them (<see cref="UserContext.SeesAggregatesOnly"/>). Writes are refused by
/// each use case (403), as for any reader.
/// </summary>
public static class EvaluatorWall
{
    /// <summary>The endpoint's answer holds counts, codes and dates for an evaluator, never text someone typed.</summary>
    public sealed class ReadableByEvaluators;

    public static TBuilder ForEvaluators<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ReadableByEvaluators());

    public static IApplicationBuilder UseEvaluatorWall(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            {
                var endpoint = context.GetEndpoint();
                if (endpoint is not null && context.Request.Path.StartsWithSegments("/api")
                    && endpoint.Metadata.GetMetadata<ReadableByEvaluators>() is null
                    && endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is null
                    && await context.RequestServices.GetRequiredService<CurrentUser>().GetAsync(context.RequestAborted) is { SeesAggregatesOnly: true })
                {
                    await TypedResults.NotFound().ExecuteAsync(context);
                    return;
                }
            }
            await next(context);
        });
}
