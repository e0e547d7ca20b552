using System.Net;
using Microsoft.EntityFrameworkCore;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Features.Accounts;

namespace Trajet.Tests.Features.Reminders;

/// <summary>A worker's own reminder settings, and the administrator's view of the mail, on an app with no mail server.</summary>
public abstract class ReminderSettingsTests(TrajetApp app)
{
    [Fact]
    public async Task Worker_TurnsRemindersOffAndChoosesTheHourAndLanguage_WhileThePageSaysNothingIsSent()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var email = await app.CreateUserAsync(Roles.CaseManager, organisation, programme);
        var id = await app.WithDbAsync((db, _) => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        using var browser = await app.SignedInBrowserAsync(email);

        var page = await Html.GetAsync(browser, "/Reminders/Settings");
        Assert.NotNull(page.QuerySelector("[data-mail-off]"));
        var bad = await Html.SubmitAsync(browser, page, "main form", new Dictionary<string, string> { ["Hour"] = "25" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Choose an hour between 0 and 23.", (await Html.ParseAsync(bad)).QuerySelector(".errors")!.TextContent);
        Assert.False(await app.WithDbAsync((db, _) => db.ReminderPreferences.AnyAsync(p => p.UserId == id)));

        var saved = await Html.SubmitAsync(browser, page, "main form", new Dictionary<string, string> { ["Enabled"] = "false", ["Hour"] = "18", ["Language"] = "nl" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var again = await Html.GetAsync(browser, saved.Headers.Location!.OriginalString);
        Assert.NotNull(again.QuerySelector("main .notice[role=status]:not([data-mail-off])"));
        var preference = await app.WithDbAsync((db, _) => db.ReminderPreferences.SingleAsync(p => p.UserId == id));
        Assert.Equal((false, 18, "nl"), (preference.Enabled, preference.Hour, preference.Language));
    }

    [Fact]
    public async Task ChangingTheLanguage_IsTheLanguageOfTheWorkersReminders()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var email = await app.CreateUserAsync(Roles.CaseManager, organisation, programme);
        var id = await app.WithDbAsync((db, _) => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        using var browser = await app.SignedInBrowserAsync(email);

        var home = await Html.GetAsync(browser, "/");
        await Html.SubmitAsync(browser, home, "form[action='/Culture']", new Dictionary<string, string> { ["culture"] = "fr" });

        Assert.Equal("fr", await app.WithDbAsync((db, _) => db.ReminderPreferences.Where(p => p.UserId == id).Select(p => p.Language).SingleAsync()));
    }

    [Fact]
    public async Task Evaluator_HasNoReminders_AndOnlyAnAdministratorSeesTheMailPage()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        using var evaluator = await app.SignedInBrowserAsync(await app.CreateUserAsync(Roles.Evaluator, organisation, programme));
        Assert.Equal(HttpStatusCode.NotFound, (await evaluator.GetAsync("/Reminders/Settings")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await evaluator.GetAsync("/Admin/Mail")).StatusCode);

        using var administrator = await app.SignedInBrowserAsync(await app.CreateUserAsync(Roles.Administrator));
        var mail = await Html.GetAsync(administrator, "/Admin/Mail");
        Assert.Contains("No mail server is configured", mail.QuerySelector("[data-mail-off]")!.TextContent);
    }
}

public sealed class ReminderSettingsTestsOnSqlite(SqliteApp app) : ReminderSettingsTests(app), IClassFixture<SqliteApp>;

public sealed class ReminderSettingsTestsOnPostgres(PostgresApp app) : ReminderSettingsTests(app), IClassFixture<PostgresApp>;
