using Microsoft.EntityFrameworkCore;
using Trajet.Web.Data;
using Trajet.Web.Features.Cases;
using Trajet.Web.Infrastructure;

namespace Trajet.Web.Features.ActionPlans;

/// <summary>The action plan of a case: goals agreed with the family, actions, and dated reviews.</summary>
public static class EditPlan
{
    public sealed record GoalDto(Guid Id, DurableSolution Option, string Description, DateOnly AgreedOn);
    public sealed record ActionDto(Guid Id, Guid? GoalId, string Description, ActionOwner Owner, DateOnly? DueDate, ActionStatus Status, DateOnly? ClosedOn, bool Overdue);
    public sealed record ReviewDto(Guid Id, DateOnly Date, string Progress, string? Changes);
    public sealed record PlanDto(IReadOnlyList<GoalDto> Goals, IReadOnlyList<ActionDto> Actions, IReadOnlyList<ReviewDto> Reviews);

    public static async Task<PlanDto> LoadAsync(TrajetDbContext db, Guid caseId, DateOnly today, CancellationToken ct)
    {
        var goals = await db.PlanGoals.AsNoTracking().Where(g => g.CaseId == caseId).OrderBy(g => g.AgreedOn).ThenBy(g => g.CreatedAt)
            .Select(g => new GoalDto(g.Id, g.Option, g.Description, g.AgreedOn)).ToListAsync(ct);
        var actions = await db.PlanActions.AsNoTracking().Where(a => a.CaseId == caseId).OrderBy(a => a.Status).ThenBy(a => a.DueDate).ThenBy(a => a.CreatedAt)
            .Select(a => new ActionDto(a.Id, a.GoalId, a.Description, a.Owner, a.DueDate, a.Status, a.ClosedOn, a.Status == ActionStatus.Open && a.DueDate < today))
            .ToListAsync(ct);
        var reviews = await db.PlanReviews.AsNoTracking().Where(r => r.CaseId == caseId).OrderByDescending(r => r.Date)
            .Select(r => new ReviewDto(r.Id, r.Date, r.Progress, r.Changes)).ToListAsync(ct);
        return new PlanDto(goals, actions, reviews);
    }

    public static async Task<List<FieldError>> AddGoalAsync(TrajetDbContext db, Case @case, DurableSolution? option, string? description, DateOnly? agreedOn, DateOnly today, CancellationToken ct)
    {
        var errors = PlanRules.Goal(option, description, agreedOn, @case.Referral.Date, today);
        if (errors.Count == 0)
        {
            db.PlanGoals.Add(new PlanGoal { CaseId = @case.Id, OrganisationId = @case.OrganisationId, ProgrammeId = @case.ProgrammeId, Option = option!.Value, Description = description!.Trim(), AgreedOn = agreedOn!.Value });
            await db.SaveChangesAsync(ct);
        }
        return errors;
    }

    public static async Task<List<FieldError>> AddActionAsync(TrajetDbContext db, Case @case, Guid? goalId, string? description, ActionOwner? owner, DateOnly? due, CancellationToken ct)
    {
        var errors = PlanRules.Action(description, owner, due, @case.Referral.Date);
        if (goalId is { } g && !await db.PlanGoals.AnyAsync(x => x.Id == g && x.CaseId == @case.Id, ct))
        {
            errors.Add(new("goalId", "Unknown goal for this case."));
        }
        if (errors.Count == 0)
        {
            db.PlanActions.Add(new PlanAction { CaseId = @case.Id, GoalId = goalId, Description = description!.Trim(), Owner = owner!.Value, DueDate = due });
            await db.SaveChangesAsync(ct);
        }
        return errors;
    }

    public static async Task<List<FieldError>> AddReviewAsync(TrajetDbContext db, Case @case, DateOnly? date, string? progress, string? changes, DateOnly today, CancellationToken ct)
    {
        var start = await db.PlanGoals.Where(g => g.CaseId == @case.Id).MinAsync(g => (DateOnly?)g.AgreedOn, ct);
        var errors = PlanRules.Review(date, progress, changes, start, today);
        if (errors.Count == 0)
        {
            db.PlanReviews.Add(new PlanReview { CaseId = @case.Id, Date = date!.Value, Progress = progress!.Trim(), Changes = string.IsNullOrWhiteSpace(changes) ? null : changes.Trim() });
            await db.SaveChangesAsync(ct);
        }
        return errors;
    }

    /// <summary>Marks an action done or dropped (dated today), or opens it again; false when it is not this case's.</summary>
    public static async Task<bool> SetStatusAsync(TrajetDbContext db, Guid caseId, Guid actionId, ActionStatus status, DateOnly today, CancellationToken ct)
    {
        var action = await db.PlanActions.SingleOrDefaultAsync(a => a.Id == actionId && a.CaseId == caseId, ct);
        if (action is null)
        {
            return false;
        }
        action.Status = status;
        action.ClosedOn = status == ActionStatus.Open ? null : today;
        await db.SaveChangesAsync(ct);
        return true;
    }
}
