using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Trajet.Web.Data;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.Cases;
using Trajet.Web.Infrastructure;

namespace Trajet.Web.Features.ActionPlans;

/// <summary>The action plan page: goals, actions to tick off, reviews; each form posts on its own.</summary>
public sealed class PlanModel(CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    public EditPlan.PlanDto Plan { get; private set; } = null!;
    public Guid CaseId { get; private set; }
    public string CaseNumber { get; private set; } = "";
    public DateOnly Today => clock.Today();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) is null ? NotFound() : Page();

    public Task<IActionResult> OnPostGoalAsync(Guid id, DurableSolution? option, string? description, DateOnly? agreedOn, CancellationToken ct) =>
        ChangeAsync(id, ct, c => EditPlan.AddGoalAsync(db, c, option, description, agreedOn, Today, ct), "goal");

    public Task<IActionResult> OnPostActionAsync(Guid id, Guid? goalId, string? description, ActionOwner? owner, DateOnly? dueDate, CancellationToken ct) =>
        ChangeAsync(id, ct, c => EditPlan.AddActionAsync(db, c, goalId, description, owner, dueDate, ct), "action");

    public Task<IActionResult> OnPostReviewAsync(Guid id, DateOnly? date, string? progress, string? changes, CancellationToken ct) =>
        ChangeAsync(id, ct, c => EditPlan.AddReviewAsync(db, c, date, progress, changes, Today, ct), "review");

    public Task<IActionResult> OnPostStatusAsync(Guid id, Guid actionId, ActionStatus status, CancellationToken ct) =>
        ChangeAsync(id, ct, async c => await EditPlan.SetStatusAsync(db, c.Id, actionId, status, Today, ct) ? [] : [new("actionId", "Unknown action for this case.")], "action");

    private async Task<IActionResult> ChangeAsync(Guid id, CancellationToken ct, Func<Case, Task<List<FieldError>>> change, string form)
    {
        var @case = await LoadAsync(id, ct);
        if (@case is null)
        {
            return NotFound();
        }
        var errors = await change(@case);
        if (errors.Count == 0)
        {
            return RedirectToPage(new { id });
        }
        // Field errors are keyed "goal.description", "review.date"… so each form shows its own.
        foreach (var error in errors)
        {
            ModelState.AddModelError($"{form}.{error.Field}", l[error.Message]);
        }
        Plan = await EditPlan.LoadAsync(db, id, Today, ct);
        return Page();
    }

    private async Task<Case?> LoadAsync(Guid id, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var @case = await db.WritableCaseAsync(user, id, ct);
        CaseId = id;
        CaseNumber = @case?.Number ?? "";
        if (@case is not null)
        {
            Plan = await EditPlan.LoadAsync(db, id, Today, ct);
        }
        return @case;
    }
}
