using System.Text.Json;
using Trajet.Web.Features.Documents;

namespace Trajet.Web.Features.Privacy;

/// <summary>Subject rights over HTTP: a person's data as a JSON file, and their erasure. Coordinators of the case's organisation only.</summary>
public static class SubjectRightsApi
{
    public sealed record ErasedDto(Guid MemberId, DateOnly ErasedOn, bool CaseErased);

    public static IServiceCollection AddTrajetSubjectRights(this IServiceCollection services) =>
        services.AddHostedService<RetentionService>();

    public static void MapSubjectRightsApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/cases/{id:guid}/members/{memberId:guid}").WithTags("Privacy");
        group.MapGet("/export", Export);
        group.MapPost("/erase", Erase);
    }

    /// <summary>The case (tracked) for a coordinator of its organisation; else 404 (not visible) or 403 (visible, not a coordinator).</summary>
    public static async Task<(Case? Case, IResult? Denied)> CaseForCoordinatorAsync(TrajetDbContext db, UserContext user, Guid id, CancellationToken ct)
    {
        var c = await db.Cases.Visible(user).SingleOrDefaultAsync(x => x.Id == id, ct);
        return c is null ? (null, TypedResults.NotFound()) : user.IsCoordinator && !user.SeesAggregatesOnly ? (c, null) : (null, TypedResults.Forbid());
    }

    private static async Task<IResult> Export(Guid id, Guid memberId, CurrentUser current, TrajetDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var (c, denied) = await CaseForCoordinatorAsync(db, user, id, ct);
        if (c is null)
        {
            return denied!;
        }
        var document = await PersonExport.BuildAsync(db, id, memberId, clock.GetUtcNow().UtcDateTime, ct);
        return document is null
            ? TypedResults.NotFound()
            : TypedResults.File(JsonSerializer.SerializeToUtf8Bytes(document, PersonExport.Json), "application/json", $"trajet-{c.Number}-{memberId.ToString("N")[^6..]}.json");
    }

    private static async Task<IResult> Erase(Guid id, Guid memberId, CurrentUser current, TrajetDbContext db, DocumentStore documents,
        IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var (c, denied) = await CaseForCoordinatorAsync(db, user, id, ct);
        if (c is null)
        {
            return denied!;
        }
        var today = clock.Today();
        return await ErasePerson.ExecuteAsync(db, documents, c, memberId, ErasureReason.SubjectRequest, today, ct) switch
        {
            null => TypedResults.NotFound(),
            [_, ..] errors => errors.ToProblem(l),
            _ => TypedResults.Ok(new ErasedDto(memberId, today, c.ErasedOn is not null)),
        };
    }
}
