namespace Trajet.Web.Features.Outreach;

// Contacts: one line per person met, logged on a phone.
public static partial class OutreachApi
{
    public static ContactDto ToDto(OutreachContact c) => new(c.Id, c.Date, c.SessionId, c.PlaceId, c.Place, c.PersonId, c.Nickname, c.Gender, c.AgeBand,
        c.Nationality, c.Language, c.MediatorInterpreted, ContactRules.Split<InformationTopic>(c.InformationGiven), c.InformationOther,
        ContactRules.Split<OrientationService>(c.Orientation), c.PartnerId, c.FollowUp);

    private static async Task<IResult> ListContacts(string? programme, Guid? session, Guid? person, DateOnly? from, DateOnly? to, int? page, int? pageSize, UserContext user, TrajetDbContext db, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        await (await ProgrammeForAsync(db, user, programme, false, ct)).ToHttpAsync(l, async p =>
        {
            if (Pager.Check(page, pageSize) is [_, ..] errors)
            {
                return errors.ToProblem(l);
            }
            var query = db.OutreachContacts.Visible(user).AsNoTracking().Where(c => c.ProgrammeId == p.Id && c.Date >= (from ?? DateOnly.MinValue) && c.Date <= (to ?? DateOnly.MaxValue));
            if (session is { } s)
            {
                query = query.Where(c => c.SessionId == s);
            }
            if (person is { } pid)
            {
                query = query.Where(c => c.PersonId == pid);
            }
            var size = pageSize ?? 50;
            var items = await query.OrderByDescending(c => c.Date).ThenByDescending(c => c.CreatedAt).Skip(Pager.SkipFor(page ?? 1, size)).Take(size).ToListAsync(ct);
            return TypedResults.Ok(new Page<ContactDto>(items.Select(ToDto).ToList(), await query.CountAsync(ct)));
        });

    private static async Task<IResult> LogContactEndpoint(LogContact.Input input, UserContext user, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct) =>
        !OutreachAccess.CanWork(user)
            ? TypedResults.Forbid()
            : (await LogContact.ExecuteAsync(db, user, input, clock.Today(), ct)).ToHttp(l, c => TypedResults.Created($"/api/outreach/contacts/{c.Id}", ToDto(c)));
}
