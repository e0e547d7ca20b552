namespace Trajet.Web.Features.Cases;

public sealed class IndexModel(CurrentUser current, TrajetDbContext db, CaseCounts counts, TimeProvider clock) : PageModel
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public CaseStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Programme { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Mine { get; set; }

    // From the query alone: Razor Pages' own "page" route value (the page's path) would win otherwise.
    [BindProperty(SupportsGet = true, Name = "page")]
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<CasesApi.ListItem> Items { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;
    public bool CanWrite { get; private set; }
    public IReadOnlyList<ProgrammeRef> Programmes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        CanWrite = CaseAccess.CanWrite(user);
        Programmes = user.Programmes;
        var search = new CaseSearch(Status, Q, Programme, Mine ? user.Id : null, user.SeesAggregatesOnly, clock.Today());
        var found = await search.FindAsync(db, user, counts, ct);
        var total = await found.CountAsync(ct);
        Pager = new Pager(Math.Max(1, PageNumber), PageSize, total, new Dictionary<string, string?>
        {
            ["q"] = Q,
            ["status"] = Status?.ToString(),
            ["programme"] = Programme,
            ["mine"] = Mine ? "true" : null,
        });
        Items = await found.PageAsync(Pager.Skip, PageSize, ct);
    }
}
