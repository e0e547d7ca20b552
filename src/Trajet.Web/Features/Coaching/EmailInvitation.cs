using Trajet.Web.Features.Audit;
using Trajet.Web.Features.Privacy;
using Trajet.Web.Features.Reminders;

namespace Trajet.Web.Features.Coaching;

/// <summary>
/// Has an invitation letter e-mailed to the person's own address, when they gave one and agreed to be contacted by
/// e-mail. Only an outbox row is written, with the booking when asked at booking: the reminder job sends it, so a mail
/// server that is down never fails the request.
/// </summary>
public static class EmailInvitation
{
    /// <summary>What the API answers: the mail of the letter and how far it went (no text: the letter itself says it).</summary>
    public sealed record Sent(Guid InvitationId, string To, string Language, MailStatus Status, int Attempts, DateTime QueuedAt, DateTime? SentAt)
    {
        public static Sent Of(Invitation invitation, OutgoingMail mail) =>
            new(invitation.Id, mail.To, invitation.Language, mail.Status, mail.Attempts, mail.CreatedAt, mail.SentAt);
    }

    public sealed record Queued(Invitation Invitation, OutgoingMail Mail, bool IsNew);

    /// <summary>The household's e-mail address and whether someone of it agreed to be contacted by e-mail today.</summary>
    public static async Task<(string? Email, bool Consented)> RecipientAsync(TrajetDbContext db, Guid caseId, DateOnly today, CancellationToken ct)
    {
        var email = await db.HouseholdContacts.AsNoTracking().Where(c => c.CaseId == caseId).Select(c => c.Email).SingleOrDefaultAsync(ct);
        var consented = await db.Consents.Where(c => c.CaseId == caseId && c.Purpose == ConsentPurpose.EmailReminders)
            .Where(ConsentRules.ActiveOn(today)).AnyAsync(ct);
        return (email, consented);
    }

    /// <summary>
    /// Adds the letter's outbox row and its audit entry to what the caller saves next: booking writes them in its own
    /// transaction, with the appointment.
    /// </summary>
    public static async Task<OutgoingMail> AddAsync(TrajetDbContext db, Invitation invitation, Appointment appointment, Desk? desk, string to,
        IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var content = InvitationMail.Compose(await Letters.ComposeAsync(db, invitation, appointment, desk, l, ct));
        var mail = InvitationMail.Mail(invitation, to, content, Clock.UtcNow);
        db.OutgoingMails.Add(mail);
        Audit(db, invitation, mail);
        return mail;
    }

    /// <summary>The mail of an invitation, if one was asked for.</summary>
    public static Task<OutgoingMail?> OfAsync(TrajetDbContext db, Guid invitationId, CancellationToken ct)
    {
        var key = InvitationMail.KeyOf(invitationId);
        return db.OutgoingMails.AsNoTracking().SingleOrDefaultAsync(m => m.Key == key, ct);
    }

    /// <summary>
    /// E-mails an existing invitation's letter. Asked again, it answers the mail already queued or sent; a mail the
    /// outbox gave up on is written again, to the address on file now.
    /// </summary>
    public static async Task<Result<Queued>> ExecuteAsync(TrajetDbContext db, UserContext user, Guid invitationId, IStringLocalizer<SharedResource> l, DateOnly today, CancellationToken ct)
    {
        var invitation = Cases.CaseAccess.CanWrite(user)
            ? await db.Invitations.Visible(user).AsNoTracking().Include(i => i.Appointment).ThenInclude(a => a!.Desk).SingleOrDefaultAsync(i => i.Id == invitationId, ct)
            : null;
        if (invitation?.Appointment is not { } appointment)
        {
            return Failure.NotFound;
        }
        var key = InvitationMail.KeyOf(invitation.Id);
        var existing = await db.OutgoingMails.SingleOrDefaultAsync(m => m.Key == key, ct);
        if (existing is { Status: not MailStatus.Abandoned })
        {
            return new Queued(invitation, existing, false);
        }
        var (email, consented) = await RecipientAsync(db, invitation.CaseId, today, ct);
        if (InvitationMail.Refusal(email, consented, appointment.Status) is { } refusal)
        {
            return Failure.Invalid("email", refusal);
        }
        OutgoingMail mail;
        if (existing is null)
        {
            mail = await AddAsync(db, invitation, appointment, appointment.Desk, email!, l, ct);
        }
        else
        {
            var content = InvitationMail.Compose(await Letters.ComposeAsync(db, invitation, appointment, appointment.Desk, l, ct));
            (existing.To, existing.Subject, existing.Text, existing.Html) = (email!, content.Subject, content.Text, content.Html);
            (existing.Status, existing.Attempts, existing.LastError, existing.NextAttemptAt) = (MailStatus.Pending, 0, null, Clock.UtcNow);
            Audit(db, invitation, existing);
            mail = existing;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (existing is null)
        {
            // Two clicks at once: the other request's row claimed the send; answer it.
            db.Entry(mail).State = EntityState.Detached;
            db.TakeQueuedAudit();
            return new Queued(invitation, await db.OutgoingMails.AsNoTracking().SingleAsync(m => m.Key == key, ct), false);
        }
        return new Queued(invitation, mail, true);
    }

    // The outbox is not audited as a change (digests are the system's); a letter e-mailed is a coach's act on the case.
    // No address and no name in the entry: which letter, and in which language.
    private static void Audit(TrajetDbContext db, Invitation invitation, OutgoingMail mail) =>
        db.QueueAudit(new AuditDraft(AuditAction.Create, "InvitationMail", mail.Id.ToString(), invitation.CaseId, invitation.OrganisationId,
            AuditTrail.Details(new { invitation = invitation.Id, language = invitation.Language })));
}
