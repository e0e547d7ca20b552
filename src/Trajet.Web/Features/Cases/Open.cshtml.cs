namespace Trajet.Web.Features.Cases;

public sealed class OpenModel(TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    public sealed class ReferralInput
    {
        public ReferralSource? Source { get; set; }
        public string? ReferredBy { get; set; }
        public DateOnly? Date { get; set; }
        public bool KnownBefore { get; set; }
        public RiskLevel RiskAtIntake { get; set; } = RiskLevel.DontKnow;
    }

    public sealed class InputModel
    {
        public string? Programme { get; set; }
        public CaseKind? Kind { get; set; } = CaseKind.Family;
        public ReferralInput Referral { get; set; } = new();
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<ProgrammeRef> Programmes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(UserContext user, CancellationToken ct)
    {
        if (!CaseAccess.CanWrite(user))
        {
            return Forbid();
        }
        Programmes = user.Programmes;
        Input.Referral.Date = clock.Today();
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
        var command = new OpenCase.Command(Input.Programme, Input.Kind, Input.Referral.Source, Input.Referral.ReferredBy,
            Input.Referral.Date, Input.Referral.KnownBefore, Input.Referral.RiskAtIntake);
        return (await OpenCase.ExecuteAsync(db, user, command, clock.Today(), ct)).ToPage(this, l, opened => RedirectToPage("/CaseFile/Details", new { id = opened.Id }));
    }
}
