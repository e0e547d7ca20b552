namespace Trajet.Web.Features.Coaching;

public static class AppointmentsApi
{
    public sealed record CancelBody(string? Reason);
    public sealed record AttendanceBody(bool? Attended);

    public static void MapAppointmentsApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/appointments").WithTags("Coaching");
        group.MapGet("/", List).ForEvaluators();
        group.MapPost("/", Book);
        group.MapPost("/{id:guid}/cancel", Cancel);
        group.MapPut("/{id:guid}/attendance", Attendance);
        group.MapGet("/{id:guid}/letter", Letter);
    }

    private static DateTime Now(TimeProvider clock) => clock.GetLocalNow().DateTime;

    private static async Task<IResult> List(UserContext user, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct,
        DateOnly? date = null, string? coach = null, Guid? desk = null, Guid? @case = null)
    {
        var query = db.Appointments.Visible(user).AsNoTracking();
        if (@case is { } caseId)
        {
            query = query.Where(a => a.CaseId == caseId);
        }
        else
        {
            var day = date ?? DateOnly.FromDateTime(Now(clock));
            query = query.Where(a => a.Date == day);
        }
        if (desk is { } deskId)
        {
            query = query.Where(a => a.DeskId == deskId);
        }
        if (coach == "me" || (coach is null && desk is null && @case is null))
        {
            query = query.Where(a => a.CoachUserId == user.Id);
        }
        else if (coach is not null)
        {
            if (!Guid.TryParse(coach, out var coachId))
            {
                return new List<FieldError> { new("coach", "Use me or a user id.") }.ToProblem(l);
            }
            query = query.Where(a => a.CoachUserId == coachId);
        }
        return TypedResults.Ok(await AgendaQuery.Project(db, query, user.SeesAggregatesOnly).ToListAsync(ct));
    }

    private static async Task<IResult> Book(BookAppointment.Input input, UserContext user, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct)
    {
        if (input.CaseId is not { } caseId)
        {
            return Failure.Invalid("caseId", "Link the appointment to a case.").ToHttp(l);
        }
        if (input.Invitation is { } letter && string.IsNullOrWhiteSpace(letter.Language))
        {
            return Failure.Invalid("invitation.language", BookAppointment.LetterLanguageMessage).ToHttp(l);
        }
        return await (await db.WriteInCaseAsync(user, caseId, c => BookAppointment.ExecuteAsync(db, user, c, input, Now(clock), ct), ct))
            .ToHttpAsync(l, async booked => TypedResults.Created($"/api/appointments/{booked.Appointment.Id}",
                await AgendaQuery.Project(db, db.Appointments.Where(x => x.Id == booked.Appointment.Id), false).SingleAsync(ct)));
    }

    private static async Task<IResult> Cancel(Guid id, CancelBody body, UserContext user, TrajetDbContext db, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var appointment = await ChangeAppointment.WritableAsync(db, user, id, ct);
        if (appointment is null)
        {
            return TypedResults.NotFound();
        }
        var errors = await ChangeAppointment.CancelAsync(db, appointment, body.Reason, ct);
        return errors.Count > 0 ? errors.ToProblem(l) : TypedResults.Ok(await AgendaQuery.Project(db, db.Appointments.Where(x => x.Id == id), false).SingleAsync(ct));
    }

    private static async Task<IResult> Attendance(Guid id, AttendanceBody body, UserContext user, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct)
    {
        var appointment = await ChangeAppointment.WritableAsync(db, user, id, ct);
        if (appointment is null)
        {
            return TypedResults.NotFound();
        }
        var errors = await ChangeAppointment.RecordAttendanceAsync(db, appointment, body.Attended, DateOnly.FromDateTime(Now(clock)), ct);
        return errors.Count > 0 ? errors.ToProblem(l) : TypedResults.Ok(await AgendaQuery.Project(db, db.Appointments.Where(x => x.Id == id), false).SingleAsync(ct));
    }

    private static async Task<Results<Ok<InvitationLetter.Letter>, NotFound>> Letter(Guid id, UserContext user, TrajetDbContext db, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (user.SeesAggregatesOnly)
        {
            return TypedResults.NotFound();
        }
        var invitation = await db.Invitations.Visible(user).Where(i => i.AppointmentId == id).OrderByDescending(i => i.CreatedAt).Select(i => i.Id).FirstOrDefaultAsync(ct);
        var letter = invitation == Guid.Empty ? null : await Letters.LoadAsync(db, user, invitation, l, ct);
        return letter is null ? TypedResults.NotFound() : TypedResults.Ok(letter.Letter);
    }
}

/// <summary>An invitation's letter with what the coach needs around it (whether the person came).</summary>
public static class Letters
{
    public sealed record Loaded(Invitation Invitation, Appointment Appointment, InvitationLetter.Letter Letter);

    public static async Task<Loaded?> LoadAsync(TrajetDbContext db, UserContext user, Guid invitationId, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var invitation = await db.Invitations.Visible(user).AsNoTracking().Include(i => i.Appointment).ThenInclude(a => a!.Desk)
            .SingleOrDefaultAsync(i => i.Id == invitationId, ct);
        if (invitation?.Appointment is not { } appointment)
        {
            return null;
        }
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == invitation.OrganisationId, ct);
        var number = await db.Cases.Where(c => c.Id == invitation.CaseId).Select(c => c.Number).SingleAsync(ct);
        // The names in the letter's language, whatever the coach's: a Dutch letter names the desk and the service in Dutch.
        var language = invitation.Language;
        var place = appointment.Desk is { } desk ? desk.Names.For(language, desk.Name) : appointment.Place ?? "";
        var facts = new InvitationLetter.Facts(language, invitation.Addressee, organisation.Names.For(language, organisation.Name), number, invitation.IssuedOn,
            appointment.Date, appointment.Start, place, appointment.Desk?.Address, invitation.Contact);
        return new Loaded(invitation, appointment, InvitationLetter.Compose(facts, l));
    }
}
