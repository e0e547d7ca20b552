using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trajet.Web.Data;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Infrastructure;

namespace Trajet.Web.Features.Cases;

public sealed class ChangeStatusModel(CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, IEnumerable<ICaseClosureHold> holds) : PageModel
{
    public sealed class InputModel
    {
        public CaseStatus? To { get; set; }
        public DateOnly? Date { get; set; }
        public string? Reason { get; set; }
        public ClosureOutcome? Outcome { get; set; }
        public DurableSolution? DurableSolution { get; set; }
        public int Version { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Guid CaseId { get; private set; }
    public string CaseNumber { get; private set; } = "";
    public CaseStatus Current { get; private set; }
    public IReadOnlyList<CaseStatus> Next { get; private set; } = [];

    private DateOnly Today => clock.Today();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var (@case, _) = await LoadAsync(id, ct);
        if (@case is null)
        {
            return NotFound();
        }
        Input = new InputModel { Date = Today, Version = @case.Version, To = Next.FirstOrDefault() };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var (@case, user) = await LoadAsync(id, ct);
        if (@case is null)
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var change = new CaseWorkflow.Change(Input.To, Input.Date, Input.Reason, Input.Outcome, Input.DurableSolution);
        try
        {
            switch (await ChangeStatus.ExecuteAsync(db, user, @case, change, Input.Version, Today, holds, ct))
            {
                case ChangeStatus.Changed:
                    return RedirectToPage("/CaseFile/Details", new { id });
                case ChangeStatus.Invalid invalid:
                    invalid.Errors.AddTo(ModelState, l);
                    return Page();
                default:
                    throw new InvalidOperationException();
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", l["Someone else changed this record. Reload it and apply your change again."]);
            return Page();
        }
    }

    private async Task<(Case? Case, UserContext User)> LoadAsync(Guid id, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var @case = await db.WritableCaseAsync(user, id, ct);
        CaseId = id;
        CaseNumber = @case?.Number ?? "";
        Current = @case?.Status ?? default;
        Next = @case is null ? [] : CaseWorkflow.Next(@case.Status);
        return (@case, user);
    }
}
