namespace Trajet.Web.Features.Imports;

/// <summary>
/// The import's second step: what the waiting file would create, its errors cell by cell, and the people it may bring
/// in twice, each with the coordinator's decision; confirming writes it all in one go.
/// </summary>
public sealed class ReviewModel(CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    /// <summary>The rows shown in the table: those with an error, or the first ones of a good file.</summary>
    public const int RowsShown = 100;

    public string FileName { get; private set; } = "";
    public string ProgrammeName { get; private set; } = "";
    public ImportSheet? Sheet { get; private set; }
    public ImportReport? Report { get; private set; }
    public string? Problem { get; private set; }

    /// <summary>Each flagged row's decision as the form sends it: import, skip or link:{caseId}.</summary>
    [BindProperty]
    public Dictionary<int, string> Decision { get; set; } = [];

    /// <summary>What to do with the flagged rows left without a decision: import or skip them all; empty, ask for each.</summary>
    [BindProperty]
    public string? Undecided { get; set; }

    /// <summary>A row of the file by its number.</summary>
    public ImportRow RowAt(int number) => (rowsByNumber ??= Sheet!.Rows.ToDictionary(r => r.Number))[number];

    private Dictionary<int, ImportRow>? rowsByNumber;

    public IReadOnlyList<ImportRow> RowsToShow =>
        Sheet is null || Report is null ? []
        : errorsByCell.Count > 0 ? [.. Sheet.Rows.Where(r => errorRows.Contains(r.Number)).Take(RowsShown)]
        : [.. Sheet.Rows.Take(RowsShown)];

    /// <summary>The message of a cell's error, if it has one.</summary>
    public string? ErrorAt(int row, string header) => errorsByCell.GetValueOrDefault((row, header));

    // Looked up per cell of the table: a file may have thousands of errors.
    private Dictionary<(int Row, string Column), string> errorsByCell = [];
    private HashSet<int> errorRows = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var (user, pending, programme) = await LoadAsync(id, ct);
        if (pending is null)
        {
            return NotFound();
        }
        await CheckAsync(user!, pending, programme!, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var (user, pending, programme) = await LoadAsync(id, ct);
        if (pending is null)
        {
            return NotFound();
        }
        var decisions = new Dictionary<int, ImportCases.Decision>();
        foreach (var (row, text) in Decision)
        {
            if (ImportsApi.ParseDecision($"{row}:{text}") is { } parsed)
            {
                decisions[row] = parsed.Decision;
            }
        }
        var check = await CheckAsync(user!, pending, programme!, ct);
        if (Undecided is "import" or "skip")
        {
            foreach (var row in check.PossibleDuplicates.Select(d => d.Row).Distinct().Where(r => !decisions.ContainsKey(r)))
            {
                decisions[row] = new ImportCases.Decision(Undecided == "skip" ? ImportCases.Choice.Skip : ImportCases.Choice.Import);
            }
        }
        var undecided = check.PossibleDuplicates.Select(d => d.Row).Distinct().Where(r => !decisions.ContainsKey(r)).ToList();
        if (check.Errors.Count > 0 || check.Problem is not null || undecided.Count > 0)
        {
            if (undecided.Count > 0)
            {
                ModelState.AddModelError("", l["Decide for each possible duplicate: import anyway, skip the row, or link it to the case already known."]);
            }
            return Page();
        }
        var result = await ImportCases.ExecuteAsync(db, user!, new ImportCases.Input(programme!.Slug, pending.Content, false, decisions), clock.Today(), ct);
        if (result.Failed is not null)
        {
            return NotFound();
        }
        var outcome = result.Value!;
        if (outcome.Problem is not null || outcome.Errors.Count > 0)
        {
            Show(outcome);
            return Page();
        }
        await db.PendingImports.Where(p => p.Id == pending.Id).ExecuteDeleteAsync(ct);
        return RedirectToPage("/Imports/Index", new { cases = outcome.Created.Cases, people = outcome.Created.People });
    }

    private async Task<ImportCases.Outcome> CheckAsync(UserContext user, PendingImport pending, Programme programme, CancellationToken ct)
    {
        var result = await ImportCases.ExecuteAsync(db, user, new ImportCases.Input(programme.Slug, pending.Content, true), clock.Today(), ct);
        Show(result.Value!);
        return result.Value!;
    }

    private void Show(ImportCases.Outcome outcome)
    {
        Sheet = outcome.Sheet;
        Problem = outcome.Problem is { } p ? ImportReport.Message(l, p.Message, p.Arguments) : null;
        Report = ImportReport.From(outcome, l);
        errorsByCell = Report.Errors.GroupBy(e => (e.Row, e.Column)).ToDictionary(g => g.Key, g => string.Join(" ", g.Select(e => e.Message)));
        errorRows = [.. Report.Errors.Select(e => e.Row)];
    }

    // The coordinator's own waiting file, in a programme of their organisation.
    private async Task<(UserContext? User, PendingImport? Pending, Programme? Programme)> LoadAsync(Guid id, CancellationToken ct)
    {
        var user = await current.GetAsync(ct);
        if (user is not { IsCoordinator: true })
        {
            return (user, null, null);
        }
        var found = await db.PendingImports.AsNoTracking().Where(p => p.Id == id && p.UserId == user.Id)
            .Join(db.Programmes.Where(p => p.OrganisationId == user.OrganisationId && p.IsActive), p => p.ProgrammeId, p => p.Id, (pending, programme) => new { pending, programme })
            .SingleOrDefaultAsync(ct);
        FileName = found?.pending.FileName ?? "";
        ProgrammeName = found?.programme.Name ?? "";
        return (user, found?.pending, found?.programme);
    }
}
