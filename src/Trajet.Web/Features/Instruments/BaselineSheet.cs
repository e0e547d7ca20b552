using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Trajet.Web.Features.Instruments;

/// <summary>The baseline sheet (Annex A): 14 items scored 0–10 with a why, at admission and at each review.</summary>
public sealed class BaselineSheet : IProgrammeRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public Guid OrganisationId { get; set; }
    public Guid ProgrammeId { get; set; }
    /// <summary>When the sheet was written.</summary>
    public DateOnly Date { get; set; }
    /// <summary>The date of the situation it describes (at intake for the first sheet).</summary>
    public DateOnly SituationOn { get; set; }
    public List<BaselineScore> Scores { get; set; } = [];
    public Guid? CreatedByUserId { get; set; }
    public DateTime CreatedAt { get; set; } = Clock.UtcNow;
}

public sealed class BaselineScore
{
    public Guid SheetId { get; set; }
    /// <summary>1 to 14, as numbered in <see cref="BaselineItems"/>.</summary>
    public int Item { get; set; }
    public int Score { get; set; }
    public string? Why { get; set; }
}

/// <summary>The narrative case study (Annex C), one per case, drafted from the case's records and then edited.</summary>
public sealed class CaseStudy
{
    public Guid CaseId { get; set; }
    public Guid OrganisationId { get; set; }
    public string? Profile { get; set; }
    public string? Screening { get; set; }
    public string? Planning { get; set; }
    public string? Interventions { get; set; }
    public string? Review { get; set; }
    public string? Closure { get; set; }
    public DateTime UpdatedAt { get; set; } = Clock.UtcNow;
    public Guid? UpdatedByUserId { get; set; }
    public int Version { get; set; }
}

public sealed class BaselineSheetConfiguration : IEntityTypeConfiguration<BaselineSheet>
{
    public void Configure(EntityTypeBuilder<BaselineSheet> b)
    {
        b.ToTable("BaselineSheets");
        b.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Scores).WithOne().HasForeignKey(x => x.SheetId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.CaseId, x.Date });
    }
}

public sealed class BaselineScoreConfiguration : IEntityTypeConfiguration<BaselineScore>
{
    public void Configure(EntityTypeBuilder<BaselineScore> b)
    {
        b.ToTable("BaselineScores");
        b.HasKey(x => new { x.SheetId, x.Item });
        b.Property(x => x.Why).IsConfidential();
    }
}

public sealed class CaseStudyConfiguration : IEntityTypeConfiguration<CaseStudy>
{
    public void Configure(EntityTypeBuilder<CaseStudy> c)
    {
        c.ToTable("CaseStudies");
        c.HasKey(x => x.CaseId);
        c.Property(x => x.Version).IsConcurrencyToken();
        c.HasOne<Case>().WithOne().HasForeignKey<CaseStudy>(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        c.Property(x => x.Profile).IsConfidential();
        c.Property(x => x.Screening).IsConfidential();
        c.Property(x => x.Planning).IsConfidential();
        c.Property(x => x.Interventions).IsConfidential();
        c.Property(x => x.Review).IsConfidential();
        c.Property(x => x.Closure).IsConfidential();
    }
}
