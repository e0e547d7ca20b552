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

    /// <summary>What the forms and the API send; the page's forms post the same names.</summary>
    public sealed record GoalInput
    {
        public DurableSolution? Option { get; init; }
        public string? Description { get; init; }
        public DateOnly? AgreedOn { get; init; }
    }

    public sealed record ActionInput
    {
        public Guid? GoalId { get; init; }
        public string? Description { get; init; }
        public ActionOwner? Owner { get; init; }
        public DateOnly? DueDate { get; init; }
    }

    public sealed record ReviewInput
    {
        public DateOnly? Date { get; init; }
        public string? Progress { get; init; }
        public string? Changes { get; init; }
    }

    public sealed record StatusInput
    {
        public ActionStatus? Status { get; init; }
    }

    public static async Task<Result<PlanGoal>> AddGoalAsync(TrajetDbContext db, Case @case, GoalInput input, DateOnly today, CancellationToken ct)
    {
        var errors = PlanRules.Goal(input.Option, input.Description, input.AgreedOn, @case.Referral.Date, today);
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }
        var goal = new PlanGoal { CaseId = @case.Id, OrganisationId = @case.OrganisationId, ProgrammeId = @case.ProgrammeId, Option = input.Option!.Value, Description = input.Description!.Trim(), AgreedOn = input.AgreedOn!.Value };
        db.PlanGoals.Add(goal);
        await db.SaveChangesAsync(ct);
        return goal;
    }

    public static async Task<Result<PlanAction>> AddActionAsync(TrajetDbContext db, Case @case, ActionInput input, CancellationToken ct)
    {
        var errors = PlanRules.Action(input.Description, input.Owner, input.DueDate, @case.Referral.Date);
        if (input.GoalId is { } g && !await db.PlanGoals.AnyAsync(x => x.Id == g && x.CaseId == @case.Id, ct))
        {
            errors.Add(new("goalId", "Unknown goal for this case."));
        }
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }
        var action = new PlanAction { CaseId = @case.Id, GoalId = input.GoalId, Description = input.Description!.Trim(), Owner = input.Owner!.Value, DueDate = input.DueDate };
        db.PlanActions.Add(action);
        await db.SaveChangesAsync(ct);
        return action;
    }

    public static async Task<Result<PlanReview>> AddReviewAsync(TrajetDbContext db, Case @case, ReviewInput input, DateOnly today, CancellationToken ct)
    {
        var start = await db.PlanGoals.Where(g => g.CaseId == @case.Id).MinAsync(g => (DateOnly?)g.AgreedOn, ct);
        var errors = PlanRules.Review(input.Date, input.Progress, input.Changes, start, today);
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }
        var review = new PlanReview { CaseId = @case.Id, Date = input.Date!.Value, Progress = input.Progress!.Trim(), Changes = string.IsNullOrWhiteSpace(input.Changes) ? null : input.Changes.Trim() };
        db.PlanReviews.Add(review);
        await db.SaveChangesAsync(ct);
        return review;
    }

    /// <summary>Marks an action done or dropped (dated today), or opens it again.</summary>
    public static async Task<Result<PlanAction>> SetStatusAsync(TrajetDbContext db, Guid caseId, Guid actionId, StatusInput input, DateOnly today, CancellationToken ct)
    {
        if (input.Status is not { } status)
        {
            return Failure.Invalid([FieldError.NotAccepted("status")]);
        }
        var action = await db.PlanActions.SingleOrDefaultAsync(a => a.Id == actionId && a.CaseId == caseId, ct);
        if (action is null)
        {
            return Failure.Invalid("actionId", "Unknown action for this case.");
        }
        action.Status = status;
        action.ClosedOn = status == ActionStatus.Open ? null : today;
        await db.SaveChangesAsync(ct);
        return action;
    }
}
