namespace Trajet.Web.Features.Coaching;

/// <summary>Counts only (no names of people): evaluators may see it too.</summary>
public sealed class CaseloadModel(CurrentUser current, TrajetDbContext db, TimeProvider clock) : PageModel
{
    public Caseload.Report Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        if (user.OrganisationId is null)
        {
            return Forbid();
        }
        Report = await Caseload.BuildAsync(db, user, clock.Today(), ct);
        return Page();
    }
}
