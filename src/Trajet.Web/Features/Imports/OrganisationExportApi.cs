using Trajet.Web.Features.Audit;
using Trajet.Web.Features.Documents;

namespace Trajet.Web.Features.Imports;

public static class OrganisationExportApi
{
    public static void MapOrganisationExportApi(this WebApplication app) =>
        app.MapGet("/api/organisations/{id:guid}/export", Export).WithTags("Imports")
            .Produces(StatusCodes.Status200OK, contentType: "application/zip");

    /// <summary>
    /// The archive, recorded in the audit trail before its first byte leaves (as every read of a case is). Who may take it
    /// is read on the primary; the counts and the rows come from the heavy reads' database (the standby when there is one).
    /// </summary>
    private static async Task<IResult> Export(Guid id, UserContext user, TrajetDbContext db, HeavyReads reads, DocumentStore documents, AuditTrail audit,
        IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct) =>
        await (await OrganisationExport.OrganisationForAsync(db, user, id, ct)).ToHttpAsync(l, async organisation =>
        {
            await OrganisationExport.RecordAsync(audit, user, organisation, await OrganisationExport.CountAsync(reads.Db, organisation, ct));
            var now = clock.GetUtcNow().UtcDateTime;
            return TypedResults.Stream(body => OrganisationExport.WriteAsync(body, reads.Db, documents, organisation, now, ct),
                "application/zip", OrganisationExport.FileName(organisation, clock.Today()));
        });
}
