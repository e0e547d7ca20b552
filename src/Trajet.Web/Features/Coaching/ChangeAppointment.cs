namespace Trajet.Web.Features.Coaching;

/// <summary>After booking: cancelling, and recording whether the person came.</summary>
public static class ChangeAppointment
{
    /// <summary>The appointment (tracked) if the user may see it and write; null means 404.</summary>
    public static async Task<Appointment?> WritableAsync(TrajetDbContext db, UserContext user, Guid id, CancellationToken ct) =>
        Cases.CaseAccess.CanWrite(user) ? await db.Appointments.Visible(user).SingleOrDefaultAsync(a => a.Id == id, ct) : null;

    public static async Task<List<FieldError>> CancelAsync(TrajetDbContext db, Appointment appointment, string? reason, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (appointment.Status != AppointmentStatus.Booked)
        {
            errors.Add(new("status", "Only a booked appointment can be cancelled."));
        }
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 1000)
        {
            errors.Add(new("reason", "Give the reason."));
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        appointment.Status = AppointmentStatus.Cancelled;
        appointment.CancelReason = reason!.Trim();
        await db.SaveChangesAsync(ct);
        return errors;
    }

    public static async Task<List<FieldError>> RecordAttendanceAsync(TrajetDbContext db, Appointment appointment, bool? attended, DateOnly today, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (attended is null)
        {
            errors.Add(new("attended", "Say whether the person came."));
        }
        if (appointment.Status == AppointmentStatus.Cancelled)
        {
            errors.Add(new("status", "The appointment was cancelled."));
        }
        if (appointment.Date > today)
        {
            errors.Add(new("attended", "Whether the person came can be recorded from the day of the appointment."));
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        appointment.Status = attended!.Value ? AppointmentStatus.Attended : AppointmentStatus.Missed;
        await db.SaveChangesAsync(ct);
        return errors;
    }
}

/// <summary>The day's agenda, for one coach or one desk.</summary>
public static class AgendaQuery
{
    public sealed record Item(
        Guid Id, Guid CaseId, string CaseNumber, string? Person, Guid CoachUserId, string Coach, DateOnly Date, TimeOnly Start, TimeOnly End,
        Guid? DeskId, string? Desk, string? Place, AppointmentKind Kind, BookedBy BookedBy, string? Purpose, AppointmentStatus Status,
        Guid? InvitationId, string? LetterLanguage, LocalizedText? DeskNames)
    {
        /// <summary>How far the e-mail of the letter went, when it was asked for (filled by <see cref="WithLetterEmailsAsync"/>).</summary>
        public Reminders.MailStatus? LetterEmail { get; init; }

        /// <summary>Where, in the reader's language: the desk's name, else the place typed.</summary>
        public string? WhereForUi() => Desk is null ? Place : DeskNames?.ForUi(Desk) ?? Desk;
    }

    public static IQueryable<Item> Project(TrajetDbContext db, IQueryable<Appointment> appointments, bool hideNames) =>
        appointments.OrderBy(a => a.Date).ThenBy(a => a.Start).Select(a => new Item(
            a.Id, a.CaseId,
            db.Cases.Where(c => c.Id == a.CaseId).Select(c => c.Number).First(),
            hideNames ? null : db.Members.Where(m => m.CaseId == a.CaseId).OrderBy(m => m.CreatedAt).Select(m => m.FirstName + " " + m.LastName).FirstOrDefault(),
            a.CoachUserId,
            db.Users.Where(u => u.Id == a.CoachUserId).Select(u => u.DisplayName).First(),
            a.Date, a.Start, a.End, a.DeskId, a.Desk != null ? a.Desk.Name : null, a.Place, a.Kind, a.BookedBy, hideNames ? null : a.Purpose, a.Status,
            db.Invitations.Where(i => i.AppointmentId == a.Id).OrderByDescending(i => i.CreatedAt).Select(i => (Guid?)i.Id).FirstOrDefault(),
            db.Invitations.Where(i => i.AppointmentId == a.Id).OrderByDescending(i => i.CreatedAt).Select(i => i.Language).FirstOrDefault(),
            a.Desk != null ? new LocalizedText { Fr = a.Desk.Names.Fr, Nl = a.Desk.Names.Nl, En = a.Desk.Names.En } : null));

    /// <summary>The items with how far each letter's e-mail went: one query over the outbox by the invitations' keys.</summary>
    public static async Task<List<Item>> WithLetterEmailsAsync(TrajetDbContext db, List<Item> items, CancellationToken ct)
    {
        var keys = items.Where(i => i.InvitationId is not null).Select(i => InvitationMail.KeyOf(i.InvitationId!.Value)).ToList();
        if (keys.Count == 0)
        {
            return items;
        }
        var statuses = await db.OutgoingMails.AsNoTracking().Where(m => keys.Contains(m.Key)).Select(m => new { m.Key, m.Status }).ToDictionaryAsync(m => m.Key, m => m.Status, ct);
        return [.. items.Select(i => i.InvitationId is { } id && statuses.TryGetValue(InvitationMail.KeyOf(id), out var status) ? i with { LetterEmail = status } : i)];
    }
}
