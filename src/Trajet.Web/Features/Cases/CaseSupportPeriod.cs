using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Trajet.Web.Features.Cases;

/// <summary>
/// One stretch of support: from an admission, or a reopening to active, to the next closure (open while
/// <see cref="To"/> is null). A reopened case has several; ChangeStatus keeps them.
/// </summary>
public sealed class CaseSupportPeriod
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    /// <summary>The case's programme, copied so that a report finds a programme's periods in a period from one index.</summary>
    public Guid ProgrammeId { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? To { get; set; }
}

public sealed class CaseSupportPeriodConfiguration : IEntityTypeConfiguration<CaseSupportPeriod>
{
    public void Configure(EntityTypeBuilder<CaseSupportPeriod> p)
    {
        p.ToTable("CaseSupportPeriods");
        p.HasIndex(x => x.CaseId);
        p.HasOne<Programme>().WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        // The reports' question, "which cases of this programme were supported between two days", read from the index alone.
        p.HasIndex(x => new { x.ProgrammeId, x.From, x.To, x.CaseId });
    }
}
