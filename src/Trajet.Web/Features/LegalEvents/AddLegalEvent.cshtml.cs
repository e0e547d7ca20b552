using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Trajet.Web.Data;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.Cases;
using Trajet.Web.Infrastructure;

namespace Trajet.Web.Features.LegalEvents;

public sealed class AddLegalEventModel(CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock)
    : CaseWritePage(current, db, l)
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

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) is null ? NotFound() : Page();

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) =>
        SaveAsync(id, async (user, @case) =>
        {
            var input = new RecordLegalEvent.Input(Input.Type, Input.Date, Input.Authority, Input.Reference, Input.Lawyer, Input.Outcome, Input.DaysToComply, Input.Deadline, Input.Notes);
            return await RecordLegalEvent.ExecuteAsync(Db, user, @case, input, clock.Today(), ct) is RecordLegalEvent.Invalid invalid ? invalid.Errors : null;
        }, () => RedirectToPage("/CaseFile/Details", new { id }), ct);
}
