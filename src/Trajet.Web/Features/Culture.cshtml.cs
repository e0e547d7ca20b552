using Microsoft.AspNetCore.Localization;

namespace Trajet.Web.Features;

/// <summary>Remembers the language the user picked, in a cookie that wins over the browser's.</summary>
[AllowAnonymous]
public sealed class CultureModel(TimeProvider clock) : PageModel
{
    public IActionResult OnPost(string culture, string? returnUrl)
    {
        if (Localization.Cultures.Contains(culture))
        {
            Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = clock.GetUtcNow().AddYears(1), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
        }
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
