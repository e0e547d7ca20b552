using Trajet.Web.Features.Accounts;

namespace Trajet.Web.Features.Audit;

/// <summary>What the database context needs to write audit entries: who is acting, and the clock.</summary>
public sealed class AuditContext(IHttpContextAccessor accessor, TimeProvider clock)
{
    public TimeProvider Clock => clock;

    /// <summary>The signed-in user of the current request; nobody for an anonymous request; the system outside requests.</summary>
    public async Task<AuditActor> ActorAsync(CancellationToken ct)
    {
        if (accessor.HttpContext is not { } http)
        {
            return AuditActor.System;
        }
        var user = await http.RequestServices.GetRequiredService<CurrentUser>().GetAsync(ct);
        return user is null ? AuditActor.System : new AuditActor(user.Id, user.Email, user.OrganisationId);
    }
}
