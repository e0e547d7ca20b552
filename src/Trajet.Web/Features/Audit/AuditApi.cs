using System.Text.Json;

namespace Trajet.Web.Features.Audit;

public static class AuditApi
{
    public sealed record ActorDto(Guid? Id, string? Email);
    public sealed record EntryDto(long Sequence, DateTime At, ActorDto Actor, AuditAction Action, string? EntityType, string? EntityId, JsonElement? Details);
    public sealed record PageOf(IReadOnlyList<EntryDto> Items, int Total, int Page, int PageSize);

    public static IServiceCollection AddTrajetAudit(this IServiceCollection services) =>
        services.AddScoped<AuditContext>().AddSingleton<AuditTrail>();

    public static void MapAuditApi(this WebApplication app)
    {
        app.MapGet("/api/cases/{id:guid}/audit", CaseHistory).WithTags("Audit");
        app.MapGet("/api/admin/audit/verify", async (TrajetDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await AuditVerification.VerifyAsync(db, ct)))
            .RequireAuthorization(Roles.Administrator).WithTags("Audit");
    }

    /// <summary>For the pages and the API: whether the user may see the case's history (404 other organisation, 403 not its coordinator).</summary>
    public static async Task<(bool Found, bool Allowed)> CaseHistoryAccessAsync(TrajetDbContext db, UserContext user, Guid id, CancellationToken ct)
    {
        var found = await db.Cases.Visible(user).AnyAsync(c => c.Id == id, ct);
        return (found, found && user.IsCoordinator);
    }

    /// <summary>Newest first.</summary>
    public static IQueryable<AuditEntry> OfCase(TrajetDbContext db, Guid id) =>
        db.AuditEntries.AsNoTracking().Where(e => e.CaseId == id).OrderByDescending(e => e.Sequence);

    private static async Task<IResult> CaseHistory(Guid id, UserContext user, TrajetDbContext db, IStringLocalizer<SharedResource> l, CancellationToken ct, int page = 1, int pageSize = 50)
    {
        var (found, allowed) = await CaseHistoryAccessAsync(db, user, id, ct);
        if (!found)
        {
            return TypedResults.NotFound();
        }
        if (!allowed)
        {
            return TypedResults.Forbid();
        }
        if (Pager.Check(page, pageSize) is [_, ..] errors)
        {
            return errors.ToProblem(l);
        }
        var total = await db.AuditEntries.CountAsync(e => e.CaseId == id, ct);
        var entries = await OfCase(db, id).Skip(Pager.SkipFor(page, pageSize)).Take(pageSize).ToListAsync(ct);
        await PersonSeal.OpenAllAsync(db, entries, ct);
        return TypedResults.Ok(new PageOf(entries.Select(ToDto).ToList(), total, page, pageSize));
    }

    private static EntryDto ToDto(AuditEntry e) => new(e.Sequence, DateTime.SpecifyKind(e.At, DateTimeKind.Utc), new ActorDto(e.ActorId, e.ActorEmail),
        e.Action, e.EntityType, e.EntityId, e.Details is null ? null : JsonSerializer.Deserialize<JsonElement>(e.Details));
}
