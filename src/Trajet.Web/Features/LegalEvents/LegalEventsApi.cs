using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trajet.Web.Data;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.Cases;
using Trajet.Web.Infrastructure;

namespace Trajet.Web.Features.LegalEvents;

public static class LegalEventsApi
{
    public sealed record Body(string? Type, DateOnly? Date, string? Authority, string? Reference, string? Lawyer, string? Outcome, int? DaysToComply, DateOnly? Deadline, string? Notes);

    public static void MapLegalEventsApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/cases/{id:guid}/legal-events").WithTags("Case work");
        group.MapPost("/", Post);
        group.MapGet("/", List);
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
        var type = KebabEnum.Parse<LegalEventType>(body.Type, "type", errors);
        LegalOutcome? outcome = body.Outcome is null ? null : KebabEnum.Parse<LegalOutcome>(body.Outcome, "outcome", errors);
        if (errors.Count > 0)
        {
            return errors.ToProblem(l);
        }
        var input = new RecordLegalEvent.Input(type, body.Date, body.Authority, body.Reference, body.Lawyer, outcome, body.DaysToComply, body.Deadline, body.Notes);
        return await RecordLegalEvent.ExecuteAsync(db, user, c, input, clock.Today(), ct) switch
        {
            RecordLegalEvent.Recorded { Event: var e } => TypedResults.Created($"/api/cases/{id}/legal-events/{e.Id}",
                LegalEventView.Of(e)),
            RecordLegalEvent.Invalid invalid => invalid.Errors.ToProblem(l),
            _ => throw new InvalidOperationException(),
        };
    }

    private static async Task<Results<Ok<List<LegalEventView>>, NotFound>> List(Guid id, CurrentUser current, TrajetDbContext db, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        return await db.Cases.Visible(user).AnyAsync(c => c.Id == id, ct)
            ? TypedResults.Ok(await Chronology.ReadAsync(db, id, user.SeesAggregatesOnly, ct))
            : TypedResults.NotFound();
    }
}
