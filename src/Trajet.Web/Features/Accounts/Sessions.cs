using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Trajet.Web.Features.Accounts;

/// <summary>
/// Sign-in cookies end on the server: each names a <see cref="UserSession"/>; signing out deletes it, so a copy of the
/// cookie opens nothing. Bearer tokens are ended by the security stamp instead.
/// </summary>
public static class Sessions
{
    public const string ClaimType = "trajet:session";

    /// <summary>Wipes the offline store, the cached field forms and the service worker of a browser that signs out.</summary>
    public const string ClearSiteData = "\"cache\", \"storage\"";

    /// <summary>No cookie outlives this, however active (rows older are swept at the user's next sign-in).</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromDays(30);

    public static void ConfigureCookie(CookieAuthenticationEvents events)
    {
        events.OnSigningIn = StartAsync;
        events.OnSigningOut = context => EndAsync(context.HttpContext);
    }

    /// <summary>
    /// Identity rebuilds a cookie's claims when it checks the security stamp (every 30 minutes of a ticket's life): the
    /// rebuilt principal keeps the claim naming this cookie's session.
    /// </summary>
    public static Task KeepOnStampCheck(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.NewPrincipal?.Identity is ClaimsIdentity identity && context.CurrentPrincipal?.FindFirst(ClaimType) is { } session)
        {
            identity.AddClaim(new Claim(ClaimType, session.Value));
        }
        return Task.CompletedTask;
    }

    private static async Task StartAsync(CookieSigningInContext context)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity
            || !Guid.TryParse(identity.FindFirst(ClaimTypes.NameIdentifier)?.Value, out var userId))
        {
            return;
        }
        // A refreshed sign-in (after a password change) replaces this browser's session.
        await EndAsync(context.HttpContext);
        var services = context.HttpContext.RequestServices;
        var issued = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var now = issued.UtcDateTime;
        var ct = context.HttpContext.RequestAborted;
        // A context of its own: the request's may hold changes that are not this one's to save.
        await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrajetDbContext>();
        var cutoff = now - Longest;
        await db.Set<UserSession>().Where(s => s.UserId == userId && s.StartedAt < cutoff).ExecuteDeleteAsync(ct);

        var roles = identity.FindAll(identity.RoleClaimType).Select(c => c.Value).ToList();
        var device = FieldSessions.MayHave(roles) ? await FieldDeviceAsync(db, userId, DeviceCookie.HashFrom(context.HttpContext.Request), ct) : null;
        var fieldSessions = services.GetRequiredService<FieldSessions.Settings>();
        var session = new UserSession { UserId = userId, StartedAt = now, DeviceId = device, EndsAt = device is null ? null : fieldSessions.EndOf(now) };
        db.Add(session);
        await db.SaveChangesAsync(ct);
        foreach (var old in identity.FindAll(ClaimType).ToList())
        {
            identity.RemoveClaim(old);
        }
        identity.AddClaim(new Claim(ClaimType, session.Id.ToString()));

        // The ticket's span is its idle timeout: the handler's sliding renewal keeps expiry minus issue, so a field
        // session's longer span lasts through every renewal (a refreshed sign-in starts from now too).
        context.Properties.IssuedUtc = issued;
        context.Properties.ExpiresUtc = issued + (device is null ? context.Options.ExpireTimeSpan : fieldSessions.IdleTimeout);
    }

    /// <summary>The registered, unrevoked phone of the user's own organisation whose token the request carries.</summary>
    private static Task<Guid?> FieldDeviceAsync(TrajetDbContext db, Guid userId, string? tokenHash, CancellationToken ct) =>
        tokenHash is null
            ? Task.FromResult<Guid?>(null)
            : db.Set<RegisteredDevice>()
                .Where(d => d.TokenHash == tokenHash && d.RevokedAt == null && db.Users.Any(u => u.Id == userId && u.OrganisationId == d.OrganisationId))
                .Select(d => (Guid?)d.Id)
                .FirstOrDefaultAsync(ct);

    private static async Task EndAsync(HttpContext context)
    {
        if (Id(context.User) is { } id)
        {
            var db = context.RequestServices.GetRequiredService<TrajetDbContext>();
            await db.Set<UserSession>().Where(s => s.Id == id).ExecuteDeleteAsync(context.RequestAborted);
        }
    }

    /// <summary>
    /// Whether the cookie's session is still open; a cookie without one (issued before sessions existed) is not. A field
    /// session is also closed past its hard end, once its phone is revoked, and on a request without that phone's token.
    /// </summary>
    public static async Task<bool> IsOpenAsync(TrajetDbContext db, ClaimsPrincipal principal, string? deviceTokenHash, DateTime now, CancellationToken ct)
    {
        var cutoff = now - Longest;
        return Id(principal) is { } id && await db.Set<UserSession>().AnyAsync(s => s.Id == id && s.StartedAt >= cutoff
            && (s.DeviceId == null
                || (s.EndsAt > now && db.Set<RegisteredDevice>().Any(d => d.Id == s.DeviceId && d.RevokedAt == null && d.TokenHash == deviceTokenHash))), ct);
    }

    /// <summary>Signs the user out everywhere; their phones' offline stores are wiped at their next contact (a new key).</summary>
    public static async Task<int> EndAllAsync(TrajetDbContext db, Guid userId, CancellationToken ct)
    {
        await DeviceKey.DeleteAsync(db, userId, ct);
        return await db.Set<UserSession>().Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);
    }

    private static Guid? Id(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirst(ClaimType)?.Value, out var id) ? id : null;
}
