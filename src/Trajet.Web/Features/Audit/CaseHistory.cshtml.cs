namespace Trajet.Web.Features.Audit;

/// <summary>Who read or changed a case, and what: for the coordinator of the case's organisation.</summary>
public sealed class CaseHistoryModel(TrajetDbContext db, TimeProvider clock) : PageModel
{
    private const int PageSize = 50;

    public sealed record Row(DateTime At, string? Actor, AuditAction Action, string? EntityType, IReadOnlyList<AuditDetails.Line> Details);

    // From the query alone: Razor Pages' own "page" route value (the page's path) would win otherwise.
    [BindProperty(SupportsGet = true, Name = "page")]
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Guid CaseId { get; private set; }
    public string CaseNumber { get; private set; } = "";
    public IReadOnlyList<Row> Items { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, UserContext user, CancellationToken ct)
    {
        var (found, allowed) = await AuditApi.CaseHistoryAccessAsync(db, user, id, ct);
        if (!found)
        {
            return NotFound();
        }
        if (!allowed)
        {
            return Forbid();
        }
        CaseId = id;
        CaseNumber = await db.Cases.Where(c => c.Id == id).Select(c => c.Number).SingleAsync(ct);
        var total = await db.AuditEntries.CountAsync(e => e.CaseId == id, ct);
        Pager = new Pager(Math.Max(1, PageNumber), PageSize, total, new Dictionary<string, string?>());
        var entries = await AuditApi.OfCase(db, id).Skip(Pager.Skip).Take(PageSize).ToListAsync(ct);
        await PersonSeal.OpenAllAsync(db, entries, ct);
        Items = entries.Select(e => new Row(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(e.At, DateTimeKind.Utc), clock.LocalTimeZone),
            e.ActorEmail, e.Action, e.EntityType, AuditDetails.Describe(e.Details, withValues: true))).ToList();
        return Page();
    }
}
