using Trajet.Web.Features.Partners;

namespace Trajet.Web.Features.Coaching;

public static class PathwayApi
{
    public sealed record Dto(
        Guid Id, Pathway Pathway, int Number, DateOnly Date, string? Reasons, string? Procedure, string? InformationGiven, bool PersonFilesThemself,
        string? OptionsExplained, Guid? ReturnPartnerId, string? ConsequencesExplained, bool ForcedReturnExplained, bool EntryBanExplained, bool ConsequencesRecorded);

    public sealed record State(Dto? Current, IReadOnlyList<Dto> History, CaseStatus Status);

    public static void MapPathwayApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/cases/{id:guid}/pathway").WithTags("Coaching");
        group.MapGet("/", Get).ForEvaluators();
        group.MapPost("/", Post);
    }

    public static Dto ToDto(PathwayDecision p, bool hideText) => new(p.Id, p.Pathway, (int)p.Pathway, p.Date, hideText ? null : p.Reasons,
        hideText ? null : p.Procedure, hideText ? null : p.InformationGiven, p.PersonFilesThemself, hideText ? null : p.OptionsExplained, p.ReturnPartnerId,
        hideText ? null : p.ConsequencesExplained, p.ForcedReturnExplained, p.EntryBanExplained, p.ConsequencesRecorded);

    private static async Task<State> StateAsync(TrajetDbContext db, Case c, bool hideText, CancellationToken ct)
    {
        var history = (await PathwayHistory.OfAsync(db, c.Id, ct)).Select(p => ToDto(p, hideText)).ToList();
        return new State(history.FirstOrDefault(), history, c.Status);
    }

    private static async Task<Results<Ok<State>, NotFound>> Get(Guid id, UserContext user, TrajetDbContext db, CancellationToken ct)
    {
        var c = await db.Cases.Visible(user).AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        return c is null ? TypedResults.NotFound() : TypedResults.Ok(await StateAsync(db, c, user.SeesAggregatesOnly, ct));
    }

    private static async Task<IResult> Post(Guid id, PathwayRules.Decision input, UserContext user, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock,
        [FromServices] IEnumerable<ICaseClosureHold> holds, IPartnerConsent consent, CancellationToken ct) =>
        (await db.WriteInCaseAsync(user, id, c => DecidePathway.ExecuteAsync(db, user, c, input, clock.Today(), holds, consent, ct), ct))
            .ToHttp(l, d => TypedResults.Created($"/api/cases/{id}/pathway", ToDto(d, false)));
}
