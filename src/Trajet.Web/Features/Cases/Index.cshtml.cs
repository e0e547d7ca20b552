using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace Trajet.Web.Features.Cases;

public sealed class IndexModel(CurrentUser current, TrajetDbContext db, CaseCounts counts, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
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
    /// <summary>A name search read its limit: the total counts the best matches only.</summary>
    public bool TotalIsCapped { get; private set; }
    public bool CanWrite { get; private set; }
    public IReadOnlyList<ProgrammeRef> Programmes { get; private set; } = [];

    /// <summary>Coordinators: the bulk change of the cases ticked in the list.</summary>
    [BindProperty]
    public BulkChange.Input Bulk { get; set; } = new();

    public bool CanBulk { get; private set; }
    public IReadOnlyList<AssignWorkers.Worker> Workers { get; private set; } = [];
    /// <summary>After a bulk change: how many cases changed.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Changed { get; set; }
    /// <summary>Per case: why the bulk change was refused ("number: reason").</summary>
    public IReadOnlyList<string> BulkErrors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostBulkAsync(UserContext user, [FromServices] IEnumerable<ICaseClosureHold> holds, CancellationToken ct)
    {
        if (!user.IsCoordinator)
        {
            return NotFound();
        }
        if (ModelState.IsValid)
        {
            var done = await BulkChange.ExecuteAsync(db, user, Bulk, clock.Today(), holds, ct);
            if (done.Value is { } changed)
            {
                return Redirect(QueryHelpers.AddQueryString(ListUrl(), "changed", changed.Changed.ToString(CultureInfo.InvariantCulture)));
            }
            if (done.Failed is { Kind: FailureKind.NotFound })
            {
                return NotFound();
            }
            var ids = (Bulk.CaseIds ?? []).Distinct().ToList();
            var numbers = await db.Cases.Visible(user).Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Number, ct);
            var perCase = done.Failed!.Errors.Where(e => e.Field.StartsWith("caseIds[", StringComparison.Ordinal) && e.Field.Contains('.')).ToList();
            BulkErrors = perCase.Select(e => $"{numbers.GetValueOrDefault(ids[int.Parse(e.Field[8..e.Field.IndexOf(']')], CultureInfo.InvariantCulture)])}: {l[e.Message]}").ToList();
            done.Failed.Errors.Except(perCase).AddTo(ModelState, l, "Bulk");
        }
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The bulk form posts back to the list as filtered, so that a refusal shows the same rows.</summary>
    public string BulkUrl => QueryHelpers.AddQueryString(ListUrl(), "handler", "Bulk");

    private string ListUrl() => QueryHelpers.AddQueryString("/Cases", new Dictionary<string, string?>
    {
        ["q"] = Q,
        ["status"] = Status?.ToString(),
        ["programme"] = Programme,
        ["mine"] = Mine ? "true" : null,
        ["page"] = PageNumber > 1 ? PageNumber.ToString(CultureInfo.InvariantCulture) : null,
    }.Where(p => p.Value is not null));

    private async Task LoadAsync(CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        CanBulk = user.IsCoordinator;
        Workers = CanBulk ? await AssignWorkers.OfOrganisationAsync(db, user.OrganisationId!.Value, ct) : [];
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
        TotalIsCapped = found.IsCapped;
    }
}
