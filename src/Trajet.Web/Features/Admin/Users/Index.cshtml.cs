namespace Trajet.Web.Features.Admin.Users;

[Authorize(Roles = Roles.Administrator)]
public sealed class IndexModel(TrajetDbContext db, TimeProvider clock) : PageModel
{
    private const int PageSize = 50;

    public sealed record Row(Guid Id, string DisplayName, string? Email, string? Organisation, IReadOnlyList<string> Roles, bool IsActive, bool LockedOut);

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    // From the query alone: Razor Pages' own "page" route value (the page's path) would win otherwise.
    [BindProperty(SupportsGet = true, Name = "page")]
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Row> Items { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = db.Users.AsQueryable();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim().ToUpperInvariant();
            query = query.Where(u => u.NormalizedEmail!.Contains(q) || u.DisplayName.ToUpper().Contains(q));
        }
        var total = await query.CountAsync(ct);
        Pager = new Pager(Math.Max(1, PageNumber), PageSize, total, new Dictionary<string, string?> { ["q"] = Q });
        var now = clock.GetUtcNow();
        Items = await query.OrderBy(u => u.DisplayName)
            .Skip(Pager.Skip).Take(PageSize)
            .Select(u => new Row(u.Id, u.DisplayName, u.Email, u.Organisation != null ? u.Organisation.Name : null,
                db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
                u.IsActive, u.LockoutEnd != null && u.LockoutEnd > now))
            .ToListAsync(ct);
    }
}
