namespace Trajet.Web.Features.Interactions;

public static class InteractionsApi
{
    public static void MapInteractionsApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/cases/{id:guid}/interactions").WithTags("Case work");
        group.MapPost("/", Post).WithIdempotency();
        group.MapGet("/", List).ForEvaluators();
    }

    private static async Task<IResult> Post(Guid id, RecordInteraction.Input input, UserContext user, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct) =>
        (await db.WriteInCaseAsync(user, id, c => RecordInteraction.ExecuteAsync(db, user, c, input, clock.Today(), ct), ct))
            .ToHttp(l, i => TypedResults.Created($"/api/cases/{id}/interactions/{i.Id}", InteractionView.Of(i, false)));

    private static async Task<Results<Ok<InteractionSummary>, NotFound>> List(Guid id, UserContext user, TrajetDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var c = await db.Cases.Visible(user).AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(await InteractionSummary.ReadAsync(db, c, user.SeesAggregatesOnly, clock.Today(), ct));
    }
}
