using System.Data;
using Npgsql;

namespace Trajet.Web.Features.Coaching;

/// <summary>Books an interview of a case with a coach, at a desk (within its opening hours) or elsewhere; optionally with an invitation letter.</summary>
public static class BookAppointment
{
    public static readonly string[] LetterLanguages = ["fr", "nl", "en"];

    public sealed record Input(
        Guid? CoachUserId, DateOnly? Date, TimeOnly? Start, TimeOnly? End, Guid? DeskId, string? Place, AppointmentKind? Kind, BookedBy? BookedBy,
        string? Purpose, string? LetterLanguage = null, string? Addressee = null, string? Contact = null);

    public abstract record Result;
    public sealed record Booked(Appointment Appointment, Invitation? Invitation) : Result;
    public sealed record Invalid(List<FieldError> Errors) : Result;

    /// <summary>The coaches who may take an appointment of the case: active users of its organisation working in its programme, or its coordinators.</summary>
    public static IQueryable<User> Coaches(TrajetDbContext db, Guid organisationId, Guid programmeId) =>
        db.Users.Where(u => u.OrganisationId == organisationId && u.IsActive
            && (u.Programmes.Any(p => p.ProgrammeId == programmeId)
                || db.UserRoles.Any(r => r.UserId == u.Id && db.Roles.Any(x => x.Id == r.RoleId && x.Name == Roles.Coordinator))));

    public static async Task<Result> ExecuteAsync(TrajetDbContext db, UserContext user, Case @case, Input input, DateTime now, CancellationToken ct)
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
        if (input.Kind is null)
        {
            errors.Add(new("kind", "The value is not one of the accepted values."));
        }
        if (input.BookedBy is null)
        {
            errors.Add(new("bookedBy", "Say whether the coach or the person asked for the appointment."));
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
        var letter = string.IsNullOrWhiteSpace(input.LetterLanguage) ? null : input.LetterLanguage.Trim().ToLowerInvariant();
        if (letter is not null && !LetterLanguages.Contains(letter))
        {
            errors.Add(new("letterLanguage", "Letters are written in French (fr), Dutch (nl) or English (en)."));
        }
        if (letter is not null && (string.IsNullOrWhiteSpace(input.Addressee) || input.Addressee.Length > 200))
        {
            errors.Add(new("addressee", "Say to whom the letter is addressed."));
        }
        if (input.Contact?.Length > 300)
        {
            errors.Add(new("contact", "At most 300 characters."));
        }
        if (errors.Count > 0)
        {
            return new Invalid(errors);
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
            Kind = input.Kind!.Value,
            BookedBy = input.BookedBy!.Value,
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
            Addressee = input.Addressee!.Trim(),
            Contact = string.IsNullOrWhiteSpace(input.Contact) ? desk?.Contact : input.Contact.Trim(),
            IssuedOn = DateOnly.FromDateTime(now),
            CreatedByUserId = user.Id,
        };
        return await SerializedAsync(db, async () =>
        {
            var sameDay = await db.Appointments.AsNoTracking()
                .Where(a => a.CoachUserId == coachId && a.Date == appointment.Date && a.Status != AppointmentStatus.Cancelled).ToListAsync(ct);
            if (Agenda.Clash(sameDay, appointment.Start, appointment.End) is not null)
            {
                return new Invalid([new("start", "The coach already has an appointment at that time: choose another time or another coach.")]);
            }
            db.Appointments.Add(appointment);
            if (invitation is not null)
            {
                db.Invitations.Add(invitation);
            }
            if (desk is not null)
            {
                await CoachingFiles.FollowAtDeskAsync(db, @case.Id, desk.Id, ct);
            }
            await db.SaveChangesAsync(ct);
            return new Booked(appointment, invitation);
        }, ct);
    }

    /// <summary>
    /// Check-then-insert without double booking under concurrency: SQLite's serializable transaction takes the write lock
    /// at BEGIN (IMMEDIATE), so bookings queue; PostgreSQL's serializable isolation aborts one of two conflicting bookings
    /// (40001), which is retried and then sees the other's appointment.
    /// </summary>
    private static async Task<Result> SerializedAsync(TrajetDbContext db, Func<Task<Result>> work, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, ct);
            try
            {
                var result = await work();
                if (result is Booked)
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
