using Trajet.Web.Features.Audit;
using Trajet.Web.Features.Documents;

namespace Trajet.Web.Features.Imports;

public static class OrganisationExportApi
{
    public static void MapOrganisationExportApi(this WebApplication app) =>
        app.MapGet("/api/organisations/{id:guid}/export", Export).WithTags("Imports")
            .Produces(StatusCodes.Status200OK, contentType: "application/zip");

    /// <summary>The archive, recorded in the audit trail before its first byte leaves (as every read of a case is).</summary>
    private static async Task<IResult> Export(Guid id, UserContext user, TrajetDbContext db, DocumentStore documents, AuditTrail audit,
        IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct) =>
        await (await OrganisationExport.OrganisationForAsync(db, user, id, ct)).ToHttpAsync(l, async organisation =>
        {
            await OrganisationExport.RecordAsync(audit, user, organisation, await OrganisationExport.CountAsync(db, organisation, ct));
            var now = clock.GetUtcNow().UtcDateTime;
            return TypedResults.Stream(body => OrganisationExport.WriteAsync(body, db, documents, organisation, now, ct),
                "application/zip", OrganisationExport.FileName(organisation, clock.Today()));
        });
}
