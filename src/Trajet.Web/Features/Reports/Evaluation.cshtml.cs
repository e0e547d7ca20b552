namespace Trajet.Web.Features.Reports;

/// <summary>The evaluation report of a programme for a period, with charts; aggregates only, never a name.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.Reports)]
public sealed class EvaluationModel(TrajetDbContext db, IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config) : ReportPage
{
    public IReadOnlyList<ProgrammeRef> Programmes { get; private set; } = [];
    public EvaluationReport.Report? Report { get; private set; }
    public ReportExports.Cell Cell { get; private set; } = count => count.ToString(System.Globalization.CultureInfo.CurrentCulture);

    /// <summary>A prompt's count and its percentage in the reader's culture, "7 (58,3 %)"; the count alone where it is hidden.</summary>
    public string CountAndPercent(int count, double? percent) =>
        ImpactMath.ShownPercent(count, percent, Cell) is { } shown
            ? string.Format(System.Globalization.CultureInfo.CurrentCulture, "{0} ({1:0.0} %)", Cell(count), shown)
            : Cell(count);

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
        Report = await EvaluationReport.BuildAsync(scopes, programme.Id, programme.Slug, From, To, clock.Today(), ct);
        Cell = ReportAccess.CellWriter(user, programme, config);
        return Page();
    }
}
