namespace Trajet.Web.Features.Outreach;

/// <summary>The team's dashboard for itself and its funders: aggregates only, charts drawn on the server, exports.</summary>
public sealed class DashboardModel(TrajetDbContext db, IStringLocalizer<SharedResource> l) : ReportPage
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
        var r = await OutreachDashboard.BuildAsync(db, programme.Id, programme.Slug, From, To, ct);
        Report = r;
        static IReadOnlyList<(string, int, int)> Rows(IEnumerable<OutreachDashboard.Row> rows, Func<string, string> label) =>
            rows.Select(x => (label(x.Key), x.Contacts, x.People)).ToList();
        Charts =
        [
            new("by-topic", l["Information given"], Rows(r.ByTopic, k => l["topic-" + k])),
            new("by-orientation", l["Orientation"], Rows(r.ByOrientation, k => l["service-" + k])),
            new("by-outcome", l["Outcomes"], Rows(r.ByOutcome, k => l["outcome-" + k])),
            new("by-place", l["By place"], Rows(r.ByPlace.Take(15), k => k)),
            new("by-month", l["By month"], Rows(r.ByMonth.TakeLast(18), k => k)),
            new("by-nationality", l["By nationality"], Rows(r.ByNationality.Take(15), Codes.CountryName)),
            new("by-language", l["By language"], Rows(r.ByLanguage.Take(15), k => k == "unknown" ? l["Unknown"] : LogContactModel.LanguageName(k))),
        ];
        return Page();
    }
}
