namespace Trajet.Web.Features.Reports;

public static class ReportsApi
{
    public static void MapReportsApi(this WebApplication app)
    {
        var reports = app.MapGroup("/api/reports").WithTags("Reports").ForEvaluators().RequireRateLimiting(RateLimits.Reports);
        reports.MapGet("/evaluation", Evaluation);
        reports.MapGet("/evaluation.csv", async (string programme, DateOnly? from, DateOnly? to, CurrentUser current, TrajetDbContext db, IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config, Audit.AuditTrail audit, CancellationToken ct) =>
            await ExportAsync(programme, from, to, current, db, scopes, clock, config, audit, ct, ReportExports.Csv, "text/csv", "csv"));
        reports.MapGet("/evaluation.xlsx", async (string programme, DateOnly? from, DateOnly? to, CurrentUser current, TrajetDbContext db, IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config, Audit.AuditTrail audit, CancellationToken ct) =>
            await ExportAsync(programme, from, to, current, db, scopes, clock, config, audit, ct, ReportExports.Xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"));
    }

    private static async Task<Results<Ok<EvaluationReport.Report>, NotFound, ForbidHttpResult>> Evaluation(
        string programme, DateOnly? from, DateOnly? to, CurrentUser current, TrajetDbContext db, IServiceScopeFactory scopes, TimeProvider clock, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var (found, allowed) = await ReportAccess.ResolveAsync(db, user, programme, ct);
        if (found is null)
        {
            return TypedResults.NotFound();
        }
        if (!allowed)
        {
            return TypedResults.Forbid();
        }
        return TypedResults.Ok(await EvaluationReport.BuildAsync(scopes, found.Id, found.Slug, from, to, clock.Today(), ct));
    }

    private static async Task<IResult> ExportAsync(string programme, DateOnly? from, DateOnly? to, CurrentUser current, TrajetDbContext db, IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config, Audit.AuditTrail audit, CancellationToken ct,
        Func<EvaluationReport.Report, ReportExports.Cell, byte[]> write, string contentType, string extension)
    {
        var user = await current.RequireAsync(ct);
        var (found, allowed) = await ReportAccess.ResolveAsync(db, user, programme, ct);
        if (found is null)
        {
            return TypedResults.NotFound();
        }
        if (!allowed)
        {
            return TypedResults.Forbid();
        }
        var report = await EvaluationReport.BuildAsync(scopes, found.Id, found.Slug, from, to, clock.Today(), ct);
        var cell = ReportAccess.CellWriter(user, found, config);
        await audit.ExportAsync(user, "EvaluationReport", found.Slug, found.OrganisationId, new { format = extension, from, to });
        return TypedResults.File(write(report, cell), contentType, $"evaluation-{found.Slug}.{extension}");
    }
}

/// <summary>Reports are for coordinators and evaluators of the programme's organisation.</summary>
public static class ReportAccess
{
    /// <summary>The programme if the user's organisation owns it (else null: 404), and whether the user may read its reports.</summary>
    public static async Task<(Programme? Programme, bool Allowed)> ResolveAsync(TrajetDbContext db, UserContext user, string slug, CancellationToken ct)
    {
        var programme = await db.Programmes.AsNoTracking().SingleOrDefaultAsync(p => p.Slug == slug && p.OrganisationId == user.OrganisationId, ct);
        if (programme is null)
        {
            return (null, false);
        }
        var allowed = user.IsCoordinator || (user.IsInRole(Roles.Evaluator) && user.Programmes.Any(p => p.Id == programme.Id));
        return (programme, allowed);
    }

    /// <summary>Counts under the threshold (Reports:SmallCellThreshold, 3) are hidden for all but the programme's own coordinator.</summary>
    public static ReportExports.Cell CellWriter(UserContext user, Programme programme, IConfiguration config)
    {
        var threshold = config.GetValue("Reports:SmallCellThreshold", 3);
        var ownCoordinator = user.IsCoordinator && user.OrganisationId == programme.OrganisationId && user.Programmes.Any(p => p.Id == programme.Id);
        return ownCoordinator ? count => count.ToString(System.Globalization.CultureInfo.InvariantCulture) : count => ImpactMath.Suppressed(count, threshold);
    }
}
