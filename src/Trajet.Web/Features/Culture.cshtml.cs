using Microsoft.AspNetCore.Localization;

namespace Trajet.Web.Features;

/// <summary>Remembers the language the user picked, in a cookie that wins over the browser's (and for a worker's reminders).</summary>
[AllowAnonymous]
public sealed class CultureModel(TimeProvider clock, CurrentUser current, TrajetDbContext db) : PageModel
{
    public async Task<IActionResult> OnPostAsync(string culture, string? returnUrl, CancellationToken ct)
    {
        if (Localization.Cultures.Contains(culture))
        {
            // The language a worker reads Trajet in is the one their e-mail reminders are written in.
            if (await current.GetAsync(ct) is { } me && Reminders.SettingsModel.MayHaveReminders(me))
            {
                (await Reminders.ReminderPreferences.ForAsync(db, me.Id, culture, ct)).Language = culture;
                await db.SaveChangesAsync(ct);
            }
            Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = clock.GetUtcNow().AddYears(1), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
        }
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
