using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Trajet.Web.Features.Cases;

public enum CaseKind { Family, Individual }

public enum CaseStatus { Referred, Screening, Admitted, Declined, Active, Paused, Closed }

public enum ReferralSource { Community, Detention, Organisation, Self, Other }

public enum RiskLevel { High, Medium, Low, DontKnow }

/// <summary>Status at closure, as the EPIM client summary sheet counts it.</summary>
public enum ClosureOutcome
{
    RemainedInContact, Disengaged, Absconded, ResolvedRegularisation, ResolvedVoluntaryReturn, ResolvedRemoval, ReDetained, Other,
}

/// <summary>The options explored openly with the family; at closure, the one reached.</summary>
public enum DurableSolution { LegalStayHere, LegalStayOtherEuState, VoluntaryReturn, None, Other }

public sealed class Case : IProgrammeRecord
{
    public Case() => FamilyId = Id;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>The first case of a chain of re-referrals (its own <see cref="Id"/> when it follows none): reports count a family once by it.</summary>
    public Guid FamilyId { get; set; }
    /// <summary>The earlier case this referral follows, when a family comes back; same organisation.</summary>
    public Guid? PreviousCaseId { get; set; }
    public Guid OrganisationId { get; set; }
    public Guid ProgrammeId { get; set; }
    public Programme? Programme { get; set; }
    /// <summary>Human reference such as PT-2026-0007, unique within the programme.</summary>
    public required string Number { get; set; }
    /// <summary>The household's reference in the spreadsheet it was imported from, unique in the programme: a second import finds it.</summary>
    public string? ExternalRef { get; set; }
    public CaseKind Kind { get; set; }
    public CaseStatus Status { get; set; } = CaseStatus.Referred;
    public required Referral Referral { get; set; }
    /// <summary>The first admission; a reopened case's later periods are in <see cref="SupportPeriods"/>.</summary>
    public DateOnly? AdmittedOn { get; set; }
    /// <summary>The current closure: cleared when the case is reopened (the history keeps it).</summary>
    public DateOnly? ClosedOn { get; set; }
    public ClosureOutcome? Outcome { get; set; }
    public DurableSolution? DurableSolution { get; set; }
    /// <summary>When the whole household was erased: the free text and documents of the case are gone too.</summary>
    public DateOnly? ErasedOn { get; set; }
    public DateTime CreatedAt { get; set; } = Clock.UtcNow;
    public DateTime UpdatedAt { get; set; } = Clock.UtcNow;
    /// <summary>Optimistic concurrency: bumped on every save, a stale save is a 409.</summary>
    public int Version { get; set; }
    /// <summary>The case's interactions and, of them, home visits: kept by triggers on Interactions (CaseWork/InteractionTotals.cs).</summary>
    public int InteractionCount { get; set; }
    public int HomeVisitCount { get; set; }
    /// <summary>Every interaction of the case is dated within these (a removed one may have left them wider).</summary>
    public DateOnly? FirstInteractionOn { get; set; }
    public DateOnly? LastInteractionOn { get; set; }
    public List<Member> Members { get; set; } = [];
    public List<CaseStatusChange> StatusChanges { get; set; } = [];
    public List<CaseAssignment> Assignments { get; set; } = [];
    public List<ScreeningAnswer> Screening { get; set; } = [];
    public List<CaseSupportPeriod> SupportPeriods { get; set; } = [];
}

/// <summary>A case manager assigned to the case by a coordinator.</summary>
public sealed class CaseAssignment
{
    public Guid CaseId { get; set; }
    public Guid UserId { get; set; }
    public DateTime AssignedAt { get; set; } = Clock.UtcNow;
    public Guid? AssignedByUserId { get; set; }
}

/// <summary>How the case came in; kept even when the case is declined so the funnel can be counted.</summary>
public sealed class Referral
{
    public ReferralSource Source { get; set; }
    public string? ReferredBy { get; set; }
    public DateOnly Date { get; set; }
    public bool? KnownBefore { get; set; }
    public RiskLevel RiskAtIntake { get; set; } = RiskLevel.DontKnow;
}

public sealed class CaseStatusChange
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public CaseStatus? From { get; set; }
    public CaseStatus To { get; set; }
    /// <summary>When the change took effect (the decision date), as opposed to <see cref="At"/>, when it was recorded.</summary>
    public DateOnly Date { get; set; }
    public DateTime At { get; set; } = Clock.UtcNow;
    public Guid? ByUserId { get; set; }
    public string? Reason { get; set; }
    /// <summary>At a closure, what it was: the case's own fields are cleared when it is reopened.</summary>
    public ClosureOutcome? Outcome { get; set; }
    public DurableSolution? DurableSolution { get; set; }
}

public sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> c)
    {
        c.ToTable("Cases");
        c.Property(x => x.Number).HasMaxLength(30);
        c.Property(x => x.Version).IsConcurrencyToken();
        c.OwnsOne(x => x.Referral, r =>
        {
            r.Property(x => x.Source).HasColumnName("ReferralSource");
            r.Property(x => x.ReferredBy).HasColumnName("ReferredBy").HasMaxLength(200);
            r.Property(x => x.Date).HasColumnName("ReferralDate");
            r.Property(x => x.KnownBefore).HasColumnName("KnownBefore");
            r.Property(x => x.RiskAtIntake).HasColumnName("RiskAtIntake");
        });
        c.Navigation(x => x.Referral).IsRequired();
        c.HasOne(x => x.Programme).WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        c.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        c.HasMany(x => x.Members).WithOne().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        c.HasMany(x => x.StatusChanges).WithOne().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        c.HasMany(x => x.Assignments).WithOne().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        c.HasMany(x => x.Screening).WithOne().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        c.HasMany(x => x.SupportPeriods).WithOne().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        // Plain columns, no foreign key: SQLite cannot add one to an existing table (migration 0031).
        c.HasIndex(x => x.FamilyId);
        // Re-referrals only: the nulls of every other case would make SQLite's planner pass the index by (migration 0041).
        c.HasIndex(x => x.PreviousCaseId).HasFilter("\"PreviousCaseId\" IS NOT NULL");
        c.HasIndex(x => new { x.ProgrammeId, x.Number }).IsUnique();
        c.Property(x => x.ExternalRef).HasMaxLength(60);
        c.HasIndex(x => new { x.ProgrammeId, x.ExternalRef }).IsUnique();
        // The case list's indexes, (OrganisationId, Status, ReferralDate, ProgrammeId) and (OrganisationId, ReferralDate,
        // ProgrammeId), span the owned Referral's column: EF cannot model them, migration 0016 creates them.
        c.HasIndex(x => new { x.OrganisationId, x.CreatedAt });
        c.HasIndex(x => new { x.Status, x.ClosedOn });
        // The evaluation report's supported cases, read from this index alone (migration 0024).
        c.HasIndex(x => new { x.ProgrammeId, x.AdmittedOn, x.ClosedOn, x.Kind, x.Status, x.Outcome });
        foreach (var total in new[] { nameof(Case.InteractionCount), nameof(Case.HomeVisitCount), nameof(Case.FirstInteractionOn), nameof(Case.LastInteractionOn) })
        {
            c.Property(total).IsDerived();
        }
    }
}

public sealed class CaseStatusChangeConfiguration : IEntityTypeConfiguration<CaseStatusChange>
{
    public void Configure(EntityTypeBuilder<CaseStatusChange> s)
    {
        s.ToTable("CaseStatusChanges");
        s.HasIndex(x => new { x.CaseId, x.At });
        s.Property(x => x.Reason).IsConfidential();
    }
}

public sealed class CaseAssignmentConfiguration : IEntityTypeConfiguration<CaseAssignment>
{
    public void Configure(EntityTypeBuilder<CaseAssignment> a)
    {
        a.ToTable("CaseAssignments");
        a.HasKey(x => new { x.CaseId, x.UserId });
        a.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        a.HasIndex(x => x.UserId);
    }
}

public static class SupportTime
{
    /// <summary>Months of support between two days (30.44 days a month), as the worker's summary and the report count them.</summary>
    public static double Months(DateOnly from, DateOnly to) => Math.Max(0, to.DayNumber - from.DayNumber) / 30.44;

    /// <summary>Days of support in a case's periods up to <paramref name="until"/>: the time a reopened case spent closed is not support.</summary>
    public static int Days(IEnumerable<SupportPeriodDto> periods, DateOnly until) =>
        periods.Where(p => p.From <= until).Sum(p => (p.To is { } to && to < until ? to : until).DayNumber - p.From.DayNumber);

    /// <inheritdoc cref="Days"/>
    public static double Months(IEnumerable<SupportPeriodDto> periods, DateOnly until) => Days(periods, until) / 30.44;
}
