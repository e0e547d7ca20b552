using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Trajet.Web.Features.Coaching;

public enum WalkInStatus { Waiting, BeingSeen, Done }

public enum WalkInOutcome { InformationGiven, AppointmentBooked, CaseOpened, ReferredToPartner, LeftBeforeBeingSeen, Other }

/// <summary>One person who came to a desk without an appointment: the desk's register and queue of the day.</summary>
public sealed class WalkIn : IProgrammeRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid ProgrammeId { get; set; }
    public Guid DeskId { get; set; }
    public DateOnly Date { get; set; }
    /// <summary>Local time at the desk.</summary>
    public TimeOnly ArrivedAt { get; set; }
    /// <summary>The name the person gives, when no case is linked yet.</summary>
    public string? Name { get; set; }
    /// <summary>ISO 639-1 code of the language the person speaks.</summary>
    public string? Language { get; set; }
    public bool InterpreterNeeded { get; set; }
    public bool FirstVisit { get; set; }
    /// <summary>The known case, for someone who already has a file.</summary>
    public Guid? CaseId { get; set; }
    public string? Question { get; set; }
    public WalkInStatus Status { get; set; } = WalkInStatus.Waiting;
    public Guid? SeenByUserId { get; set; }
    public TimeOnly? CalledAt { get; set; }
    public WalkInOutcome? Outcome { get; set; }
    public string? OutcomeNotes { get; set; }
    public Guid? RegisteredByUserId { get; set; }
    public DateTime CreatedAt { get; set; } = Clock.UtcNow;
    /// <summary>Two coaches calling the next person at once: only one gets them.</summary>
    public int Version { get; set; }
}

public sealed class WalkInConfiguration : IEntityTypeConfiguration<WalkIn>
{
    public void Configure(EntityTypeBuilder<WalkIn> w)
    {
        w.ToTable("WalkIns");
        w.Property(x => x.Name).HasMaxLength(200);
        w.Property(x => x.Language).HasMaxLength(10);
        w.Property(x => x.Question).HasMaxLength(2000);
        w.Property(x => x.OutcomeNotes).HasMaxLength(2000);
        w.Property(x => x.Version).IsConcurrencyToken();
        w.HasOne<Desk>().WithMany().HasForeignKey(x => x.DeskId).OnDelete(DeleteBehavior.Cascade);
        w.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.SetNull);
        w.HasIndex(x => new { x.DeskId, x.Date });
        w.HasIndex(x => x.CaseId);
        w.Property(x => x.Question).IsConfidential();
        w.Property(x => x.OutcomeNotes).IsConfidential();
    }
}
