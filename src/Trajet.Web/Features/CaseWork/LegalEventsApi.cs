using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trajet.Web.Data;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.Cases;
using Trajet.Web.Features.Organisations;
using Trajet.Web.Infrastructure;

namespace Trajet.Web.Features.CaseWork;

public static class LegalEventsApi
{
    public sealed record Body(string? Type, DateOnly? Date, string? Authority, string? Reference, string? Lawyer, string? Outcome, int? DaysToComply, DateOnly? Deadline, string? Notes);

    public sealed record Dto(Guid Id, DateOnly Date, LegalEventType Type, string? Authority, string? Reference, string? Lawyer,
        LegalOutcome? Outcome, int? DaysToComply, DateOnly? Deadline, string? DeadlineSource, string? Notes);

    public static void MapLegalEventsApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/cases/{id:guid}/legal-events").WithTags("Case work");
        group.MapPost("/", Post);
        group.MapGet("/", List);
    }

    /// <summary>The chronology in the order things happened, whatever the order they were entered in.</summary>
    /// <summary>The case's legal events by date; <paramref name="hideText"/> leaves out what was typed about the family (reference, lawyer, notes).</summary>
    public static async Task<List<Dto>> ChronologyAsync(TrajetDbContext db, Guid caseId, bool hideText, CancellationToken ct) =>
        (await db.LegalEvents.AsNoTracking().Where(e => e.CaseId == caseId).OrderBy(e => e.Date).ThenBy(e => e.CreatedAt)
            .Select(e => new Dto(e.Id, e.Date, e.Type, e.Authority, e.Reference, e.Lawyer, e.Outcome, e.DaysToComply, e.Deadline, e.DeadlineSource, e.Notes))
            .ToListAsync(ct))
            .Select(e => hideText ? e with { Reference = null, Lawyer = null, Notes = null } : e).ToList();

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
                new Dto(e.Id, e.Date, e.Type, e.Authority, e.Reference, e.Lawyer, e.Outcome, e.DaysToComply, e.Deadline, e.DeadlineSource, e.Notes)),
            RecordLegalEvent.Invalid invalid => invalid.Errors.ToProblem(l),
            _ => throw new InvalidOperationException(),
        };
    }

    private static async Task<Results<Ok<List<Dto>>, NotFound>> List(Guid id, CurrentUser current, TrajetDbContext db, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        return await db.Cases.Visible(user).AnyAsync(c => c.Id == id, ct)
            ? TypedResults.Ok(await ChronologyAsync(db, id, user.SeesAggregatesOnly, ct))
            : TypedResults.NotFound();
    }
}
