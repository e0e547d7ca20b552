using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trajet.Web.Data;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.Cases;
using Trajet.Web.Features.Organisations;
using Trajet.Web.Infrastructure;

namespace Trajet.Web.Features.CaseWork;

public sealed class AddLegalEventModel(CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    public sealed class InputModel
    {
        public LegalEventType? Type { get; set; }
        public DateOnly? Date { get; set; }
        public string? Authority { get; set; }
        public string? Reference { get; set; }
        public string? Lawyer { get; set; }
        public LegalOutcome? Outcome { get; set; }
        public int? DaysToComply { get; set; }
        public DateOnly? Deadline { get; set; }
        public string? Notes { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Guid CaseId { get; private set; }
    public string CaseNumber { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var @case = await LoadAsync(id, ct);
        if (@case is null)
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await current.RequireAsync(ct);
        var input = new RecordLegalEvent.Input(Input.Type, Input.Date, Input.Authority, Input.Reference, Input.Lawyer, Input.Outcome, Input.DaysToComply, Input.Deadline, Input.Notes);
        switch (await RecordLegalEvent.ExecuteAsync(db, user, @case, input, clock.Today(), ct))
        {
            case RecordLegalEvent.Recorded:
                return RedirectToPage("/Cases/Details", new { id });
            case RecordLegalEvent.Invalid invalid:
                invalid.Errors.AddTo(ModelState, l);
                return Page();
            default:
                throw new InvalidOperationException();
        }
    }

    private async Task<Case?> LoadAsync(Guid id, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var @case = await db.WritableCaseAsync(user, id, ct);
        CaseId = id;
        CaseNumber = @case?.Number ?? "";
        return @case;
    }
}
