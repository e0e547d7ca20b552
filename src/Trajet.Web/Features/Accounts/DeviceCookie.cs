using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Trajet.Web.Features.Accounts;

/// <summary>The <c>trajet.device</c> cookie of a registered phone: its token, kept a year, sent with every request.</summary>
public static class DeviceCookie
{
    public const string Name = "trajet.device";
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);

    /// <summary>The hash of the token this request's cookie carries, or null.</summary>
    public static string? HashFrom(HttpRequest request) => DeviceToken.HashOf(request.Cookies[Name]);

    public static void Append(HttpContext context, string token, DateTimeOffset now)
    {
        // As the sign-in cookie: its path and its Secure policy (Security:SecureCookies), HttpOnly and SameSite=Strict.
        var signIn = context.RequestServices.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var options = signIn.Cookie.Build(context, now);
        options.HttpOnly = true;
        options.SameSite = SameSiteMode.Strict;
        options.IsEssential = true;
        options.Expires = now + Lifetime;
        options.MaxAge = null;
        context.Response.Cookies.Append(Name, token, options);
    }
}
