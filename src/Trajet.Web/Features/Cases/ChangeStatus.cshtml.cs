namespace Trajet.Web.Features.Cases;

public sealed class ChangeStatusModel(CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, IEnumerable<ICaseClosureHold> holds)
    : CaseWritePage(current, db, l)
{
    [BindProperty]
    public CaseWorkflow.Change Input { get; set; } = new();

    public CaseStatus Current { get; private set; }
    public IReadOnlyList<CaseStatus> Next { get; private set; } = [];

    private DateOnly Today => clock.Today();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } @case)
        {
            return NotFound();
        }
        Input = new() { Date = Today, Version = @case.Version, To = Next.FirstOrDefault() };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        try
        {
            return await SaveAsync(id, (user, @case) => ChangeStatus.ExecuteAsync(Db, user, @case, Input, Today, holds, ct),
                _ => SavedNotice.OnCase(id, Saved.Status), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", Localizer["Someone else changed this record. Reload it and apply your change again."]);
            return Page();
        }
    }

    protected override async Task LoadedAsync(Case @case, CancellationToken ct)
    {
        Current = @case.Status;
        Next = CaseWorkflow.Next(@case.Status, (await UserAsync(ct)).IsCoordinator);
    }

    /// <summary>The option reopens the case: the form says so and asks why.</summary>
    public bool Reopens(CaseStatus to) => CaseWorkflow.Reopens(Current, to);
}
