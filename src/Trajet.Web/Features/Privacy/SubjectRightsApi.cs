using System.Text.Json;
using Trajet.Web.Features.Documents;
using Trajet.Web.Features.Partners;

namespace Trajet.Web.Features.Privacy;

/// <summary>Subject rights over HTTP: a person's data as a JSON file, and their erasure. Coordinators of the case's organisation only.</summary>
public static class SubjectRightsApi
{
    public sealed record ErasedDto(Guid MemberId, DateOnly ErasedOn, bool CaseErased);

    public static IServiceCollection AddTrajetSubjectRights(this IServiceCollection services) =>
        services.AddSingleton<Infrastructure.Jobs.IScheduledJob, RetentionJob>().AddSingleton<IPartnerConsent, PartnerSharingConsent>();

    public static void MapSubjectRightsApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/cases/{id:guid}/members/{memberId:guid}").WithTags("Privacy");
        group.MapGet("/export", Export);
        group.MapPost("/erase", Erase);
    }

    /// <summary>The case (tracked) for a coordinator of its organisation; else NotFound (not visible) or Forbidden (visible, not a coordinator).</summary>
    public static async Task<Result<Case>> CaseForCoordinatorAsync(TrajetDbContext db, UserContext user, Guid id, CancellationToken ct) =>
        await db.Cases.Visible(user).SingleOrDefaultAsync(x => x.Id == id, ct) is not { } c ? Failure.NotFound
            : user.IsCoordinator && !user.SeesAggregatesOnly ? c : Failure.Forbidden;

    private static async Task<IResult> Export(Guid id, Guid memberId, UserContext user, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct) =>
        await (await CaseForCoordinatorAsync(db, user, id, ct)).ToHttpAsync(l, async c =>
            await PersonExport.BuildAsync(db, id, memberId, clock.GetUtcNow().UtcDateTime, ct) is { } document
                ? TypedResults.File(JsonSerializer.SerializeToUtf8Bytes(document, PersonExport.Json), "application/json", $"trajet-{c.Number}-{memberId.ToString("N")[^6..]}.json")
                : TypedResults.NotFound());

    private static async Task<IResult> Erase(Guid id, Guid memberId, UserContext user, TrajetDbContext db, DocumentStore documents,
        IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct)
    {
        var today = clock.Today();
        return (await (await CaseForCoordinatorAsync(db, user, id, ct)).ThenAsync(c => ErasePerson.ExecuteAsync(db, documents, c, memberId, ErasureReason.SubjectRequest, today, ct)))
            .ToHttp(l, c => TypedResults.Ok(new ErasedDto(memberId, today, c.ErasedOn is not null)));
    }
}
