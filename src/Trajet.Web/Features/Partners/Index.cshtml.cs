namespace Trajet.Web.Features.Partners;

/// <summary>The organisation's directory of lawyers, NGOs, services, schools, embassies…</summary>
public sealed class IndexModel(CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    public IReadOnlyList<Partner> Partners { get; private set; } = [];
    public bool CanWrite { get; private set; }

    [BindProperty]
    public AddPartner.Input Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(UserContext user, CancellationToken ct) =>
        !await LoadAsync(ct) || !CanWrite ? Forbid() : (await AddPartner.ExecuteAsync(db, user, Input, ct)).ToPage(this, l, _ => RedirectToPage());

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        if (user.OrganisationId is null || user.SeesAggregatesOnly)
        {
            return false;
        }
        CanWrite = CaseAccess.CanWrite(user);
        Partners = await db.Partners.AsNoTracking().Where(p => p.OrganisationId == user.OrganisationId && p.IsActive).OrderBy(p => p.Kind).ThenBy(p => p.Name).ToListAsync(ct);
        return true;
    }
}
