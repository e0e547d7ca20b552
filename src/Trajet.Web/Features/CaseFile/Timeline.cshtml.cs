namespace Trajet.Web.Features.CaseFile;

/// <summary>The case's whole story on one printable page, filterable by kind.</summary>
[Audit.AuditExport] // the printable timeline: reading it is recorded as an export
public sealed class TimelineModel(TrajetDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public List<TimelineKind> Kinds { get; set; } = [];

    public Guid CaseId { get; private set; }
    public string CaseNumber { get; private set; } = "";
    public IReadOnlyList<Timeline.Entry> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, UserContext user, CancellationToken ct)
    {
        var number = await db.Cases.Visible(user).Where(c => c.Id == id).Select(c => c.Number).SingleOrDefaultAsync(ct);
        if (number is null)
        {
            return NotFound();
        }
        CaseId = id;
        CaseNumber = number;
        Entries = await Timeline.BuildAsync(db, id, user.SeesAggregatesOnly, Kinds.ToHashSet(), ct);
        return Page();
    }
}
