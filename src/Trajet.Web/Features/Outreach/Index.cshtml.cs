namespace Trajet.Web.Features.Outreach;

/// <summary>The team's contacts, newest first.</summary>
public sealed class IndexModel(CurrentUser current, TrajetDbContext db) : PageModel
{
    private const int PageSize = 50;

    // From the query alone: Razor Pages' own "page" route value (the page's path) would win otherwise.
    [BindProperty(SupportsGet = true, Name = "page")]
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<OutreachContact> Items { get; private set; } = [];
    /// <summary>Evaluators see aggregates only: not even a nickname.</summary>
    public bool HideNames { get; private set; }
    public Pager Pager { get; private set; } = null!;
    public bool InOutreach { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        InOutreach = await OutreachAccess.ProgrammeAsync(db, user, null, ct) is not null && OutreachAccess.CanSeePeople(user);
        HideNames = user.SeesAggregatesOnly;
        var query = db.OutreachContacts.Visible(user).AsNoTracking();
        Pager = new Pager(Math.Max(1, PageNumber), PageSize, await query.CountAsync(ct), new Dictionary<string, string?>());
        Items = await query.OrderByDescending(c => c.Date).ThenByDescending(c => c.CreatedAt)
            .Skip(Pager.Skip).Take(PageSize).ToListAsync(ct);
    }
}
