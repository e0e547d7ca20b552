namespace Trajet.Web.Features.LegalEvents;

public static class LegalEventsApi
{
    public static void MapLegalEventsApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/cases/{id:guid}/legal-events").WithTags("Case work");
        group.MapPost("/", Post);
        group.MapGet("/", List);
    }

    private static async Task<IResult> Post(Guid id, RecordLegalEvent.Input input, UserContext user, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct) =>
        (await db.WriteInCaseAsync(user, id, c => RecordLegalEvent.ExecuteAsync(db, user, c, input, clock.Today(), ct), ct))
            .ToHttp(l, e => TypedResults.Created($"/api/cases/{id}/legal-events/{e.Id}", LegalEventView.Of(e)));

    private static async Task<Results<Ok<List<LegalEventView>>, NotFound>> List(Guid id, UserContext user, TrajetDbContext db, CancellationToken ct) =>
        await db.Cases.Visible(user).AnyAsync(c => c.Id == id, ct)
            ? TypedResults.Ok(await Chronology.ReadAsync(db, id, user.SeesAggregatesOnly, ct))
            : TypedResults.NotFound();
}
