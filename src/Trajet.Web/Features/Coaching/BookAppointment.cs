using System.Data;
using System.Text.Json.Serialization;
using Npgsql;
using Trajet.Web.Features.Reminders;

namespace Trajet.Web.Features.Coaching;

/// <summary>Books an interview of a case with a coach, at a desk (within its opening hours) or elsewhere; optionally with an invitation letter.</summary>
public static class BookAppointment
{
    public static readonly string[] LetterLanguages = ["fr", "nl", "en"];
    public const string LetterLanguageMessage = "Letters are written in French (fr), Dutch (nl) or English (en).";

    /// <summary>What the booking form and the API send; the API also names the case, the page has it in its route.</summary>
    public sealed record Input
    {
        public Guid? CaseId { get; init; }
        public Guid? CoachUserId { get; init; }
        public DateOnly? Date { get; init; }
        [JsonConverter(typeof(TimeOfDayJson))]
        public TimeOnly? Start { get; init; }
        [JsonConverter(typeof(TimeOfDayJson))]
        public TimeOnly? End { get; init; }
        public Guid? DeskId { get; init; }
        public string? Place { get; init; }
        public AppointmentKind? Kind { get; init; } = AppointmentKind.FollowUp;
        public BookedBy? BookedBy { get; init; } = Coaching.BookedBy.Coach;
        public string? Purpose { get; init; }
        /// <summary>A letter inviting the person; none when its language is left blank.</summary>
        public LetterInput? Invitation { get; init; }
    }

    public sealed record LetterInput
    {
        public string? Language { get; init; }
        public string? Addressee { get; init; }
        public string? Contact { get; init; }
        /// <summary>Also e-mail the letter to the person's own address (they gave one and agreed to it).</summary>
        public bool? Email { get; init; }
    }

    /// <param name="Mail">The letter's e-mail, queued with the booking when asked for.</param>
    public sealed record Booked(Appointment Appointment, Invitation? Invitation, OutgoingMail? Mail);

    /// <summary>The coaches who may take an appointment of the case: active users of its organisation working in its programme, or its coordinators.</summary>
    public static IQueryable<User> Coaches(TrajetDbContext db, Guid organisationId, Guid programmeId) =>
        db.Users.Where(u => u.OrganisationId == organisationId && u.IsActive
            && (u.Programmes.Any(p => p.ProgrammeId == programmeId)
                || db.UserRoles.Any(r => r.UserId == u.Id && db.Roles.Any(x => x.Id == r.RoleId && x.Name == Roles.Coordinator))));

    public static async Task<Result<Booked>> ExecuteAsync(TrajetDbContext db, UserContext user, Case @case, Input input, DateTime now,
        IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var coachId = input.CoachUserId ?? user.Id;
        if (!await Coaches(db, @case.OrganisationId, @case.ProgrammeId).AnyAsync(u => u.Id == coachId, ct))
        {
            errors.Add(new("coachUserId", "Choose a coach of the case's programme."));
        }
        if (input.Date is null)
        {
            errors.Add(new("date", "The date is required."));
        }
        if (input.Start is null)
        {
            errors.Add(new("start", "The start time is required."));
        }
        if (input.End is null)
        {
            errors.Add(new("end", "The end time is required."));
        }
        if (input.Date is { } day && input.Start is { } begins && day.ToDateTime(begins) < now)
        {
            errors.Add(new("date", "An appointment cannot be booked in the past."));
        }
        if (input.Start is { } s && input.End is { } e && e <= s)
        {
            errors.Add(new("end", "The end must be after the start."));
        }
        if (@case.Status is CaseStatus.Closed or CaseStatus.Declined)
        {
            errors.Add(new("caseId", "The case is closed: no appointment can be booked."));
        }
        if (input.Purpose?.Length > 1000)
        {
            errors.Add(new("purpose", "At most 1000 characters."));
        }
        Desk? desk = null;
        if (input.DeskId is { } deskId)
        {
            desk = await db.Desks.Include(d => d.Openings).AsNoTracking()
                .SingleOrDefaultAsync(d => d.Id == deskId && d.OrganisationId == @case.OrganisationId && d.IsActive, ct);
            if (desk is null)
            {
                errors.Add(new("deskId", "Choose one of your organisation's desks."));
            }
            else if (input is { Date: { } d, Start: { } from, End: { } to } && to > from && !OpeningHours.Covers(desk.Openings, d, from, to))
            {
                errors.Add(new("start", "The desk is closed at that time: book within its opening hours, or elsewhere."));
            }
        }
        else if (string.IsNullOrWhiteSpace(input.Place) || input.Place.Length > 300)
        {
            errors.Add(new("place", "Choose a desk, or say where the appointment takes place."));
        }
        var invited = input.Invitation ?? new();
        var letter = string.IsNullOrWhiteSpace(invited.Language) ? null : invited.Language.Trim().ToLowerInvariant();
        if (letter is not null && !LetterLanguages.Contains(letter))
        {
            errors.Add(new("invitation.language", LetterLanguageMessage));
        }
        if (letter is not null && (string.IsNullOrWhiteSpace(invited.Addressee) || invited.Addressee.Length > 200))
        {
            errors.Add(new("invitation.addressee", "Say to whom the letter is addressed."));
        }
        if (invited.Contact?.Length > 300)
        {
            errors.Add(new("invitation.contact", "At most 300 characters."));
        }
        string? emailTo = null;
        if (invited.Email == true)
        {
            var (email, consented) = await EmailInvitation.RecipientAsync(db, @case.Id, DateOnly.FromDateTime(now), ct);
            if (letter is null)
            {
                errors.Add(new("invitation.email", "Choose the letter's language to e-mail it."));
            }
            else if (InvitationMail.Refusal(email, consented, AppointmentStatus.Booked) is { } refusal)
            {
                errors.Add(new("invitation.email", refusal));
            }
            emailTo = email;
        }
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }

        var appointment = new Appointment
        {
            OrganisationId = @case.OrganisationId,
            ProgrammeId = @case.ProgrammeId,
            CaseId = @case.Id,
            CoachUserId = coachId,
            Date = input.Date!.Value,
            Start = input.Start!.Value,
            End = input.End!.Value,
            DeskId = desk?.Id,
            Place = desk is null ? input.Place!.Trim() : null,
            Kind = input.Kind ?? AppointmentKind.FollowUp,
            BookedBy = input.BookedBy ?? Coaching.BookedBy.Coach,
            Purpose = string.IsNullOrWhiteSpace(input.Purpose) ? null : input.Purpose.Trim(),
            BookedByUserId = user.Id,
        };
        var invitation = letter is null ? null : new Invitation
        {
            OrganisationId = @case.OrganisationId,
            ProgrammeId = @case.ProgrammeId,
            CaseId = @case.Id,
            AppointmentId = appointment.Id,
            Language = letter,
            Addressee = invited.Addressee!.Trim(),
            Contact = string.IsNullOrWhiteSpace(invited.Contact) ? desk?.Contact : invited.Contact.Trim(),
            IssuedOn = DateOnly.FromDateTime(now),
            CreatedByUserId = user.Id,
        };
        return await SerializedAsync(db, async () =>
        {
            var sameDay = await db.Appointments.AsNoTracking()
                .Where(a => a.CoachUserId == coachId && a.Date == appointment.Date && a.Status != AppointmentStatus.Cancelled).ToListAsync(ct);
            if (Agenda.Clash(sameDay, appointment.Start, appointment.End) is not null)
            {
                return Failure.Invalid("start", "The coach already has an appointment at that time: choose another time or another coach.");
            }
            db.Appointments.Add(appointment);
            OutgoingMail? mail = null;
            if (invitation is not null)
            {
                db.Invitations.Add(invitation);
                if (emailTo is not null)
                {
                    mail = await EmailInvitation.AddAsync(db, invitation, appointment, desk, emailTo, l, ct);
                }
            }
            if (desk is not null)
            {
                await CoachingFiles.FollowAtDeskAsync(db, @case.Id, desk.Id, ct);
            }
            await db.SaveChangesAsync(ct);
            return new Booked(appointment, invitation, mail);
        }, ct);
    }

    /// <summary>
    /// Check-then-insert without double booking under concurrency: SQLite's serializable transaction takes the write lock
    /// at BEGIN (IMMEDIATE), so bookings queue; PostgreSQL's serializable isolation aborts one of two conflicting bookings
    /// (40001), which is retried and then sees the other's appointment.
    /// </summary>
    private static async Task<Result<Booked>> SerializedAsync(TrajetDbContext db, Func<Task<Result<Booked>>> work, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, ct);
            try
            {
                var result = await work();
                if (result.Failed is null)
                {
                    await transaction.CommitAsync(ct);
                }
                return result;
            }
            catch (Exception e) when (attempt < 8 && IsSerializationFailure(e))
            {
                await transaction.RollbackAsync(ct);
                foreach (var entry in db.ChangeTracker.Entries().Where(x => x.State == EntityState.Added).ToList())
                {
                    entry.State = EntityState.Detached;
                }
                await Task.Delay(Random.Shared.Next(5, 40) * attempt, ct);
            }
        }
    }

    private static bool IsSerializationFailure(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            if (x is PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected })
            {
                return true;
            }
        }
        return false;
    }
}
