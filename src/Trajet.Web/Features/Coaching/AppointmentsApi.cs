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
        group.MapGet("/{id:guid}/letter/email", LetterEmail);
        group.MapPost("/{id:guid}/letter/email", EmailLetter);
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
        return TypedResults.Ok(await AgendaQuery.WithLetterEmailsAsync(db, await AgendaQuery.Project(db, query, user.SeesAggregatesOnly).ToListAsync(ct), ct));
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
        return await (await db.WriteInCaseAsync(user, caseId, c => BookAppointment.ExecuteAsync(db, user, c, input, Now(clock), l, ct), ct))
            .ToHttpAsync(l, async booked => TypedResults.Created($"/api/appointments/{booked.Appointment.Id}",
                (await AgendaQuery.Project(db, db.Appointments.Where(x => x.Id == booked.Appointment.Id), false).SingleAsync(ct))
                    with
                { LetterEmail = booked.Mail?.Status }));
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

    /// <summary>The appointment's latest invitation, if the user may see it.</summary>
    private static Task<Guid> InvitationOfAsync(TrajetDbContext db, UserContext user, Guid appointmentId, CancellationToken ct) =>
        db.Invitations.Visible(user).Where(i => i.AppointmentId == appointmentId).OrderByDescending(i => i.CreatedAt).Select(i => i.Id).FirstOrDefaultAsync(ct);

    private static async Task<Results<Ok<EmailInvitation.Sent>, NotFound>> LetterEmail(Guid id, UserContext user, TrajetDbContext db, CancellationToken ct)
    {
        var invitation = user.SeesAggregatesOnly ? null : await db.Invitations.Visible(user).AsNoTracking().Where(i => i.AppointmentId == id)
            .OrderByDescending(i => i.CreatedAt).FirstOrDefaultAsync(ct);
        return invitation is not null && await EmailInvitation.OfAsync(db, invitation.Id, ct) is { } mail
            ? TypedResults.Ok(EmailInvitation.Sent.Of(invitation, mail))
            : TypedResults.NotFound();
    }

    /// <summary>202 when the letter is queued now, 200 when it already was (or went): the reminder job sends it.</summary>
    private static async Task<IResult> EmailLetter(Guid id, UserContext user, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct)
    {
        var invitation = await InvitationOfAsync(db, user, id, ct);
        if (invitation == Guid.Empty)
        {
            return TypedResults.NotFound();
        }
        return (await EmailInvitation.ExecuteAsync(db, user, invitation, l, clock.Today(), ct)).ToHttp(l, queued =>
            queued.IsNew
                ? TypedResults.Accepted($"/api/appointments/{id}/letter/email", EmailInvitation.Sent.Of(queued.Invitation, queued.Mail))
                : TypedResults.Ok(EmailInvitation.Sent.Of(queued.Invitation, queued.Mail)));
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
        return new Loaded(invitation, appointment, await ComposeAsync(db, invitation, appointment, appointment.Desk, l, ct));
    }

    /// <summary>The letter of an invitation, saved or about to be (booking e-mails it in the same transaction).</summary>
    public static async Task<InvitationLetter.Letter> ComposeAsync(TrajetDbContext db, Invitation invitation, Appointment appointment, Desk? desk,
        IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == invitation.OrganisationId, ct);
        var number = await db.Cases.Where(c => c.Id == invitation.CaseId).Select(c => c.Number).SingleAsync(ct);
        // The names in the letter's language, whatever the coach's: a Dutch letter names the desk and the service in Dutch.
        var language = invitation.Language;
        var place = desk is not null ? desk.Names.For(language, desk.Name) : appointment.Place ?? "";
        var facts = new InvitationLetter.Facts(language, invitation.Addressee, organisation.Names.For(language, organisation.Name), number, invitation.IssuedOn,
            appointment.Date, appointment.Start, place, desk?.Address, invitation.Contact);
        return InvitationLetter.Compose(facts, l);
    }
}
