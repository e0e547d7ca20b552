using Microsoft.AspNetCore.Identity;
using Trajet.Web.Data;
using Trajet.Web.Infrastructure;

namespace Trajet.Web.Features.Accounts;

public static class AccountsSetup
{
    /// <summary>Picks bearer tokens when an Authorization header is sent, the sign-in cookie otherwise.</summary>
    public const string Scheme = "Trajet";

    public static IServiceCollection AddTrajetAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Scheme;
                o.DefaultChallengeScheme = Scheme;
            })
            .AddPolicyScheme(Scheme, null, o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(1))
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Accounts/Login";
            o.LogoutPath = "/Accounts/Logout";
            o.AccessDeniedPath = "/Accounts/AccessDenied";
            o.Cookie.Name = "trajet.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(configuration.GetValue("Accounts:IdleTimeoutMinutes", 30));
            o.SlidingExpiration = true;
            // The API never redirects to the login page: it answers 401/403.
            o.Events.OnRedirectToLogin = c => ApiOr(c.Request, c.Response, 401, () => c.Response.Redirect(c.RedirectUri));
            o.Events.OnRedirectToAccessDenied = c => ApiOr(c.Request, c.Response, 403, () => c.Response.Redirect(c.RedirectUri));
        });

        services.AddIdentityCore<User>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = true;
                o.Lockout.MaxFailedAccessAttempts = configuration.GetValue("Accounts:MaxFailedAttempts", 5);
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.SignIn.RequireConfirmedAccount = false; // accounts are created by an administrator
            })
            .AddRoles<Role>()
            .AddEntityFrameworkStores<TrajetDbContext>()
            .AddDefaultTokenProviders()
            .AddApiEndpoints()
            .AddSignInManager<Audit.AuditedSignInManager>(); // after AddApiEndpoints, which registers the plain one

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Roles.Administrator, p => p.RequireRole(Roles.Administrator));

        services.AddScoped<CurrentUser>();
        return services;
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
        var group = app.MapGroup("/api/auth").WithTags("Auth").RequireRateLimiting(RateLimits.Login);
        group.AddEndpointFilter(async (context, next) =>
            closed.Any(path => context.HttpContext.Request.Path.Value!.EndsWith(path, StringComparison.OrdinalIgnoreCase))
                ? TypedResults.Problem(statusCode: 404, title: "Not found")
                : await next(context));
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
