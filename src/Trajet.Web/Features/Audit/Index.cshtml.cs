namespace Trajet.Web.Features.Audit;

/// <summary>The administrator's view of the whole trail: filters, pages, and the chain check.</summary>
[Authorize(Roles = Roles.Administrator)]
public sealed class IndexModel(TrajetDbContext db, TimeProvider clock) : PageModel
{
    private const int PageSize = 50;

    public sealed record Row(long Sequence, DateTime At, string? Actor, AuditAction Action, string? EntityType, string? EntityId,
        string? CaseNumber, string? Organisation, IReadOnlyList<AuditDetails.Line> Details);

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true, Name = "what")]
    public AuditAction? What { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Organisation { get; set; }

    [BindProperty(SupportsGet = true, Name = "case")]
    public string? CaseNumber { get; set; }

    // From the query alone: Razor Pages' own "page" route value (the page's path) would win otherwise.
    [BindProperty(SupportsGet = true, Name = "page")]
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Row> Items { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;
    public IReadOnlyDictionary<Guid, string> Organisations { get; private set; } = new Dictionary<Guid, string>();
    public AuditVerification.Verification? Verification { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken ct)
    {
        Verification = await AuditVerification.VerifyAsync(db, ct);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Name).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var query = Filter(db.AuditEntries.AsNoTracking());
        var total = await query.CountAsync(ct);
        Pager = new Pager(Math.Max(1, PageNumber), PageSize, total, new Dictionary<string, string?>
        {
            ["from"] = From?.ToString("yyyy-MM-dd"),
            ["to"] = To?.ToString("yyyy-MM-dd"),
            ["user"] = Actor,
            ["what"] = What?.ToString(),
            ["organisation"] = Organisation?.ToString(),
            ["case"] = CaseNumber,
        });
        var entries = await query.OrderByDescending(e => e.Sequence).Skip(Pager.Skip).Take(PageSize).ToListAsync(ct);
        var caseIds = entries.Where(e => e.CaseId is not null).Select(e => e.CaseId!.Value).Distinct().ToList();
        var numbers = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Number, ct);
        Items = entries.Select(e => new Row(e.Sequence, TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(e.At, DateTimeKind.Utc), clock.LocalTimeZone),
            e.ActorEmail, e.Action, e.EntityType, e.EntityId,
            e.CaseId is { } c ? numbers.GetValueOrDefault(c) : null,
            e.OrganisationId is { } o ? Organisations.GetValueOrDefault(o) : null,
            AuditDetails.Describe(e.Details, AuditDetails.AdministratorSeesValues(e)))).ToList();
    }

    private IQueryable<AuditEntry> Filter(IQueryable<AuditEntry> query)
    {
        if (From is { } from)
        {
            var start = TimeZoneInfo.ConvertTimeToUtc(from.ToDateTime(TimeOnly.MinValue), clock.LocalTimeZone);
            query = query.Where(e => e.At >= start);
        }
        if (To is { } to)
        {
            var end = TimeZoneInfo.ConvertTimeToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue), clock.LocalTimeZone);
            query = query.Where(e => e.At < end);
        }
        if (!string.IsNullOrWhiteSpace(Actor))
        {
            var email = Actor.Trim();
            query = query.Where(e => e.ActorEmail == email);
        }
        if (What is { } what)
        {
            query = query.Where(e => e.Action == what);
        }
        if (Organisation is { } organisation)
        {
            query = query.Where(e => e.OrganisationId == organisation);
        }
        if (!string.IsNullOrWhiteSpace(CaseNumber))
        {
            var number = CaseNumber.Trim();
            var ids = db.Cases.Where(c => c.Number == number).Select(c => (Guid?)c.Id);
            query = query.Where(e => ids.Contains(e.CaseId));
        }
        return query;
    }
}
