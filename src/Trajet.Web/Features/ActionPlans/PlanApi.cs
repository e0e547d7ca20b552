using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trajet.Web.Data;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.Cases;
using Trajet.Web.Infrastructure;

namespace Trajet.Web.Features.ActionPlans;

public static class PlanApi
{
    public sealed record GoalBody(string? Option, string? Description, DateOnly? AgreedOn);
    public sealed record ActionBody(Guid? GoalId, string? Description, string? Owner, DateOnly? DueDate);
    public sealed record ReviewBody(DateOnly? Date, string? Progress, string? Changes);
    public sealed record StatusBody(string? Status);

    public static void MapPlanApi(this WebApplication app)
    {
        var plan = app.MapGroup("/api/cases/{id:guid}/plan").WithTags("Case work");
        plan.MapGet("/", Get);
        plan.MapPost("/goals", (Guid id, GoalBody body, CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct) =>
            WriteAsync(id, current, db, l, clock, ct, (c, errors) =>
            {
                var option = KebabEnum.Parse<DurableSolution>(body.Option, "option", errors);
                return errors.Count > 0 ? Task.FromResult(errors) : EditPlan.AddGoalAsync(db, c, option, body.Description, body.AgreedOn, clock.Today(), ct);
            }));
        plan.MapPost("/actions", (Guid id, ActionBody body, CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct) =>
            WriteAsync(id, current, db, l, clock, ct, (c, errors) =>
            {
                var owner = KebabEnum.Parse<ActionOwner>(body.Owner, "owner", errors);
                return errors.Count > 0 ? Task.FromResult(errors) : EditPlan.AddActionAsync(db, c, body.GoalId, body.Description, owner, body.DueDate, ct);
            }));
        plan.MapPost("/reviews", (Guid id, ReviewBody body, CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct) =>
            WriteAsync(id, current, db, l, clock, ct, (c, _) => EditPlan.AddReviewAsync(db, c, body.Date, body.Progress, body.Changes, clock.Today(), ct)));
        plan.MapPut("/actions/{actionId:guid}/status", (Guid id, Guid actionId, StatusBody body, CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct) =>
            WriteAsync(id, current, db, l, clock, ct, async (c, errors) =>
            {
                var status = KebabEnum.Parse<ActionStatus>(body.Status, "status", errors);
                if (errors.Count == 0 && !await EditPlan.SetStatusAsync(db, c.Id, actionId, status!.Value, clock.Today(), ct))
                {
                    errors.Add(new("actionId", "Unknown action for this case."));
                }
                return errors;
            }));
    }

    private static async Task<Results<Ok<EditPlan.PlanDto>, NotFound>> Get(Guid id, CurrentUser current, TrajetDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        return await db.Cases.Visible(user).AnyAsync(c => c.Id == id, ct)
            ? TypedResults.Ok(await EditPlan.LoadAsync(db, id, clock.Today(), ct))
            : TypedResults.NotFound();
    }

    /// <summary>Runs a change on a case the user may write in, answering the plan, a 400, a 403 or a 404.</summary>
    private static async Task<IResult> WriteAsync(Guid id, CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct,
        Func<Case, List<FieldError>, Task<List<FieldError>>> change)
    {
        var user = await current.RequireAsync(ct);
        var (c, denied) = await db.CaseForWriteAsync(user, id, ct);
        if (c is null)
        {
            return denied!;
        }
        var errors = await change(c, []);
        return errors.Count > 0 ? errors.ToProblem(l) : TypedResults.Ok(await EditPlan.LoadAsync(db, id, clock.Today(), ct));
    }
}
