namespace Trajet.Web.Features.ActionPlans;

/// <summary>The action plan page: goals, actions to tick off, reviews; each form posts on its own.</summary>
public sealed class PlanModel(CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock) : CaseWritePage(current, db, l)
{
    public EditPlan.PlanDto Plan { get; private set; } = null!;
    public DateOnly Today => clock.Today();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) is null ? NotFound() : Page();

    public Task<IActionResult> OnPostGoalAsync(Guid id, EditPlan.GoalInput input, CancellationToken ct) =>
        ChangeAsync(id, c => EditPlan.AddGoalAsync(Db, c, input, Today, ct), "goal", Saved.Goal, ct);

    public Task<IActionResult> OnPostActionAsync(Guid id, EditPlan.ActionInput input, CancellationToken ct) =>
        ChangeAsync(id, c => EditPlan.AddActionAsync(Db, c, input, ct), "action", Saved.Action, ct);

    public Task<IActionResult> OnPostReviewAsync(Guid id, EditPlan.ReviewInput input, CancellationToken ct) =>
        ChangeAsync(id, c => EditPlan.AddReviewAsync(Db, c, input, Today, ct), "review", Saved.Review, ct);

    public Task<IActionResult> OnPostStatusAsync(Guid id, Guid actionId, EditPlan.StatusInput input, CancellationToken ct) =>
        ChangeAsync(id, c => EditPlan.SetStatusAsync(Db, c.Id, actionId, input, Today, ct), "action", Saved.Action, ct);

    /// <param name="form">Errors are keyed "goal.description", "review.date"… so that each form shows its own.</param>
    private async Task<IActionResult> ChangeAsync<T>(Guid id, Func<Case, Task<Result<T>>> change, string form, Saved saved, CancellationToken ct) =>
        await LoadAsync(id, ct) is { } @case
            ? (await change(@case)).ToPage(this, Localizer, _ => SavedNotice.Again(id, saved, form + "s"), form)
            : NotFound();

    protected override async Task LoadedAsync(Case @case, CancellationToken ct) => Plan = await EditPlan.LoadAsync(Db, @case.Id, Today, ct);
}
