using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trajet.Web.Data;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Infrastructure;

namespace Trajet.Web.Features.Outreach;

// Places and sessions: where and when the team goes out.
public static partial class OutreachApi
{
    private static async Task<IResult> ListPlaces(string? programme, CurrentUser current, TrajetDbContext db, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var (p, denied) = await ProgrammeForAsync(db, user, programme, false, ct);
        if (p is null)
        {
            return denied!;
        }
        return TypedResults.Ok(await db.OutreachPlaces.Visible(user).Where(x => x.ProgrammeId == p.Id && x.IsActive).OrderBy(x => x.City).ThenBy(x => x.Name)
            .Select(x => new PlaceDto(x.Id, x.Name, x.Type, x.City, x.Region, x.Country)).ToListAsync(ct));
    }

    private static async Task<IResult> AddPlaceEndpoint(PlaceBody body, CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var (p, denied) = await ProgrammeForAsync(db, user, body.Programme, true, ct);
        if (p is null)
        {
            return denied!;
        }
        var errors = new List<FieldError>();
        var type = KebabEnum.Parse<PlaceType>(body.Type, "type", errors);
        var country = await db.Organisations.Where(o => o.Id == user.OrganisationId).Select(o => o.Country).SingleAsync(ct);
        var result = await AddPlace.ExecuteAsync(db, p, user.OrganisationId!.Value, country, new AddPlace.Input(body.Name, type, body.City, body.Region, body.Country), ct);
        return result switch
        {
            AddPlace.Added { Place: var x } when errors.Count == 0 => TypedResults.Created($"/api/outreach/places/{x.Id}", new PlaceDto(x.Id, x.Name, x.Type, x.City, x.Region, x.Country)),
            AddPlace.Invalid invalid => invalid.Errors.Concat(errors).DistinctBy(e => e.Field).ToProblem(l),
            _ => errors.ToProblem(l),
        };
    }

    private static async Task<IResult> ListSessions(string? programme, DateOnly? from, DateOnly? to, CurrentUser current, TrajetDbContext db, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var (p, denied) = await ProgrammeForAsync(db, user, programme, false, ct);
        if (p is null)
        {
            return denied!;
        }
        var sessions = db.OutreachSessions.Visible(user).AsNoTracking().Where(s => s.ProgrammeId == p.Id && s.Date >= (from ?? DateOnly.MinValue) && s.Date <= (to ?? DateOnly.MaxValue))
            .OrderByDescending(s => s.Date).ThenByDescending(s => s.CreatedAt).Take(200);
        return TypedResults.Ok(await SessionsAsync(db, sessions, ct));
    }

    public static async Task<List<SessionDto>> SessionsAsync(TrajetDbContext db, IQueryable<OutreachSession> sessions, CancellationToken ct)
    {
        var rows = await sessions.Select(s => new
        {
            s.Id,
            s.Kind,
            s.Date,
            s.PlaceId,
            Place = s.Place!.Name,
            s.Place.City,
            s.Languages,
            s.Notes,
            Team = s.Workers.Join(db.Users, w => w.UserId, u => u.Id, (w, u) => new WorkerDto(u.Id, u.DisplayName, w.IsMediator)).ToList(),
            Contacts = db.OutreachContacts.Count(c => c.SessionId == s.Id),
        }).ToListAsync(ct);
        return rows.Select(s => new SessionDto(s.Id, s.Kind, s.Date, s.PlaceId, s.Place, s.City, s.Languages.Split(',', StringSplitOptions.RemoveEmptyEntries), s.Notes, s.Team, s.Contacts)).ToList();
    }

    private static async Task<IResult> PlanSessionEndpoint(SessionBody body, CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        if (!OutreachAccess.CanWork(user))
        {
            return TypedResults.Forbid();
        }
        var errors = new List<FieldError>();
        var kind = KebabEnum.Parse<SessionKind>(body.Kind, "kind", errors);
        var input = new PlanSession.Input(kind, body.Date, body.PlaceId, body.TeamMembers ?? [], body.Mediators ?? [], body.Languages ?? [], body.Notes);
        return await PlanSession.ExecuteAsync(db, user, input, clock.Today(), ct, errors) switch
        {
            PlanSession.Planned { Session: var s } => TypedResults.Created($"/api/outreach/sessions/{s.Id}",
                (await SessionsAsync(db, db.OutreachSessions.Where(x => x.Id == s.Id), ct)).Single()),
            PlanSession.Invalid invalid => invalid.Errors.ToProblem(l),
            _ => throw new InvalidOperationException(),
        };
    }

    private static async Task<IResult> GetSession(Guid id, CurrentUser current, TrajetDbContext db, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        if (!OutreachAccess.CanSeePeople(user))
        {
            return TypedResults.NotFound();
        }
        var session = (await SessionsAsync(db, db.OutreachSessions.Visible(user).Where(s => s.Id == id), ct)).SingleOrDefault();
        if (session is null)
        {
            return TypedResults.NotFound();
        }
        var contacts = await db.OutreachContacts.Visible(user).AsNoTracking().Where(c => c.SessionId == id).OrderByDescending(c => c.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok(new { session, contacts = contacts.Select(ToDto) });
    }
}
