using System.Text.Json;

namespace Trajet.Web.Features.Instruments;

public static class InstrumentsApi
{
    public sealed record SheetCreated(Guid Id, DateOnly Date, Guid? Member, SummaryProfile? Profile, string? Observations, string? ImpactFactors);
    /// <summary>A sheet in the case's list; the route is closed to evaluators (EvaluatorWall), so its texts may be here.</summary>
    public sealed record SheetItem(Guid Id, DateOnly Date, Dictionary<string, ImpactLevel> Impact, Guid? Member, string? Observations, string? ImpactFactors);
    public sealed record BaselineDto(Guid Id, DateOnly Date, DateOnly SituationOn, IReadOnlyList<RecordBaselineSheet.ItemScore> Scores);

    public static void MapInstrumentsApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/cases/{id:guid}").WithTags("Instruments");
        group.MapPost("/summary-sheets", PostSummarySheet);
        group.MapGet("/summary-sheets", ListSummarySheets);
        group.MapPost("/baseline-sheets", PostBaselineSheet);
        group.MapGet("/baseline-sheets", ListBaselineSheets);
    }

    private static async Task<IResult> PostSummarySheet(Guid id, RecordSummarySheet.Input input, UserContext user, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct) =>
        (await db.WriteInCaseAsync(user, id, async c =>
        {
            var shown = (await CaseDetails.LoadAsync(db, user, id, clock.Today(), ct))!;
            return await RecordSummarySheet.ExecuteAsync(db, user, c, shown, input, clock.Today(), l, ct);
        }, ct)).ToHttp(l, s => TypedResults.Created($"/api/cases/{id}/summary-sheets/{s.Id}",
            new SheetCreated(s.Id, s.Date, s.MemberId, JsonSerializer.Deserialize<SummaryProfile>(s.Profile, RecordSummarySheet.Json), s.Observations, s.ImpactFactors)));

    private static async Task<Results<Ok<List<SheetItem>>, NotFound>> ListSummarySheets(Guid id, UserContext user, TrajetDbContext db, CancellationToken ct)
    {
        if (!await db.Cases.Visible(user).AnyAsync(c => c.Id == id, ct))
        {
            return TypedResults.NotFound();
        }
        var sheets = await db.SummarySheets.Where(s => s.CaseId == id).OrderBy(s => s.Date).ThenBy(s => s.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok(sheets.Select(s => new SheetItem(s.Id, s.Date,
            SummaryQuestions.Impacts.ToDictionary(q => q.Key, q => (ImpactLevel)q.Property.GetValue(s)!), s.MemberId, s.Observations, s.ImpactFactors)).ToList());
    }

    private static async Task<IResult> PostBaselineSheet(Guid id, RecordBaselineSheet.Input input, UserContext user, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct) =>
        (await db.WriteInCaseAsync(user, id, c => RecordBaselineSheet.ExecuteAsync(db, user, c, input, clock.Today(), ct), ct))
            .ToHttp(l, s => TypedResults.Created($"/api/cases/{id}/baseline-sheets/{s.Id}", ToDto(s)));

    private static async Task<Results<Ok<List<BaselineDto>>, NotFound>> ListBaselineSheets(Guid id, UserContext user, TrajetDbContext db, CancellationToken ct)
    {
        if (!await db.Cases.Visible(user).AnyAsync(c => c.Id == id, ct))
        {
            return TypedResults.NotFound();
        }
        var sheets = await db.BaselineSheets.Include(s => s.Scores).Where(s => s.CaseId == id).OrderBy(s => s.Date).ThenBy(s => s.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok(sheets.Select(ToDto).ToList());
    }

    private static BaselineDto ToDto(BaselineSheet s) =>
        new(s.Id, s.Date, s.SituationOn, s.Scores.OrderBy(x => x.Item).Select(x => new RecordBaselineSheet.ItemScore { Item = x.Item, Score = x.Score, Why = x.Why }).ToList());
}
