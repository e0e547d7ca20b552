namespace Trajet.Web.Features;

public sealed class IndexModel(CurrentUser current, TrajetDbContext db) : PageModel
{
    public UserContext Me { get; private set; } = null!;
    public IReadOnlyList<(CaseStatus Status, int Count)> Counts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Me = await current.RequireAsync(ct);
        var counts = await db.Cases.Visible(Me).GroupBy(c => c.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
        Counts = Enum.GetValues<CaseStatus>().Select(s => (s, counts.FirstOrDefault(c => c.Status == s)?.Count ?? 0)).ToList();
    }
}
