namespace Trajet.Web.Features.Outreach;

// Places and sessions: where and when the team goes out.
public static partial class OutreachApi
{
    private static async Task<IResult> ListPlaces(string? programme, UserContext user, TrajetDbContext db, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        await (await ProgrammeForAsync(db, user, programme, false, ct)).ToHttpAsync(l, async p =>
            TypedResults.Ok(await db.OutreachPlaces.Visible(user).Where(x => x.ProgrammeId == p.Id && x.IsActive).OrderBy(x => x.City).ThenBy(x => x.Name)
                .Select(x => new PlaceDto(x.Id, x.Name, x.Type, x.City, x.Region, x.Country, new LocalizedText { Fr = x.Names.Fr, Nl = x.Names.Nl, En = x.Names.En })).ToListAsync(ct)));

    private static async Task<IResult> AddPlaceEndpoint(AddPlace.Input input, UserContext user, TrajetDbContext db, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        (await (await ProgrammeForAsync(db, user, input.Programme, true, ct)).ThenAsync(async p =>
        {
            var country = await db.Organisations.Where(o => o.Id == user.OrganisationId).Select(o => o.Country).SingleAsync(ct);
            return await AddPlace.ExecuteAsync(db, p, user.OrganisationId!.Value, country, input, ct);
        })).ToHttp(l, x => TypedResults.Created($"/api/outreach/places/{x.Id}", new PlaceDto(x.Id, x.Name, x.Type, x.City, x.Region, x.Country, x.Names)));

    private static async Task<IResult> ListSessions(string? programme, DateOnly? from, DateOnly? to, UserContext user, TrajetDbContext db, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        await (await ProgrammeForAsync(db, user, programme, false, ct)).ToHttpAsync(l, async p =>
            TypedResults.Ok(await SessionsAsync(db, db.OutreachSessions.Visible(user).AsNoTracking()
                .Where(s => s.ProgrammeId == p.Id && s.Date >= (from ?? DateOnly.MinValue) && s.Date <= (to ?? DateOnly.MaxValue))
                .OrderByDescending(s => s.Date).ThenByDescending(s => s.CreatedAt).Take(200), ct)));

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
            PlaceNames = new LocalizedText { Fr = s.Place.Names.Fr, Nl = s.Place.Names.Nl, En = s.Place.Names.En },
            s.Languages,
            s.Notes,
            Team = s.Workers.Join(db.Users, w => w.UserId, u => u.Id, (w, u) => new WorkerDto(u.Id, u.DisplayName, w.IsMediator)).ToList(),
            Contacts = db.OutreachContacts.Count(c => c.SessionId == s.Id),
        }).ToListAsync(ct);
        return rows.Select(s => new SessionDto(s.Id, s.Kind, s.Date, s.PlaceId, s.Place, s.City, s.Languages.Split(',', StringSplitOptions.RemoveEmptyEntries), s.Notes, s.Team, s.Contacts, s.PlaceNames)).ToList();
    }

    private static async Task<IResult> PlanSessionEndpoint(PlanSession.Input input, UserContext user, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct) =>
        !OutreachAccess.CanWork(user)
            ? TypedResults.Forbid()
            : await (await PlanSession.ExecuteAsync(db, user, input, clock.Today(), ct)).ToHttpAsync(l, async s =>
                TypedResults.Created($"/api/outreach/sessions/{s.Id}", (await SessionsAsync(db, db.OutreachSessions.Where(x => x.Id == s.Id), ct)).Single()));

    private static async Task<IResult> GetSession(Guid id, UserContext user, TrajetDbContext db, CancellationToken ct)
    {
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
