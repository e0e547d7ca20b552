using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trajet.Web.Data;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.Cases;
using Trajet.Web.Infrastructure;

namespace Trajet.Web.Features.Interactions;

public static class InteractionsApi
{
    public sealed record Body(
        string? Type, string? AccompanimentTo, DateOnly? Date, int? DurationMinutes, string? Participants, string? Language,
        bool? InterpreterPresent, bool? MediatorPresent, string? Notes, string? NextSteps,
        string? FileChecked = null, string? MissingItems = null, string? Conclusions = null);

    public static void MapInteractionsApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/cases/{id:guid}/interactions").WithTags("Case work");
        group.MapPost("/", Post);
        group.MapGet("/", List).ForEvaluators();
    }

    private static async Task<IResult> Post(Guid id, Body body, CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var (c, denied) = await db.CaseForWriteAsync(user, id, ct);
        if (c is null)
        {
            return denied!;
        }
        var errors = new List<FieldError>();
        var type = KebabEnum.Parse<InteractionType>(body.Type, "type", errors);
        AccompanimentTo? to = body.AccompanimentTo is null ? null : KebabEnum.Parse<AccompanimentTo>(body.AccompanimentTo, "accompanimentTo", errors);
        if (errors.Count > 0)
        {
            return errors.ToProblem(l);
        }
        var input = new RecordInteraction.Input(type, to, body.Date, body.DurationMinutes, body.Participants, body.Language,
            body.InterpreterPresent ?? false, body.MediatorPresent ?? false, body.Notes, body.NextSteps, body.FileChecked, body.MissingItems, body.Conclusions);
        return await RecordInteraction.ExecuteAsync(db, user, c, input, clock.Today(), ct) switch
        {
            RecordInteraction.Recorded { Interaction: var i } => TypedResults.Created($"/api/cases/{id}/interactions/{i.Id}", InteractionView.Of(i, false)),
            RecordInteraction.Invalid invalid => invalid.Errors.ToProblem(l),
            _ => throw new InvalidOperationException(),
        };
    }

    private static async Task<Results<Ok<InteractionSummary>, NotFound>> List(Guid id, CurrentUser current, TrajetDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var c = await db.Cases.Visible(user).AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(await InteractionSummary.ReadAsync(db, c, user.SeesAggregatesOnly, clock.Today(), ct));
    }
}
