namespace Trajet.Web.Features.Audit;

/// <summary>Marks a case page or endpoint whose reading is an export (the printable timeline). Downloads are exports anyway.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AuditExportAttribute : Attribute;

/// <summary>
/// Every read of a case or a person, in one place: any successful GET of a page or endpoint whose route
/// carries the id of a case (<c>/Cases/Details/{id}</c>, <c>/api/cases/{id}/…</c>, and whatever case page
/// is added later) is recorded before the answer leaves. A person is read through <c>{memberId}</c>,
/// a document through <c>{docId}</c>; an attachment or an <see cref="AuditExportAttribute"/> page is an export.
/// </summary>
public static class AuditReads
{
    public static IApplicationBuilder UseAuditedReads(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if ((HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
                && RouteGuid(context, "id") is { } id)
            {
                // Before the first byte goes out: a failure to record fails the request instead of leaking unrecorded.
                context.Response.OnStarting(() => RecordAsync(context, id));
            }
            await next(context);
        });

    private static async Task RecordAsync(HttpContext context, Guid id)
    {
        if (context.Response.StatusCode is < 200 or >= 300
            || await context.RequestServices.GetRequiredService<CurrentUser>().GetAsync() is not { } user)
        {
            return;
        }
        var (type, entityId) = RouteGuid(context, "memberId") is { } member ? ("Member", member)
            : RouteGuid(context, "docId") is { } document ? ("CaseDocument", document)
            : ("Case", id);
        var export = context.GetEndpoint()?.Metadata.GetMetadata<AuditExportAttribute>() is not null
            || context.Response.Headers.ContentDisposition.ToString().StartsWith("attachment", StringComparison.OrdinalIgnoreCase);
        await context.RequestServices.GetRequiredService<AuditTrail>().CaseAccessAsync(
            user, id, export ? AuditAction.Export : AuditAction.Read, type, entityId, context.Request.Path.Value);
    }

    private static Guid? RouteGuid(HttpContext context, string name) =>
        context.Request.RouteValues.TryGetValue(name, out var value) && Guid.TryParse(value?.ToString(), out var id) ? id : null;
}
