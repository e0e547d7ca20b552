namespace Trajet.Web.Features.Accounts;

/// <summary>
/// An evaluator sees no free text written about a case or a person: their API reads answer 404 unless the endpoint is
/// marked <see cref="ForEvaluators{TBuilder}"/>, which only a read that leaves every typed text out for them may carry.
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
