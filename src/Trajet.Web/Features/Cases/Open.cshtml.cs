namespace Trajet.Web.Features.Cases;

public sealed class OpenModel(TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    [BindProperty]
    public OpenCase.Input Input { get; set; } = new();

    public IReadOnlyList<ProgrammeRef> Programmes { get; private set; } = [];

    /// <summary>The earlier case of the family, when the form was opened from it.</summary>
    public CaseLinkDto? PreviousCase { get; private set; }

    public async Task<IActionResult> OnGetAsync(UserContext user, Guid? previousCase, CancellationToken ct)
    {
        if (!CaseAccess.CanWrite(user))
        {
            return Forbid();
        }
        Programmes = user.Programmes;
        Input = new() { Kind = CaseKind.Family, Referral = new() { Date = clock.Today(), RiskAtIntake = RiskLevel.DontKnow }, PreviousCase = previousCase };
        await LoadPreviousAsync(user, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(UserContext user, CancellationToken ct)
    {
        if (!CaseAccess.CanWrite(user))
        {
            return Forbid();
        }
        Programmes = user.Programmes;
        await LoadPreviousAsync(user, ct);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        return (await OpenCase.ExecuteAsync(db, user, Input, clock.Today(), ct)).ToPage(this, l, opened => SavedNotice.OnCase(opened.Id, Saved.CaseOpened));
    }

    private async Task LoadPreviousAsync(UserContext user, CancellationToken ct) =>
        PreviousCase = Input.PreviousCase is { } id
            ? await db.Cases.Visible(user).Where(c => c.Id == id).Select(c => new CaseLinkDto(c.Id, c.Number)).SingleOrDefaultAsync(ct)
            : null;
}
