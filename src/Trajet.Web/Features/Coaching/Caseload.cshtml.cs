namespace Trajet.Web.Features.Coaching;

/// <summary>Counts only (no names of people): evaluators may see it too.</summary>
public sealed class CaseloadModel(TrajetDbContext db, TimeProvider clock) : PageModel
{
    public Caseload.Report Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(UserContext user, CancellationToken ct)
    {
        if (user.OrganisationId is null)
        {
            return Forbid();
        }
        Report = await Caseload.BuildAsync(db, user, clock.Today(), ct);
        return Page();
    }
}
