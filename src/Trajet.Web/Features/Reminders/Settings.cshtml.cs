using System.Globalization;

namespace Trajet.Web.Features.Reminders;

/// <summary>A worker's own e-mail reminders: on or off, their hour, their language.</summary>
public sealed class SettingsModel(TrajetDbContext db, IConfiguration config, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public bool Enabled { get; set; } = true;

    [BindProperty]
    public int Hour { get; set; } = ReminderPreference.DefaultHour;

    [BindProperty]
    public string Language { get; set; } = "en";

    public bool Saved { get; private set; }
    public bool MailConfigured { get; private set; }

    public async Task<IActionResult> OnGetAsync(UserContext user, bool saved, CancellationToken ct)
    {
        if (!MayHaveReminders(user))
        {
            return NotFound();
        }
        var preference = await db.ReminderPreferences.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == user.Id, ct);
        (Enabled, Hour, Language) = preference is null
            ? (true, ReminderPreference.DefaultHour, Localization.LanguageOf(CultureInfo.CurrentUICulture))
            : (preference.Enabled, preference.Hour, preference.Language);
        Saved = saved;
        MailConfigured = SmtpSettings.Read(config).IsConfigured;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(UserContext user, CancellationToken ct)
    {
        if (!MayHaveReminders(user))
        {
            return NotFound();
        }
        if (Hour is < 0 or > 23)
        {
            ModelState.AddModelError(nameof(Hour), l["Choose an hour between 0 and 23."]);
        }
        if (!Localization.Cultures.Contains(Language))
        {
            ModelState.AddModelError(nameof(Language), l["Choose French, Dutch or English."]);
        }
        if (!ModelState.IsValid)
        {
            MailConfigured = SmtpSettings.Read(config).IsConfigured;
            return Page();
        }
        var preference = await ReminderPreferences.ForAsync(db, user.Id, Language, ct);
        (preference.Enabled, preference.Hour, preference.Language) = (Enabled, Hour, Language);
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { saved = true });
    }

    /// <summary>Workers of an organisation; an evaluator reads no case, so is reminded of none.</summary>
    public static bool MayHaveReminders(UserContext user) => user.OrganisationId is not null && !user.SeesAggregatesOnly;
}

public static class ReminderPreferences
{
    /// <summary>The user's preference, tracked; a new one (reminders on, at the usual hour) when they have none yet.</summary>
    public static async Task<ReminderPreference> ForAsync(TrajetDbContext db, Guid userId, string language, CancellationToken ct)
    {
        if (await db.ReminderPreferences.FirstOrDefaultAsync(p => p.UserId == userId, ct) is { } known)
        {
            return known;
        }
        var preference = new ReminderPreference { UserId = userId, Language = language };
        db.ReminderPreferences.Add(preference);
        return preference;
    }
}
