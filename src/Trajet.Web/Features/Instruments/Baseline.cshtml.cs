using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trajet.Web.Data;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.Cases;
using Trajet.Web.Infrastructure;

namespace Trajet.Web.Features.Instruments;

/// <summary>The baseline sheet form: 14 items scored 0–10 with a why, pre-filled with the previous sheet's scores.</summary>
public sealed class BaselineModel(CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    public sealed class ItemInput
    {
        public int Item { get; set; }
        public int? Score { get; set; }
        public string? Why { get; set; }
    }

    [BindProperty]
    public DateOnly? Date { get; set; }

    [BindProperty]
    public DateOnly? SituationOn { get; set; }

    [BindProperty]
    public List<ItemInput> Items { get; set; } = [];

    public Guid CaseId { get; private set; }
    public string CaseNumber { get; private set; } = "";

    private DateOnly Today => clock.Today();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is null)
        {
            return NotFound();
        }
        var previous = await db.BaselineSheets.AsNoTracking().Include(s => s.Scores).Where(s => s.CaseId == id)
            .OrderByDescending(s => s.Date).ThenByDescending(s => s.CreatedAt).FirstOrDefaultAsync(ct);
        Date = Today;
        SituationOn = Today;
        Items = BaselineItems.All.Select(i => new ItemInput { Item = i.Number, Score = previous?.Scores.FirstOrDefault(s => s.Item == i.Number)?.Score }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var @case = await LoadAsync(id, ct);
        if (@case is null)
        {
            return NotFound();
        }
        var user = await current.RequireAsync(ct);
        var input = new RecordBaselineSheet.Input(Date, SituationOn, Items.Select(i => new RecordBaselineSheet.Score(i.Item, i.Score, i.Why)).ToList());
        switch (await RecordBaselineSheet.ExecuteAsync(db, user, @case, input, Today, ct))
        {
            case RecordBaselineSheet.Recorded:
                return RedirectToPage("/CaseFile/Details", new { id });
            case RecordBaselineSheet.Invalid invalid:
                invalid.Errors.AddTo(ModelState, l, "");
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
