namespace Trajet.Web.Features.Reports;

public static class ReportsApi
{
    public static void MapReportsApi(this WebApplication app)
    {
        var reports = app.MapGroup("/api/reports").WithTags("Reports").ForEvaluators().RequireRateLimiting(RateLimits.Reports);
        reports.MapGet("/evaluation", Evaluation);
        reports.MapGet("/evaluation.csv", (string programme, DateOnly? from, DateOnly? to, UserContext user, [AsParameters] ExportServices services, CancellationToken ct) =>
            ExportAsync(programme, from, to, user, services, ct, ReportExports.Csv, "text/csv", "csv"));
        reports.MapGet("/evaluation.xlsx", (string programme, DateOnly? from, DateOnly? to, UserContext user, [AsParameters] ExportServices services, CancellationToken ct) =>
            ExportAsync(programme, from, to, user, services, ct, ReportExports.Xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"));
    }

    /// <summary>What an export needs besides its query, bound from the request's services.</summary>
    private sealed record ExportServices(TrajetDbContext Db, IServiceScopeFactory Scopes, TimeProvider Clock, IConfiguration Config, Audit.AuditTrail Audit, IStringLocalizer<SharedResource> L, HttpContext Http);

    private static async Task<Results<Ok<EvaluationReport.Report>, NotFound, ForbidHttpResult>> Evaluation(
        string programme, DateOnly? from, DateOnly? to, UserContext user, TrajetDbContext db, IServiceScopeFactory scopes, TimeProvider clock, CancellationToken ct)
    {
        var found = await ReportAccess.ResolveAsync(db, user, programme, ct);
        return found.Failed switch
        {
            null => TypedResults.Ok(await EvaluationReport.BuildAsync(scopes, found.Value!.Id, found.Value.Slug, from, to, clock.Today(), ct)),
            { Kind: FailureKind.Forbidden } => TypedResults.Forbid(),
            _ => TypedResults.NotFound(),
        };
    }

    private static async Task<IResult> ExportAsync(string programme, DateOnly? from, DateOnly? to, UserContext user, ExportServices services, CancellationToken ct,
        Func<EvaluationReport.Report, ReportExports.Cell, ExportWords, byte[]> write, string contentType, string extension) =>
        await (await ReportAccess.ResolveAsync(services.Db, user, programme, ct)).ToHttpAsync(services.L, async found =>
        {
            var report = await EvaluationReport.BuildAsync(services.Scopes, found.Id, found.Slug, from, to, services.Clock.Today(), ct);
            await services.Audit.ExportAsync(user, "EvaluationReport", found.Slug, found.OrganisationId, new { format = extension, from, to });
            return TypedResults.File(write(report, ReportAccess.CellWriter(user, found, services.Config), ExportWords.Of(services.Http, services.L)), contentType, $"evaluation-{found.Slug}.{extension}");
        });
}

/// <summary>Reports are for coordinators and evaluators of the programme's organisation.</summary>
public static class ReportAccess
{
    /// <summary>The programme if the user's organisation owns it (else NotFound) and the user may read its reports (else Forbidden).</summary>
    public static async Task<Result<Programme>> ResolveAsync(TrajetDbContext db, UserContext user, string slug, CancellationToken ct) =>
        await db.Programmes.AsNoTracking().SingleOrDefaultAsync(p => p.Slug == slug && p.OrganisationId == user.OrganisationId, ct) is not { } programme ? Failure.NotFound
            : user.IsCoordinator || (user.IsInRole(Roles.Evaluator) && user.Programmes.Any(p => p.Id == programme.Id)) ? programme : Failure.Forbidden;

    /// <summary>Counts under the threshold (Reports:SmallCellThreshold, 3) are hidden for all but the programme's own coordinator.</summary>
    public static ReportExports.Cell CellWriter(UserContext user, Programme programme, IConfiguration config)
    {
        var threshold = config.GetValue("Reports:SmallCellThreshold", 3);
        var ownCoordinator = user.IsCoordinator && user.OrganisationId == programme.OrganisationId && user.Programmes.Any(p => p.Id == programme.Id);
        return ownCoordinator ? count => count.ToString(System.Globalization.CultureInfo.InvariantCulture) : count => ImpactMath.Suppressed(count, threshold);
    }
}
