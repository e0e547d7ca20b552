namespace Trajet.Web.Features.Deadlines;

public static class DeadlinesApi
{
    public sealed record Response(string Scope, IReadOnlyList<DueList.Item> Items);

    public static void MapDeadlinesApi(this WebApplication app) =>
        app.MapGet("/api/deadlines", async Task<Ok<Response>> (UserContext user, TrajetDbContext db, TimeProvider clock, IConfiguration config, Documents.DocumentValidity validity, CancellationToken ct, string? scope = null) =>
        {
            var mine = scope is null ? !user.IsCoordinator : scope != "all";
            var items = await DueList.BuildAsync(db, user, mine, clock.Today(), DueList.Settings.From(config), validity, ct);
            return TypedResults.Ok(new Response(mine ? "mine" : "all", items));
        }).WithTags("Case work");
}
