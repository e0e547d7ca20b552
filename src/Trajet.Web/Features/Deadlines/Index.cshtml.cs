namespace Trajet.Web.Features.Deadlines;

public sealed class IndexModel(TrajetDbContext db, TimeProvider clock, IConfiguration config, Documents.DocumentValidity validity) : PageModel
{
    /// <summary>"mine" or "all"; by default a coordinator sees all, a worker their own cases.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Scope { get; set; }

    public IReadOnlyList<DueList.Item> Items { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(UserContext user, CancellationToken ct)
    {
        if (user.SeesAggregatesOnly)
        {
            return NotFound(); // what falls due names actions and documents as they were typed
        }
        Scope = Scope is "mine" or "all" ? Scope : user.IsCoordinator ? "all" : "mine";
        Today = clock.Today();
        Items = await DueList.BuildAsync(db, user, Scope == "mine", Today, DueList.Settings.From(config), validity, ct);
        return Page();
    }
}
