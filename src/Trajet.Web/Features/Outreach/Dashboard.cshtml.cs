namespace Trajet.Web.Features.Outreach;

/// <summary>The team's dashboard for itself and its funders: aggregates only, charts drawn on the server, exports.</summary>
public sealed class DashboardModel(TrajetDbContext db, HeavyReads reads, IStringLocalizer<SharedResource> l) : ReportPage
{
    /// <summary>One chart: a bar per row, contacts and (thinner) people.</summary>
    public sealed record Chart(string Id, string Title, IReadOnlyList<(string Label, int Contacts, int People)> Rows);

    /// <summary>Rows shown before a chart folds the rest away.</summary>
    public const int FirstRows = 10;

    public IReadOnlyList<ProgrammeRef> Programmes { get; private set; } = [];
    public OutreachDashboard.Report? Report { get; private set; }
    public IReadOnlyList<Chart> Charts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(UserContext user, CancellationToken ct)
    {
        Programmes = await OutreachAccess.ProgrammesAsync(db, user, ct);
        var programme = Programme is null ? Programmes.FirstOrDefault() : Programmes.SingleOrDefault(p => p.Slug == Programme);
        if (programme is null)
        {
            return NotFound();
        }
        Programme = programme.Slug;
        var r = await OutreachDashboard.BuildAsync(reads.Db, programme.Id, programme.Slug, From, To, ct);
        Report = r;
        // The charts name their rows as the exports do.
        Chart Of(string id, string table, IEnumerable<OutreachDashboard.Row> rows) =>
            new(id, OutreachExports.Title(l, table), rows.Select(x => (OutreachExports.Label(l, table, x.Key), x.Contacts, x.People)).ToList());
        Charts =
        [
            Of("by-topic", "topic", r.ByTopic),
            Of("by-orientation", "orientation", r.ByOrientation),
            Of("by-outcome", "outcome", r.ByOutcome),
            Of("by-place", "place", r.ByPlace.Take(15)),
            Of("by-month", "month", r.ByMonth.TakeLast(18)),
            Of("by-nationality", "nationality", r.ByNationality.Take(15)),
            Of("by-language", "language", r.ByLanguage.Take(15)),
        ];
        return Page();
    }
}
