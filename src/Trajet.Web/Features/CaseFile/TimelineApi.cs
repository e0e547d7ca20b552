namespace Trajet.Web.Features.CaseFile;

public static class TimelineApi
{
    public static void MapTimelineApi(this WebApplication app) =>
        app.MapGet("/api/cases/{id:guid}/timeline", async Task<Results<Ok<List<Timeline.Entry>>, NotFound>> (Guid id, UserContext user, TrajetDbContext db, CancellationToken ct, string? kinds = null) =>
        {
            if (!await db.Cases.Visible(user).AnyAsync(c => c.Id == id, ct))
            {
                return TypedResults.NotFound();
            }
            return TypedResults.Ok(await Timeline.BuildAsync(db, id, user.SeesAggregatesOnly, ParseKinds(kinds), ct));
        }).WithTags("Case work").ForEvaluators();

    /// <summary>"legal,interaction" → the kinds to keep; unknown names are ignored.</summary>
    public static HashSet<TimelineKind> ParseKinds(string? kinds) =>
        (kinds ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(k => KebabEnum.TryParse<TimelineKind>(k, out var kind) ? kind : (TimelineKind?)null)
            .OfType<TimelineKind>().ToHashSet();
}
