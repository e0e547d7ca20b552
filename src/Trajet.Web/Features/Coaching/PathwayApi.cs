using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trajet.Web.Data;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.Cases;
using Trajet.Web.Infrastructure;

namespace Trajet.Web.Features.Coaching;

public static class PathwayApi
{
    public sealed record Body(
        string? Pathway, DateOnly? Date, string? Reasons, string? Procedure, string? InformationGiven, bool? PersonFilesThemself,
        string? OptionsExplained, Guid? ReturnPartnerId, string? ConsequencesExplained, bool? ForcedReturnExplained, bool? EntryBanExplained, bool? Close);

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

    private static async Task<Results<Ok<State>, NotFound>> Get(Guid id, CurrentUser current, TrajetDbContext db, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var c = await db.Cases.Visible(user).AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        return c is null ? TypedResults.NotFound() : TypedResults.Ok(await StateAsync(db, c, user.SeesAggregatesOnly, ct));
    }

    private static async Task<IResult> Post(Guid id, Body body, CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock,
        [FromServices] IEnumerable<ICaseClosureHold> holds, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var (c, denied) = await db.CaseForWriteAsync(user, id, ct);
        if (c is null)
        {
            return denied!;
        }
        var errors = new List<FieldError>();
        var pathway = ParsePathway(body.Pathway, errors);
        if (errors.Count > 0)
        {
            return errors.ToProblem(l);
        }
        var decision = new PathwayRules.Decision(pathway, body.Date, body.Reasons, body.Procedure, body.InformationGiven, body.PersonFilesThemself ?? false,
            body.OptionsExplained, body.ReturnPartnerId, body.ConsequencesExplained, body.ForcedReturnExplained ?? false, body.EntryBanExplained ?? false, body.Close ?? false);
        return await DecidePathway.ExecuteAsync(db, user, c, decision, clock.Today(), holds, ct) switch
        {
            DecidePathway.Decided { Decision: var d } => TypedResults.Created($"/api/cases/{id}/pathway", ToDto(d, false)),
            DecidePathway.Invalid invalid => invalid.Errors.ToProblem(l),
            _ => throw new InvalidOperationException(),
        };
    }

    /// <summary>"legal-stay", "voluntary-return", "return-refused", or the pathway's number 1–3.</summary>
    private static Pathway? ParsePathway(string? text, List<FieldError> errors) =>
        text is "1" or "2" or "3" ? (Pathway)int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : KebabEnum.Parse<Pathway>(text, "pathway", errors);
}
