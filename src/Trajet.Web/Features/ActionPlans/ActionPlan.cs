using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Trajet.Web.Features.ActionPlans;

public enum ActionOwner { Family, CaseManager, Lawyer, Partner }

public enum ActionStatus { Open, Done, Dropped }

/// <summary>A goal agreed with the family: which option it pursues and what it means for them.</summary>
public sealed class PlanGoal : IProgrammeRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public Guid OrganisationId { get; set; }
    public Guid ProgrammeId { get; set; }
    public DurableSolution Option { get; set; }
    public required string Description { get; set; }
    public DateOnly AgreedOn { get; set; }
    public DateTime CreatedAt { get; set; } = Clock.UtcNow;
}

/// <summary>A step of the plan, with who does it and by when.</summary>
public sealed class PlanAction
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public Guid? GoalId { get; set; }
    public required string Description { get; set; }
    public ActionOwner Owner { get; set; }
    public DateOnly? DueDate { get; set; }
    public ActionStatus Status { get; set; } = ActionStatus.Open;
    public DateOnly? ClosedOn { get; set; }
    public DateTime CreatedAt { get; set; } = Clock.UtcNow;
}

/// <summary>A dated look back at the plan with the family: what moved, what changes.</summary>
public sealed class PlanReview
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public DateOnly Date { get; set; }
    public required string Progress { get; set; }
    public string? Changes { get; set; }
    public DateTime CreatedAt { get; set; } = Clock.UtcNow;
}

public sealed class PlanGoalConfiguration : IEntityTypeConfiguration<PlanGoal>
{
    public void Configure(EntityTypeBuilder<PlanGoal> g)
    {
        g.ToTable("PlanGoals");
        g.Property(x => x.Description).HasMaxLength(1000);
        g.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        g.HasIndex(x => x.CaseId);
    }
}

public sealed class PlanActionConfiguration : IEntityTypeConfiguration<PlanAction>
{
    public void Configure(EntityTypeBuilder<PlanAction> a)
    {
        a.ToTable("PlanActions");
        a.Property(x => x.Description).HasMaxLength(1000);
        a.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        a.HasIndex(x => new { x.CaseId, x.Status });
        a.HasIndex(x => new { x.Status, x.DueDate });
    }
}

public sealed class PlanReviewConfiguration : IEntityTypeConfiguration<PlanReview>
{
    public void Configure(EntityTypeBuilder<PlanReview> r)
    {
        r.ToTable("PlanReviews");
        r.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        r.HasIndex(x => new { x.CaseId, x.Date });
        r.Property(x => x.Progress).IsConfidential();
        r.Property(x => x.Changes).IsConfidential();
    }
}
