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
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        // A context of its own: the request's may hold changes that are not this one's to save.
        await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrajetDbContext>();
        var cutoff = now - Longest;
        await db.Set<UserSession>().Where(s => s.UserId == userId && s.StartedAt < cutoff).ExecuteDeleteAsync(context.HttpContext.RequestAborted);
        var session = new UserSession { UserId = userId, StartedAt = now };
        db.Add(session);
        await db.SaveChangesAsync(context.HttpContext.RequestAborted);
        foreach (var old in identity.FindAll(ClaimType).ToList())
        {
            identity.RemoveClaim(old);
        }
        identity.AddClaim(new Claim(ClaimType, session.Id.ToString()));
    }

    private static async Task EndAsync(HttpContext context)
    {
        if (Id(context.User) is { } id)
        {
            var db = context.RequestServices.GetRequiredService<TrajetDbContext>();
            await db.Set<UserSession>().Where(s => s.Id == id).ExecuteDeleteAsync(context.RequestAborted);
        }
    }

    /// <summary>Whether the cookie's session is still open; a cookie without one (issued before sessions existed) is not.</summary>
    public static async Task<bool> IsOpenAsync(TrajetDbContext db, ClaimsPrincipal principal, DateTime now, CancellationToken ct)
    {
        var cutoff = now - Longest;
        return Id(principal) is { } id && await db.Set<UserSession>().AnyAsync(s => s.Id == id && s.StartedAt >= cutoff, ct);
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
