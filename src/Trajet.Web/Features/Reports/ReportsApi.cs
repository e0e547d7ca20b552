namespace Trajet.Web.Features.Reports;

public static class ReportsApi
{
    public static void MapReportsApi(this WebApplication app)
    {
        var reports = app.MapGroup("/api/reports").WithTags("Reports").ForEvaluators().RequireRateLimiting(RateLimits.Reports);
        reports.MapGet("/evaluation", (string programme, DateOnly? from, DateOnly? to, string? cohort, UserContext user, [AsParameters] ReportServices services, CancellationToken ct) =>
            BuildAsync(programme, from, to, cohort, user, services, ct, (report, _) => Task.FromResult<IResult>(TypedResults.Ok(report))))
            .Produces<EvaluationReport.Report>();
        reports.MapGet("/evaluation.csv", (string programme, DateOnly? from, DateOnly? to, string? cohort, UserContext user, [AsParameters] ReportServices services, CancellationToken ct) =>
            ExportAsync(programme, from, to, cohort, user, services, ct, ReportExports.Csv, "text/csv", "csv"));
        reports.MapGet("/evaluation.xlsx", (string programme, DateOnly? from, DateOnly? to, string? cohort, UserContext user, [AsParameters] ReportServices services, CancellationToken ct) =>
            ExportAsync(programme, from, to, cohort, user, services, ct, ReportExports.Xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"));
    }

    /// <summary>What a report needs besides its query, bound from the request's services.</summary>
    private sealed record ReportServices(TrajetDbContext Db, ReportFigures Figures, IServiceScopeFactory Scopes, TimeProvider Clock, IConfiguration Config, Audit.AuditTrail Audit, IStringLocalizer<SharedResource> L, HttpContext Http);

    /// <summary>The report as the reader may see it (<see cref="ReportCells.ForReader"/>), handed to <paramref name="done"/>.</summary>
    private static async Task<IResult> BuildAsync(string programme, DateOnly? from, DateOnly? to, string? cohort, UserContext user, ReportServices services, CancellationToken ct,
        Func<EvaluationReport.Report, Programme, Task<IResult>> done) =>
        await (await ReportAccess.ResolveAsync(services.Db, user, programme, ct))
            .Then(found => ReportAccess.Basis(cohort).Then<EvaluationReport.Basis, (Programme, EvaluationReport.Basis)>(basis => (found, basis)))
            .ToHttpAsync(services.L, async chosen =>
            {
                var (found, basis) = chosen;
                var report = await services.Figures.EvaluationAsync(services.Scopes, found, from, to, basis, services.Clock.Today(), ct);
                return await done(ReportCells.ForReader(report, user, found, services.Config), found);
            });

    private static Task<IResult> ExportAsync(string programme, DateOnly? from, DateOnly? to, string? cohort, UserContext user, ReportServices services, CancellationToken ct,
        Func<EvaluationReport.Report, ExportWords, byte[]> write, string contentType, string extension) =>
        BuildAsync(programme, from, to, cohort, user, services, ct, async (report, found) =>
        {
            await services.Audit.ExportAsync(user, "EvaluationReport", found.Slug, found.OrganisationId, new { format = extension, from, to, cohort = report.Cohort.Basis });
            return TypedResults.File(write(report, ExportWords.Of(services.Http, services.L)), contentType, $"evaluation-{found.Slug}.{extension}");
        });
}

/// <summary>Reports are for coordinators and evaluators of the programme's organisation.</summary>
public static class ReportAccess
{
    /// <summary>The programme if the user's organisation owns it (else NotFound) and the user may read its reports (else Forbidden).</summary>
    public static async Task<Result<Programme>> ResolveAsync(TrajetDbContext db, UserContext user, string slug, CancellationToken ct) =>
        await db.Programmes.AsNoTracking().SingleOrDefaultAsync(p => p.Slug == slug && p.OrganisationId == user.OrganisationId, ct) is not { } programme ? Failure.NotFound
            : user.IsCoordinator || (user.IsInRole(Roles.Evaluator) && user.Programmes.Any(p => p.Id == programme.Id)) ? programme : Failure.Forbidden;

    /// <summary>The cohort's basis from the query: <c>supported</c> (the default) or <c>with-sheet</c>.</summary>
    public static Result<EvaluationReport.Basis> Basis(string? cohort) =>
        cohort is null or "" ? EvaluationReport.Basis.Supported
            : KebabEnum.TryParse<EvaluationReport.Basis>(cohort, out var basis) ? basis : Failure.Invalid([FieldError.NotAccepted("cohort")]);
}
