using Microsoft.AspNetCore.Identity.Data;

namespace Trajet.Web.Features.Accounts;

public static class AccountsSetup
{
    /// <summary>Picks bearer tokens when an Authorization header is sent, the sign-in cookie otherwise.</summary>
    public const string Scheme = "Trajet";

    public static bool SendsBearerToken(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    public static IServiceCollection AddTrajetAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        // Sign-in cookies: Secure over HTTPS (or always, with Security:SecureCookies=Always behind a TLS proxy).
        var secure = configuration.GetValue("Security:SecureCookies", "SameAsRequest") == "Always"
            ? CookieSecurePolicy.Always
            : CookieSecurePolicy.SameAsRequest;

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Scheme;
                o.DefaultChallengeScheme = Scheme;
            })
            .AddPolicyScheme(Scheme, null, o => o.ForwardDefaultSelector = context =>
                SendsBearerToken(context.Request) ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o =>
            {
                o.BearerTokenExpiration = TimeSpan.FromMinutes(configuration.GetValue("Security:BearerTokenMinutes", 60));
                o.RefreshTokenExpiration = TimeSpan.FromHours(configuration.GetValue("Security:RefreshTokenHours", 12));
            })
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Accounts/Login";
            o.LogoutPath = "/Accounts/Logout";
            o.AccessDeniedPath = "/Accounts/AccessDenied";
            o.Cookie.Name = "trajet.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = secure;
            // Idle timeout: the session ends after this long without a request (sliding, renewed past half-time).
            o.ExpireTimeSpan = TimeSpan.FromMinutes(configuration.GetValue("Security:IdleTimeoutMinutes", 20));
            o.SlidingExpiration = true;
            // The API never redirects to the login page: it answers 401/403.
            o.Events.OnRedirectToLogin = c => ApiOr(c.Request, c.Response, 401, () => c.Response.Redirect(c.RedirectUri));
            o.Events.OnRedirectToAccessDenied = c => ApiOr(c.Request, c.Response, 403, () => c.Response.Redirect(c.RedirectUri));
            Sessions.ConfigureCookie(o.Events);
        });
        // Field sessions: on a registered phone, a field worker stays signed in through a round (FieldSessions).
        services.AddSingleton(FieldSessions.Settings.From(
            configuration.GetValue("Security:FieldIdleTimeoutMinutes", 240),
            configuration.GetValue("Security:FieldSessionHours", 10)));
        services.Configure<SecurityStampValidatorOptions>(o => o.OnRefreshingPrincipal = Sessions.KeepOnStampCheck);
        // Between the password and the code: who is signing in, for five minutes.
        services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.Name = "trajet.2fa";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = secure;
        });

        services.AddIdentityCore<User>(o =>
            {
                o.User.RequireUniqueEmail = true;
                // OWASP ASVS 2.1.1: at least 12 characters (the composition rules predate it and stay).
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = true;
                // Counts wrong passwords, wrong authenticator codes and wrong recovery codes alike.
                o.Lockout.MaxFailedAccessAttempts = configuration.GetValue("Accounts:MaxFailedAttempts", 5);
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.SignIn.RequireConfirmedAccount = false; // accounts are created by an administrator
            })
            .AddRoles<Role>()
            .AddEntityFrameworkStores<TrajetDbContext>()
            .AddApiEndpoints() // registers Identity's own SignInManager: ours must come after it
            .AddSignInManager<TrajetSignInManager>()
            .AddDefaultTokenProviders();

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Roles.Administrator, p => p.RequireRole(Roles.Administrator));

        services.AddScoped<CurrentUser>();
        services.AddSharedCache<UserContextCache>();
        return services;
    }

    /// <summary>POST /api/auth/manage/2fa may not turn two-factor sign-in off (nor reset the key) where the role requires it.</summary>
    private static async Task<object?> RefuseTwoFactorOffAsync(EndpointFilterInvocationContext context)
    {
        if (context.Arguments.OfType<TwoFactorRequest>().FirstOrDefault() is not { } request
            || (request.Enable != false && !request.ResetSharedKey))
        {
            return null;
        }
        var services = context.HttpContext.RequestServices;
        var me = await services.GetRequiredService<CurrentUser>().GetAsync(context.HttpContext.RequestAborted);
        if (me is null || !me.TwoFactorEnabled || TwoFactorPolicy.MayDisable(me.Roles, me.TwoFactorExempt))
        {
            return null;
        }
        var l = services.GetRequiredService<IStringLocalizer<SharedResource>>();
        return new[] { new FieldError(request.Enable == false ? "enable" : "resetSharedKey", "Your role requires two-factor sign-in: it cannot be turned off.") }.ToProblem(l);
    }

    private static Task ApiOr(HttpRequest request, HttpResponse response, int status, Action otherwise)
    {
        if (request.IsApi())
        {
            response.StatusCode = status;
        }
        else
        {
            otherwise();
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// Identity's API endpoints under /api/auth (login, refresh, 2FA management), less the public
    /// registration and e-mail flows: there is no sign-up, an administrator creates accounts.
    /// </summary>
    public static void MapAuthApi(this WebApplication app)
    {
        string[] closed = ["/register", "/confirmEmail", "/resendConfirmationEmail", "/forgotPassword", "/resetPassword"];
        var group = app.MapGroup("/api/auth").WithTags("Auth").WithMetadata(new SignInAttemptAttribute()).ForEvaluators();
        group.AddEndpointFilter(async (context, next) =>
            closed.Any(path => context.HttpContext.Request.Path.Value!.EndsWith(path, StringComparison.OrdinalIgnoreCase))
                ? TypedResults.Problem(statusCode: 404, title: "Not found")
                : await next(context));
        group.AddEndpointFilter(async (context, next) =>
            await RefuseTwoFactorOffAsync(context) ?? await next(context));
        group.MapIdentityApi<User>().Add(endpoint =>
        {
            // Everything but /manage/* is reached before sign-in (the fallback policy requires a user).
            if (endpoint is RouteEndpointBuilder route && route.RoutePattern.RawText?.Contains("/manage", StringComparison.Ordinal) != true)
            {
                endpoint.Metadata.Add(new Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute());
            }
        });
    }
}
