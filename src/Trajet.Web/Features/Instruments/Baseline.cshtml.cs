namespace Trajet.Web.Features.Instruments;

/// <summary>The baseline sheet form: 14 items scored 0–10 with a why, pre-filled with the previous sheet's scores.</summary>
public sealed class BaselineModel(CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock)
    : CaseWritePage(current, db, l)
{
    [BindProperty]
    public RecordBaselineSheet.Input Input { get; set; } = new();

    private DateOnly Today => clock.Today();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is null)
        {
            return NotFound();
        }
        var previous = await Db.BaselineSheets.AsNoTracking().Include(s => s.Scores).Where(s => s.CaseId == id)
            .OrderByDescending(s => s.Date).ThenByDescending(s => s.CreatedAt).FirstOrDefaultAsync(ct);
        Input = new()
        {
            Date = Today,
            SituationOn = Today,
            Scores = BaselineItems.All.Select(i => new RecordBaselineSheet.ItemScore { Item = i.Number, Score = previous?.Scores.FirstOrDefault(s => s.Item == i.Number)?.Score }).ToList(),
        };
        return Page();
    }

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) =>
        SaveAsync(id, (user, @case) => RecordBaselineSheet.ExecuteAsync(Db, user, @case, Input, Today, ct), _ => SavedNotice.OnCase(id, Saved.BaselineSheet), ct);
}
