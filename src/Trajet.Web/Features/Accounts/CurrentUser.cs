using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Trajet.Web.Features.Accounts;

public sealed record ProgrammeRef(Guid Id, string Slug, string Name, ProgrammeKind Kind = ProgrammeKind.FamilyCaseManagement);

/// <summary>Who is calling, read once per request from the database (not from the token alone).</summary>
public sealed record UserContext(
    Guid Id,
    string Email,
    string DisplayName,
    Guid? OrganisationId,
    string? OrganisationName,
    OrganisationKind? OrganisationKind,
    IReadOnlyList<string> Roles,
    IReadOnlyList<ProgrammeRef> Programmes)
{
    public bool IsInRole(string role) => Roles.Contains(role);
    public bool IsAdministrator => IsInRole(Accounts.Roles.Administrator);
    public bool IsCoordinator => IsInRole(Accounts.Roles.Coordinator);
    /// <summary>An evaluator (and nothing more) sees aggregates only, never a name.</summary>
    public bool SeesAggregatesOnly => Roles.Count > 0 && Roles.All(r => r == Accounts.Roles.Evaluator);

    public bool TwoFactorEnabled { get; init; }
    public bool TwoFactorExempt { get; init; }
    /// <summary>Signed in with a password, but the role requires an authenticator app that is not enrolled yet.</summary>
    public bool MustEnrolTwoFactor => TwoFactorPolicy.MustEnrol(Roles, TwoFactorExempt, TwoFactorEnabled);
    /// <summary>Works in an individual-coaching programme (desks, appointments, pathways).</summary>
    public bool Coaches => Programmes.Any(p => p.Kind == ProgrammeKind.IndividualCoaching);

    /// <summary>Binds an endpoint's <c>UserContext user</c> parameter; the endpoints require a signed-in user.</summary>
    public static async ValueTask<UserContext?> BindAsync(HttpContext context) =>
        await context.RequestServices.GetRequiredService<CurrentUser>().GetAsync(context.RequestAborted);
}

public sealed class CurrentUser(IHttpContextAccessor accessor, TrajetDbContext db, IOptions<IdentityOptions> identity, UserContextCache cache, TimeProvider clock)
{
    private UserContext? loaded;
    private bool attempted;

    /// <summary>The signed-in, active user whose session is still valid; null otherwise.</summary>
    public async Task<UserContext?> GetAsync(CancellationToken cancellationToken = default)
    {
        if (attempted)
        {
            return loaded;
        }
        attempted = true;

        var principal = accessor.HttpContext?.User;
        if (principal?.Identity?.IsAuthenticated != true
            || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
        {
            return null;
        }

        // A changed security stamp (password change, revocation) ends every earlier session.
        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        var known = cache.Find(id) ?? await LoadAsync(id, cancellationToken);
        if (known is null || (stamp is not null && stamp != known.SecurityStamp))
        {
            return null;
        }
        // A sign-in cookie opens nothing once its session was ended (signed out, or signed out everywhere).
        var request = accessor.HttpContext!.Request;
        if (!AccountsSetup.SendsBearerToken(request)
            && !await Sessions.IsOpenAsync(db, principal, DeviceCookie.HashFrom(request), clock.GetUtcNow().UtcDateTime, cancellationToken))
        {
            return null;
        }
        loaded = known.User;
        return loaded;
    }

    private async Task<UserContextCache.Account?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var generation = cache.Generation;
        var account = await UserAccounts.LoadAsync(db, id, cancellationToken);
        if (account is not null)
        {
            cache.Keep(id, account, generation);
        }
        return account;
    }

    public async Task<UserContext> RequireAsync(CancellationToken cancellationToken = default) =>
        await GetAsync(cancellationToken) ?? throw new InvalidOperationException("No signed-in user.");
}

/// <summary>
/// The accounts <see cref="CurrentUser"/> has read, kept <c>Security:UserCacheSeconds</c> (10; 0 turns it off) so that
/// every request does not read them again; a save of an account, its roles or programmes empties it in every instance.
/// </summary>
public sealed class UserContextCache(TimeProvider clock, IConfiguration configuration) : SharedCache(configuration), IDisposable
{
    public sealed record Account(UserContext User, string? SecurityStamp);

    // The generation an entry was loaded in is kept with it: one kept just after Changed() emptied the cache is still refused.
    private sealed record Entry(Account Account, int Generation);

    private readonly MemoryCache entries = clock.NewMemoryCache();
    private readonly TimeSpan lifetime = TimeSpan.FromSeconds(configuration.GetValue("Security:UserCacheSeconds", 10));

    public override string Name => "accounts";

    protected override void Clear() => entries.Clear();

    public Account? Find(Guid id) =>
        entries.TryGetValue(id, out Entry? entry) && IsCurrent(entry!.Generation) ? entry.Account : null;

    public void Keep(Guid id, Account account, int loadedAt)
    {
        if (lifetime > TimeSpan.Zero && IsCurrent(loadedAt))
        {
            entries.Set(id, new Entry(account, loadedAt), lifetime);
        }
    }

    public void Dispose() => entries.Dispose();
}

public static class SessionValidation
{
    /// <summary>Turns a valid token or cookie of a disabled, deleted or revoked account into no user at all.</summary>
    public static IApplicationBuilder UseSessionValidation(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated == true)
            {
                var current = context.RequestServices.GetRequiredService<CurrentUser>();
                if (await current.GetAsync(context.RequestAborted) is null)
                {
                    if (!context.Request.Headers.Authorization.Any())
                    {
                        await context.SignOutAsync(IdentityConstants.ApplicationScheme);
                        // Signed out everywhere or disabled: the browser drops what it kept offline (js/offline.js does too).
                        context.Response.Headers["Clear-Site-Data"] = Sessions.ClearSiteData;
                    }
                    context.User = new ClaimsPrincipal(new ClaimsIdentity());
                }
            }
            await next(context);
        });
}

/// <summary>A saved change of an account, its roles or programmes, a programme or an organisation empties <see cref="UserContextCache"/>.</summary>
public sealed class EmptyAccountCache() : EmptySharedCache<UserContextCache>(e => e is User or IdentityUserRole<Guid> or UserProgramme or Organisation or Programme);

/// <summary>An active account as a <see cref="UserContext"/>: for requests, and for jobs that act on a user's behalf.</summary>
public static class UserAccounts
{
    public static async Task<UserContextCache.Account?> LoadAsync(TrajetDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == id && u.IsActive)
            .Select(u => new
            {
                u.Id,
                u.Email,
                u.DisplayName,
                u.SecurityStamp,
                u.TwoFactorEnabled,
                u.TwoFactorExempt,
                u.OrganisationId,
                OrganisationName = u.Organisation != null ? u.Organisation.Name : null,
                OrganisationKind = u.Organisation != null ? (OrganisationKind?)u.Organisation.Kind : null,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id)
                    .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
                Programmes = u.Programmes.Select(p => new ProgrammeRef(p.ProgrammeId, p.Programme!.Slug, p.Programme.Name, p.Programme.Kind)).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);

        return user is null
            ? null
            : new UserContextCache.Account(new UserContext(user.Id, user.Email ?? "", user.DisplayName, user.OrganisationId,
                user.OrganisationName, user.OrganisationKind, user.Roles, user.Programmes)
            {
                TwoFactorEnabled = user.TwoFactorEnabled,
                TwoFactorExempt = user.TwoFactorExempt,
            }, user.SecurityStamp);
    }
}
