namespace Trajet.Web.Features.LegalEvents;

public sealed class AddLegalEventModel(CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock)
    : CaseWritePage(current, db, l)
{
    [BindProperty]
    public RecordLegalEvent.Input Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) is null ? NotFound() : Page();

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) =>
        SaveAsync(id, (user, @case) => RecordLegalEvent.ExecuteAsync(Db, user, @case, Input, clock.Today(), ct),
            _ => SavedNotice.OnCase(id, Saved.LegalEvent), ct);
}
