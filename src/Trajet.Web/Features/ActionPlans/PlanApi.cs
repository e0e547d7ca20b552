namespace Trajet.Web.Features.ActionPlans;

public static class PlanApi
{
    public static void MapPlanApi(this WebApplication app)
    {
        var plan = app.MapGroup("/api/cases/{id:guid}/plan").WithTags("Case work");
        plan.MapGet("/", Get);
        plan.MapPost("/goals", (Guid id, EditPlan.GoalInput input, UserContext user, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct) =>
            WriteAsync(id, user, db, l, clock, c => EditPlan.AddGoalAsync(db, c, input, clock.Today(), ct), ct));
        plan.MapPost("/actions", (Guid id, EditPlan.ActionInput input, UserContext user, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct) =>
            WriteAsync(id, user, db, l, clock, c => EditPlan.AddActionAsync(db, c, input, ct), ct));
        plan.MapPost("/reviews", (Guid id, EditPlan.ReviewInput input, UserContext user, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct) =>
            WriteAsync(id, user, db, l, clock, c => EditPlan.AddReviewAsync(db, c, input, clock.Today(), ct), ct));
        plan.MapPut("/actions/{actionId:guid}/status", (Guid id, Guid actionId, EditPlan.StatusInput input, UserContext user, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct) =>
            WriteAsync(id, user, db, l, clock, c => EditPlan.SetStatusAsync(db, c.Id, actionId, input, clock.Today(), ct), ct));
    }

    private static async Task<Results<Ok<EditPlan.PlanDto>, NotFound>> Get(Guid id, UserContext user, TrajetDbContext db, TimeProvider clock, CancellationToken ct) =>
        await db.Cases.Visible(user).AnyAsync(c => c.Id == id, ct)
            ? TypedResults.Ok(await EditPlan.LoadAsync(db, id, clock.Today(), ct))
            : TypedResults.NotFound();

    /// <summary>Runs a change on a case the user may write in, answering the plan, a 400, a 403 or a 404.</summary>
    private static async Task<IResult> WriteAsync<T>(Guid id, UserContext user, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock,
        Func<Case, Task<Result<T>>> change, CancellationToken ct) =>
        await (await db.WriteInCaseAsync(user, id, change, ct)).ToHttpAsync(l, async _ => TypedResults.Ok(await EditPlan.LoadAsync(db, id, clock.Today(), ct)));
}
