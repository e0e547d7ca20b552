namespace Trajet.Web.Features.Audit;

/// <summary>What a save needs to write audit entries: who is acting (the system until a request's user is known), and the clock.</summary>
public sealed class AuditContext(TimeProvider clock)
{
    public TimeProvider Clock => clock;

    public AuditActor Actor { get; private set; } = AuditActor.System;

    internal void ActingIs(AuditActor actor) => Actor = actor;
}

public static class AuditActors
{
    /// <summary>Makes the request's signed-in user the actor of what the request saves (set once, after session validation).</summary>
    public static IApplicationBuilder UseAuditActor(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (await context.RequestServices.GetRequiredService<CurrentUser>().GetAsync(context.RequestAborted) is { } user)
            {
                context.RequestServices.GetRequiredService<AuditContext>().ActingIs(new AuditActor(user.Id, user.Email, user.OrganisationId));
            }
            await next(context);
        });
}
