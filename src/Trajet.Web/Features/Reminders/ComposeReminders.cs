using Trajet.Web.Features.Coaching;
using Trajet.Web.Features.Deadlines;
using Trajet.Web.Features.Documents;
using Trajet.Web.Features.LegalEvents;

namespace Trajet.Web.Features.Reminders;

/// <summary>
/// Writes the day's digests and escalations into the outbox (<see cref="OutgoingMail"/>), once per person and day:
/// the mail's key is unique, so a second run, or a second instance, writes nothing new.
/// A digest lists what falls due in the worker's own cases (as "What falls due" shows it) and a coach's appointments of
/// tomorrow; an escalation, to the programme's coordinators, the legal deadlines within <c>Reminders:EscalateDays</c> on
/// which nothing has been recorded since the event that opened them.
/// </summary>
public sealed class ComposeReminders(TrajetDbContext db, IConfiguration config, TimeProvider clock, DocumentValidity validity, IStringLocalizer<SharedResource> l)
{
    private readonly SmtpSettings smtp = SmtpSettings.Read(config);

    /// <param name="whateverTheHour">The command sends everyone's now; the daily job waits for each person's hour.</param>
    public async Task<int> RunAsync(bool whateverTheHour, CancellationToken ct)
    {
        if (!smtp.IsConfigured)
        {
            return 0; // nothing piles up to be sent the day a mail server is configured
        }
        var now = clock.GetLocalNow();
        var today = DateOnly.FromDateTime(now.Date);
        var recipients = await RecipientsAsync(today, whateverTheHour ? 24 : now.Hour, ct);
        var written = 0;
        // By batches, each marked done once written: a run that stops half-way starts again where it stopped.
        foreach (var batch in recipients.Chunk(100))
        {
            foreach (var r in batch)
            {
                written += await DigestAsync(r, today, ct) ? 1 : 0;
            }
            written += await EscalateAsync(batch, today, ct);
            await MarkDoneAsync(batch, today, ct);
        }
        return written;
    }

    private sealed record Recipient(Guid Id, string Email, string Language, Guid? OrganisationId);

    /// <summary>Active workers of an organisation whose reminders are on, whose hour has come, and not yet done today.</summary>
    private async Task<List<Recipient>> RecipientsAsync(DateOnly today, int hourNow, CancellationToken ct) =>
        (await db.Users.AsNoTracking()
            .Where(u => u.IsActive && u.OrganisationId != null && u.Email != null)
            .Select(u => new { u.Id, u.Email, u.OrganisationId, Preference = db.ReminderPreferences.FirstOrDefault(p => p.UserId == u.Id) })
            .Where(u => u.Preference == null || (u.Preference.Enabled && u.Preference.Hour <= hourNow && (u.Preference.DoneOn == null || u.Preference.DoneOn < today)))
            .ToListAsync(ct))
        .Where(u => u.Preference is not null || ReminderPreference.DefaultHour <= hourNow)
        .Select(u => new Recipient(u.Id, u.Email!, u.Preference?.Language ?? "en", u.OrganisationId))
        .ToList();

    /// <summary>
    /// Today's reminders of these people are written (or there was nothing to say): later runs today skip them, so the
    /// job every five minutes does not compute everyone's deadlines again.
    /// </summary>
    private async Task MarkDoneAsync(IReadOnlyCollection<Recipient> batch, DateOnly today, CancellationToken ct)
    {
        var ids = batch.Select(r => r.Id).ToList();
        var known = await db.ReminderPreferences.Where(p => ids.Contains(p.UserId)).Select(p => p.UserId).ToListAsync(ct);
        await db.ReminderPreferences.Where(p => ids.Contains(p.UserId)).ExecuteUpdateAsync(s => s.SetProperty(p => p.DoneOn, today), ct);
        db.ReminderPreferences.AddRange(batch.Where(r => !known.Contains(r.Id)).Select(r => new ReminderPreference { UserId = r.Id, Language = r.Language, DoneOn = today }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear(); // another instance marked them first
        }
    }

    private async Task<bool> DigestAsync(Recipient r, DateOnly today, CancellationToken ct)
    {
        if (await UserAccounts.LoadAsync(db, r.Id, ct) is not { User: { SeesAggregatesOnly: false } user })
        {
            return false;
        }
        var due = await DueList.BuildAsync(db, user, onlyMine: true, today, DueList.Settings.From(config), validity, ct);
        var lines = Localization.InLanguage(r.Language, () => due.Where(i => i.Due is not null)
            .Select(i => new ReminderMail.Line(i.Due!.Value, i.CaseNumber, DueList.Describe(i, l), smtp.Link($"/Cases/Details/{i.CaseId}")))
            .ToList());
        var tomorrow = today.AddDays(1);
        var appointments = await db.Appointments.AsNoTracking()
            .Where(a => a.CoachUserId == user.Id && a.Date == tomorrow && a.Status == AppointmentStatus.Booked)
            .Select(a => new { a.CaseId, Number = db.Cases.Where(c => c.Id == a.CaseId).Select(c => c.Number).First(), a.Start, a.End, Desk = a.Desk != null ? a.Desk.Name : null })
            .ToListAsync(ct);
        // The desk's name, never the free-text place: an interview elsewhere may be at the family's address.
        lines.AddRange(Localization.InLanguage(r.Language, () => appointments.Select(a => new ReminderMail.Line(tomorrow, a.Number,
            a.Desk is null ? string.Format(Localization.ReaderCulture(r.Language), l["Appointment {0}–{1}"], a.Start.ToString("HH:mm"), a.End.ToString("HH:mm"))
                : string.Format(Localization.ReaderCulture(r.Language), l["Appointment {0}–{1}, {2}"], a.Start.ToString("HH:mm"), a.End.ToString("HH:mm"), a.Desk),
            smtp.Link($"/Cases/Details/{a.CaseId}")))));
        return lines.Count > 0 && await WriteAsync(MailKind.Digest, r, user.OrganisationId, lines, today, ct);
    }

    private async Task<int> EscalateAsync(IReadOnlyCollection<Recipient> recipients, DateOnly today, CancellationToken ct)
    {
        if (recipients.Count == 0)
        {
            return 0;
        }
        var ids = recipients.Select(r => r.Id).ToList();
        var coordinators = await db.UserRoles.Where(ur => ids.Contains(ur.UserId))
            .Join(db.Roles.Where(role => role.Name == Roles.Coordinator), ur => ur.RoleId, role => role.Id, (ur, _) => ur.UserId)
            .ToListAsync(ct);
        if (coordinators.Count == 0)
        {
            return 0;
        }
        var until = today.AddDays(config.GetValue("Reminders:EscalateDays", 7));
        var open = await db.LegalEvents.AsNoTracking()
            .Where(e => e.Deadline >= today && e.Deadline <= until)
            .Join(db.Cases.Where(c => c.Status != CaseStatus.Closed && c.Status != CaseStatus.Declined && c.ErasedOn == null), e => e.CaseId, c => c.Id,
                (e, c) => new { Event = e, c.Number, c.ProgrammeId })
            // Nothing recorded on the case since the event that opened the limit: nobody has acted on it yet.
            .Where(x => !db.LegalEvents.Any(later => later.CaseId == x.Event.CaseId && later.Date > x.Event.Date))
            .Select(x => new { x.Event.CaseId, x.Number, x.ProgrammeId, Deadline = x.Event.Deadline!.Value, x.Event.Type })
            .ToListAsync(ct);
        if (open.Count == 0)
        {
            return 0;
        }
        var programmes = open.Select(o => o.ProgrammeId).Distinct().ToList();
        var members = await db.Set<UserProgramme>().Where(up => coordinators.Contains(up.UserId) && programmes.Contains(up.ProgrammeId)).ToListAsync(ct);
        var written = 0;
        foreach (var r in recipients.Where(r => coordinators.Contains(r.Id)))
        {
            var mine = members.Where(m => m.UserId == r.Id).Select(m => m.ProgrammeId).ToHashSet();
            var lines = Localization.InLanguage(r.Language, () => open.Where(o => mine.Contains(o.ProgrammeId))
                .Select(o => new ReminderMail.Line(o.Deadline, o.Number,
                    DueList.Describe(new DueList.Item(o.CaseId, o.Number, DueKind.LegalDeadline, o.Deadline, o.Type.ToString(), null), l), smtp.Link($"/Cases/Details/{o.CaseId}")))
                .ToList());
            written += lines.Count > 0 && await WriteAsync(MailKind.Escalation, r, r.OrganisationId, lines, today, ct) ? 1 : 0;
        }
        return written;
    }

    private async Task<bool> WriteAsync(MailKind kind, Recipient r, Guid? organisationId, List<ReminderMail.Line> lines, DateOnly today, CancellationToken ct)
    {
        var content = ReminderMail.Compose(kind, lines, today, r.Language, smtp.Link("/Reminders/Settings"), l);
        var mail = new OutgoingMail
        {
            Key = $"{kind.ToString().ToLowerInvariant()}:{r.Id:N}:{today:yyyy-MM-dd}",
            Kind = kind,
            Day = today,
            UserId = r.Id,
            OrganisationId = organisationId,
            To = r.Email,
            Subject = content.Subject,
            Text = content.Text,
            Html = content.Html,
            Lines = lines.Count,
            NextAttemptAt = clock.GetUtcNow().UtcDateTime,
        };
        db.OutgoingMails.Add(mail);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another run wrote the same mail first: it is sent once, by whoever sends the outbox.
            db.Entry(mail).State = EntityState.Detached;
            return false;
        }
    }
}
