using Microsoft.EntityFrameworkCore.Metadata.Builders;
namespace Trajet.Web.Features.Cases;

public enum CriterionAnswer { Met, NotMet, Unknown }

/// <summary>An admission criterion of a programme: configuration, edited by its coordinator.</summary>
public sealed class AdmissionCriterion
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ProgrammeId { get; set; }
    public int Position { get; set; }
    /// <summary>The default text: shown where the reader's language has none.</summary>
    public required string Text { get; set; }
    public LocalizedText Texts { get; set; } = new();
    public bool IsActive { get; set; } = true;
}

/// <summary>How a case meets one criterion, with the worker's note.</summary>
public sealed class ScreeningAnswer
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public Guid CriterionId { get; set; }
    public AdmissionCriterion? Criterion { get; set; }
    public CriterionAnswer Answer { get; set; } = CriterionAnswer.Unknown;
    public string? Note { get; set; }
    public DateTime RecordedAt { get; set; } = Clock.UtcNow;
    public Guid? RecordedByUserId { get; set; }
}

public sealed class AdmissionCriterionConfiguration : IEntityTypeConfiguration<AdmissionCriterion>
{
    public void Configure(EntityTypeBuilder<AdmissionCriterion> a)
    {
        a.ToTable("AdmissionCriteria");
        a.Property(x => x.Text).HasMaxLength(500);
        a.HasLocalized(x => x.Texts, "Text", 500);
        a.HasOne<Programme>().WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        a.HasIndex(x => new { x.ProgrammeId, x.Position });
    }
}

public sealed class ScreeningAnswerConfiguration : IEntityTypeConfiguration<ScreeningAnswer>
{
    public void Configure(EntityTypeBuilder<ScreeningAnswer> a)
    {
        a.ToTable("ScreeningAnswers");
        a.HasOne(x => x.Criterion).WithMany().HasForeignKey(x => x.CriterionId).OnDelete(DeleteBehavior.Restrict);
        a.HasIndex(x => new { x.CaseId, x.CriterionId }).IsUnique();
        a.HasIndex(x => x.CriterionId);
        a.Property(x => x.Note).IsConfidential();
    }
}
