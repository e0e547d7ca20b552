using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Trajet.Web.Features.Instruments;

/// <summary>The EPIM impact scale (client summary sheet, Annex B).</summary>
public enum ImpactLevel { Negative, None, Limited, Some, Considerable, DontKnow }

/// <summary>Answers to a prompting question; a missing answer is "no answer".</summary>
public enum PromptAnswer { Yes, No, DontKnow, NotApplicable }

/// <summary>
/// The EPIM ATD client summary sheet of one case at one date: the profile (a snapshot, editable)
/// and the case-management part. One column per question, so the evaluation report is one scan.
/// </summary>
public sealed class SummarySheet : IProgrammeRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public Guid OrganisationId { get; set; }
    public Guid ProgrammeId { get; set; }
    public DateOnly Date { get; set; }

    public ImpactLevel Engagement { get; set; }
    public ImpactLevel Risk { get; set; }
    public ImpactLevel Trust { get; set; }

    public ImpactLevel Group1Impact { get; set; }
    public string? Group1Obstacles { get; set; }
    public PromptAnswer? MoreInformation { get; set; }
    public PromptAnswer? ConstructiveChoices { get; set; }
    public PromptAnswer? ConfidenceInProcedures { get; set; }
    public PromptAnswer? EngagedWithCaseManager { get; set; }
    public PromptAnswer? UnderstandsConsequences { get; set; }

    public ImpactLevel Group2Impact { get; set; }
    public string? Group2Obstacles { get; set; }
    public PromptAnswer? Initiative { get; set; }
    public PromptAnswer? ExercisesRights { get; set; }
    public PromptAnswer? ExploresAllOptions { get; set; }
    public PromptAnswer? CooperatesWithConditions { get; set; }
    public PromptAnswer? AuthoritiesBetterInformed { get; set; }

    public ImpactLevel Group3Impact { get; set; }
    public string? Group3Obstacles { get; set; }
    public PromptAnswer? LessVulnerable { get; set; }
    public PromptAnswer? MoreHope { get; set; }
    public PromptAnswer? MoreTrustInSystem { get; set; }
    public PromptAnswer? BetterPsychosocial { get; set; }
    public PromptAnswer? BetterSubsistence { get; set; }
    public PromptAnswer? BetterHousing { get; set; }
    public PromptAnswer? MoreStable { get; set; }

    /// <summary>The member the profile describes (kept as a plain column: a snapshot, like the profile itself).</summary>
    public Guid? MemberId { get; set; }
    /// <summary>The note's "other observations?".</summary>
    public string? Observations { get; set; }
    /// <summary>The note's last question: what undermined or favoured the impact of the case management.</summary>
    public string? ImpactFactors { get; set; }
    /// <summary>The profile part (JSON), pre-filled from the case file when the sheet was written, then edited.</summary>
    public string Profile { get; set; } = "{}";
    public Guid? CreatedByUserId { get; set; }
    public DateTime CreatedAt { get; set; } = Clock.UtcNow;
    public int Version { get; set; }
    /// <summary>The case's family (<see cref="Case.FamilyId"/>): a family that came back has its sheets on two cases.</summary>
    public Guid FamilyId { get; set; }
    /// <summary>The latest sheet of its family (by date, then recording): kept by <see cref="LatestSheet"/> on every save.</summary>
    public bool IsLatest { get; set; }
}

public sealed class SummarySheetConfiguration : IEntityTypeConfiguration<SummarySheet>
{
    public void Configure(EntityTypeBuilder<SummarySheet> s)
    {
        s.ToTable("SummarySheets");
        s.Property(x => x.Profile).HasMaxLength(8000);
        s.Property(x => x.Version).IsConcurrencyToken();
        s.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        s.HasIndex(x => new { x.ProgrammeId, x.Date });
        s.HasIndex(x => new { x.CaseId, x.Date, x.CreatedAt });
        s.HasIndex(x => new { x.FamilyId, x.Date, x.CreatedAt });
        s.Property(x => x.IsLatest).IsDerived();
        s.HasIndex(x => x.ProgrammeId, "IX_SummarySheets_ProgrammeId_Latest").HasFilter("\"IsLatest\"");
        s.Property(x => x.Group1Obstacles).IsConfidential();
        s.Property(x => x.Group2Obstacles).IsConfidential();
        s.Property(x => x.Group3Obstacles).IsConfidential();
        s.Property(x => x.Observations).IsConfidential();
        s.Property(x => x.ImpactFactors).IsConfidential();
    }
}
