namespace Trajet.Web.Features.Coaching;

public static class DesksApi
{
    public sealed record OpeningDto(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes);
    /// <summary>A desk; <c>name</c> is its default name, <c>names</c> its name per language.</summary>
    public sealed record DeskDto(Guid Id, string Name, string Address, Region Region, string? Contact, IReadOnlyList<OpeningDto> Openings, LocalizedText Names);
    public sealed record OutcomeBody(WalkInOutcome? Outcome, string? OutcomeNotes, string? CaseNumber);

    public static void MapDesksApi(this WebApplication app)
    {
        var desks = app.MapGroup("/api/desks").WithTags("Coaching");
        desks.MapGet("/", List).ForEvaluators();
        desks.MapPost("/", Add);
        desks.MapGet("/{id:guid}/walk-ins", Queue).ForEvaluators();
        desks.MapPost("/{id:guid}/walk-ins", Register);
        desks.MapPost("/{id:guid}/walk-ins/next", CallNext);
        desks.MapPut("/{id:guid}/walk-ins/{walkInId:guid}/outcome", Finish);
    }

    public static DeskDto ToDto(Desk d) => new(d.Id, d.Name, d.Address, d.Region, d.Contact,
        d.Openings.OrderBy(o => o.Day).ThenBy(o => o.Opens).Select(o => new OpeningDto(o.Day, o.Opens, o.Closes)).ToList(), d.Names);

    /// <summary>The desks the user may see (their organisation, their programmes), with opening hours.</summary>
    public static Task<List<Desk>> VisibleAsync(TrajetDbContext db, UserContext user, CancellationToken ct) =>
        db.Desks.Visible(user).Where(d => d.IsActive).Include(d => d.Openings).AsNoTracking().OrderBy(d => d.Name).ToListAsync(ct);

    public static Task<Desk?> FindAsync(TrajetDbContext db, UserContext user, Guid id, CancellationToken ct) =>
        db.Desks.Visible(user).Where(d => d.IsActive).Include(d => d.Openings).AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct);

    private static DateTime Now(TimeProvider clock) => clock.GetLocalNow().DateTime;

    private static async Task<Ok<List<DeskDto>>> List(UserContext user, TrajetDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await VisibleAsync(db, user, ct)).Select(ToDto).ToList());

    private static async Task<IResult> Add(AddDesk.Input input, UserContext user, TrajetDbContext db, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        (await AddDesk.ExecuteAsync(db, user, input, ct)).ToHttp(l, desk => TypedResults.Created($"/api/desks/{desk.Id}", ToDto(desk)));

    private static async Task<Results<Ok<List<DeskQueue.Entry>>, NotFound>> Queue(Guid id, UserContext user, TrajetDbContext db, TimeProvider clock, CancellationToken ct, DateOnly? date = null)
    {
        var desk = await FindAsync(db, user, id, ct);
        return desk is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(await DeskQueue.OfDayAsync(db, id, date ?? DateOnly.FromDateTime(Now(clock)), user.SeesAggregatesOnly, ct));
    }

    private static async Task<IResult> Register(Guid id, RegisterWalkIn.Input input, UserContext user, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct)
    {
        var desk = await FindAsync(db, user, id, ct);
        if (desk is null)
        {
            return TypedResults.NotFound();
        }
        if (!CaseAccess.CanWrite(user))
        {
            return TypedResults.Forbid();
        }
        return await (await RegisterWalkIn.ExecuteAsync(db, user, desk, input, Now(clock), ct)).ToHttpAsync(l, async w =>
            TypedResults.Created($"/api/desks/{id}/walk-ins/{w.Id}", (await DeskQueue.OfDayAsync(db, id, w.Date, false, ct)).Single(e => e.Id == w.Id)));
    }

    private static async Task<IResult> CallNext(Guid id, UserContext user, TrajetDbContext db, TimeProvider clock, CancellationToken ct, DateOnly? date = null)
    {
        if (await FindAsync(db, user, id, ct) is null)
        {
            return TypedResults.NotFound();
        }
        if (!CaseAccess.CanWrite(user))
        {
            return TypedResults.Forbid();
        }
        var now = Now(clock);
        var day = date ?? DateOnly.FromDateTime(now);
        var called = await DeskQueue.CallNextAsync(db, user, id, day, TimeOnly.FromDateTime(now), ct);
        return called is null ? TypedResults.NoContent() : TypedResults.Ok((await DeskQueue.OfDayAsync(db, id, day, false, ct)).Single(e => e.Id == called.Id));
    }

    private static async Task<IResult> Finish(Guid id, Guid walkInId, OutcomeBody body, UserContext user, TrajetDbContext db, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (await FindAsync(db, user, id, ct) is null)
        {
            return TypedResults.NotFound();
        }
        if (!CaseAccess.CanWrite(user))
        {
            return TypedResults.Forbid();
        }
        var walkIn = await db.WalkIns.SingleOrDefaultAsync(w => w.Id == walkInId && w.DeskId == id, ct);
        if (walkIn is null)
        {
            return TypedResults.NotFound();
        }
        var errors = body.Outcome is { } outcome
            ? await DeskQueue.FinishAsync(db, user, walkIn, outcome, body.OutcomeNotes, body.CaseNumber, ct)
            : [FieldError.NotAccepted("outcome")];
        return errors.Count > 0 ? errors.ToProblem(l) : TypedResults.Ok((await DeskQueue.OfDayAsync(db, id, walkIn.Date, false, ct)).Single(e => e.Id == walkInId));
    }
}
