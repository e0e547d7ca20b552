namespace Trajet.Web.Features.Reports;

/// <summary>The evaluation report of a programme for a period, with charts; aggregates only, never a name.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.Reports)]
public sealed class EvaluationModel(TrajetDbContext db, ReportFigures figures, IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config, IStringLocalizer<SharedResource> l) : ReportPage
{
    public IReadOnlyList<ProgrammeRef> Programmes { get; private set; } = [];
    public EvaluationReport.Report? Report { get; private set; }

    /// <summary>The cohort's basis: <c>supported</c> (default) or <c>with-sheet</c>.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Cohort { get; set; }

    /// <summary>Whether this reader's report hides small counts, and under what.</summary>
    public bool HidesCells { get; private set; }
    public int Threshold => ReportCells.Threshold(config);

    public string Query => ExportQuery + (Cohort is { Length: > 0 } basis ? $"&cohort={Uri.EscapeDataString(basis)}" : "");

    /// <summary>A count in the reader's culture, or the word for a hidden one (<see cref="ReportCells"/>).</summary>
    public string Count(int? count) => count?.ToString("N0", System.Globalization.CultureInfo.CurrentCulture) ?? l["hidden"];

    /// <summary>A prompt's count and its percentage in the reader's culture, "7 (58,3 %)"; a hidden count hides its percentage.</summary>
    public string CountAndPercent(int? count, double? percent) =>
        count is not null && percent is { } shown
            ? string.Format(System.Globalization.CultureInfo.CurrentCulture, "{0} ({1:0.0} %)", Count(count), shown)
            : Count(count);

    public async Task<IActionResult> OnGetAsync(UserContext user, CancellationToken ct)
    {
        if (!user.IsCoordinator && !user.IsInRole(Roles.Evaluator))
        {
            return Forbid();
        }
        Programmes = user.Programmes;
        Programme ??= Programmes.FirstOrDefault()?.Slug;
        if (Programme is null)
        {
            return Page();
        }
        var found = await ReportAccess.ResolveAsync(db, user, Programme, ct);
        if (found is not { Failed: null, Value: { } programme })
        {
            return found.Failed?.Kind == FailureKind.Forbidden ? Forbid() : NotFound();
        }
        var basis = ReportAccess.Basis(Cohort).Value;
        var report = await figures.EvaluationAsync(scopes, programme, From, To, basis, clock.Today(), ct);
        Report = ReportCells.ForReader(report, user, programme, config);
        HidesCells = !ReferenceEquals(Report, report);
        return Page();
    }
}
