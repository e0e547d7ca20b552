using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Trajet.Web.Features.Reminders;

public enum MailKind { Digest, Escalation, Invitation }

public enum MailStatus { Pending, Sending, Sent, Failed, Abandoned }

/// <summary>
/// One e-mail on its way out. Its <see cref="Key"/> is unique (a digest's user and day, an invitation's id): writing the
/// row is what claims the send, so no instance and no second run sends it again. Requests only write rows; the reminder
/// job sends them and retries a failure later, so a mail server that is down never fails a request.
/// </summary>
public sealed class OutgoingMail
{
    public const int MaxAttempts = 10;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Key { get; set; }
    public MailKind Kind { get; set; }
    /// <summary>The worker the mail is for; null for a mail to a person of a case (an invitation).</summary>
    public Guid? UserId { get; set; }
    public Guid? OrganisationId { get; set; }
    /// <summary>The day a digest or an escalation is for.</summary>
    public DateOnly? Day { get; set; }
    public required string To { get; set; }
    public required string Subject { get; set; }
    /// <summary>The bodies, encrypted at rest (as <see cref="To"/>), and emptied once sent: the database keeps that a mail went, not what it said.</summary>
    public string? Text { get; set; }
    public string? Html { get; set; }
    /// <summary>How many lines (deadlines, appointments) the mail listed: what the admin page and the audit count.</summary>
    public int Lines { get; set; }
    public MailStatus Status { get; set; } = MailStatus.Pending;
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public DateTime CreatedAt { get; set; } = Clock.UtcNow;
    public DateTime? SentAt { get; set; }
}

public sealed class OutgoingMailConfiguration : IEntityTypeConfiguration<OutgoingMail>
{
    public void Configure(EntityTypeBuilder<OutgoingMail> m)
    {
        m.ToTable("OutgoingMails");
        m.Property(x => x.Key).HasMaxLength(120);
        m.HasIndex(x => x.Key).IsUnique();
        m.HasIndex(x => new { x.Status, x.NextAttemptAt });
        m.HasIndex(x => new { x.UserId, x.Day });
        // A person's own address (an invitation) is personal data like their phone.
        m.Property(x => x.To).IsConfidential();
        m.Property(x => x.Subject).HasMaxLength(300);
        m.Property(x => x.Text).IsConfidential();
        m.Property(x => x.Html).IsConfidential();
        m.Property(x => x.LastError).HasMaxLength(1000);
        m.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
