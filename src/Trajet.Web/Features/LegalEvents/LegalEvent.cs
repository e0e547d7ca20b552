using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Trajet.Web.Features.LegalEvents;

public enum LegalEventType
{
    Arrival, AsylumApplication, Decision, Appeal, RegularisationHumanitarian, RegularisationMedical, StatelessnessProcedure,
    FamilyReunification, OrderToLeave, EntryBan, Detention, Release, ChangeOfLawyer, LaissezPasser, DublinTransfer, Other,
}

public enum LegalOutcome { Positive, Negative, Pending, Other }

/// <summary>One dated step of the person's migration and legal history, with the deadline it opens.</summary>
public sealed class LegalEvent : IProgrammeRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public Guid OrganisationId { get; set; }
    public Guid ProgrammeId { get; set; }
    public DateOnly Date { get; set; }
    public LegalEventType Type { get; set; }
    public string? Authority { get; set; }
    public string? Reference { get; set; }
    public string? Lawyer { get; set; }
    public LegalOutcome? Outcome { get; set; }
    /// <summary>Days to comply as written on an order to leave the territory.</summary>
    public int? DaysToComply { get; set; }
    public string? Notes { get; set; }
    public DateOnly? Deadline { get; set; }
    /// <summary>Where the deadline comes from: the rule's label, or "entered by hand".</summary>
    public string? DeadlineSource { get; set; }
    /// <summary>The rule's label in each language, as it read when the deadline was computed.</summary>
    public LocalizedText DeadlineSources { get; set; } = new();
    public Guid? RecordedByUserId { get; set; }
    public DateTime CreatedAt { get; set; } = Clock.UtcNow;
}

/// <summary>A legal event as the API and the case page show it.</summary>
public sealed record LegalEventView(Guid Id, DateOnly Date, LegalEventType Type, string? Authority, string? Reference, string? Lawyer,
    LegalOutcome? Outcome, int? DaysToComply, DateOnly? Deadline, string? DeadlineSource, string? Notes, LocalizedText DeadlineSources)
{
    public static readonly System.Linq.Expressions.Expression<Func<LegalEvent, LegalEventView>> Projection = e =>
        new(e.Id, e.Date, e.Type, e.Authority, e.Reference, e.Lawyer, e.Outcome, e.DaysToComply, e.Deadline, e.DeadlineSource, e.Notes, e.DeadlineSources);

    private static readonly Func<LegalEvent, LegalEventView> Compiled = Projection.Compile();

    public static LegalEventView Of(LegalEvent e) => Compiled(e);
}

/// <summary>A time limit opened by a kind of legal event: configuration per organisation, never code.</summary>
public sealed class DeadlineRule
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public LegalEventType EventType { get; set; }
    /// <summary>Only events with this outcome open the limit (e.g. a negative decision); null for any.</summary>
    public LegalOutcome? Outcome { get; set; }
    /// <summary>The default label: shown where the reader's language has none.</summary>
    public required string Label { get; set; }
    public LocalizedText Labels { get; set; } = new();
    public int Days { get; set; }
    public int Months { get; set; }
    /// <summary>Counts the days written on the event itself (an order to leave) when given.</summary>
    public bool UsesDaysOnEvent { get; set; }
    public bool IsActive { get; set; } = true;
}

public sealed class LegalEventConfiguration : IEntityTypeConfiguration<LegalEvent>
{
    public void Configure(EntityTypeBuilder<LegalEvent> e)
    {
        e.ToTable("LegalEvents");
        e.Property(x => x.Authority).HasMaxLength(200);
        e.Property(x => x.Reference).HasMaxLength(100);
        e.Property(x => x.Lawyer).HasMaxLength(200);
        e.Property(x => x.DeadlineSource).HasMaxLength(300);
        e.HasLocalized(x => x.DeadlineSources, "DeadlineSource", 300);
        e.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.CaseId, x.Date });
        e.HasIndex(x => new { x.OrganisationId, x.Deadline });
        e.Property(x => x.Notes).IsConfidential();
    }
}

public sealed class DeadlineRuleConfiguration : IEntityTypeConfiguration<DeadlineRule>
{
    public void Configure(EntityTypeBuilder<DeadlineRule> r)
    {
        r.ToTable("DeadlineRules");
        r.Property(x => x.Label).HasMaxLength(300);
        r.HasLocalized(x => x.Labels, "Label", 300);
        r.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        r.HasIndex(x => x.OrganisationId);
    }
}
