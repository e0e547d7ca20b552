namespace Trajet.Web.Features.Cases;

public sealed class OpenModel(TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    [BindProperty]
    public OpenCase.Input Input { get; set; } = new();

    public IReadOnlyList<ProgrammeRef> Programmes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(UserContext user, CancellationToken ct)
    {
        if (!CaseAccess.CanWrite(user))
        {
            return Forbid();
        }
        Programmes = user.Programmes;
        Input = new() { Kind = CaseKind.Family, Referral = new() { Date = clock.Today(), RiskAtIntake = RiskLevel.DontKnow } };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(UserContext user, CancellationToken ct)
    {
        if (!CaseAccess.CanWrite(user))
        {
            return Forbid();
        }
        Programmes = user.Programmes;
        if (!ModelState.IsValid)
        {
            return Page();
        }
        return (await OpenCase.ExecuteAsync(db, user, Input, clock.Today(), ct)).ToPage(this, l, opened => SavedNotice.OnCase(opened.Id, Saved.CaseOpened));
    }
}
