using Trajet.Web.Features.Partners;

namespace Trajet.Web.Features.Coaching;

/// <summary>The case's pathway: the decisions so far and a new dated decision with its reasons.</summary>
public sealed class PathwayModel(CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, IEnumerable<ICaseClosureHold> holds,
    IPartnerConsent consent)
    : CaseWritePage(current, db, l)
{
    [BindProperty]
    public PathwayRules.Decision Input { get; set; } = new();

    public CaseStatus Status { get; private set; }
    public IReadOnlyList<PathwayDecision> History { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Partners { get; private set; } = [];

    private DateOnly Today => clock.Today();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is null)
        {
            return NotFound();
        }
        Input = new() { Date = Today, Pathway = History.FirstOrDefault()?.Pathway };
        return Page();
    }

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) =>
        SaveAsync(id, (user, @case) => DecidePathway.ExecuteAsync(Db, user, @case, Input, Today, holds, consent, ct), _ => RedirectToPage(new { id }), ct);

    protected override async Task LoadedAsync(Case @case, CancellationToken ct)
    {
        Status = @case.Status;
        History = await PathwayHistory.OfAsync(Db, @case.Id, ct);
        Partners = (await Db.Partners.Where(p => p.OrganisationId == @case.OrganisationId && p.IsActive).OrderBy(p => p.Name)
            .Select(p => new { p.Id, p.Name }).ToListAsync(ct)).Select(p => (p.Id, p.Name)).ToList();
    }
}
