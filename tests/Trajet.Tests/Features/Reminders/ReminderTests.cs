using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Trajet.Tests.Features.Cases;
using Trajet.Tests.Features.Coaching;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.LegalEvents;
using Trajet.Web.Features.Reminders;

namespace Trajet.Tests.Features.Reminders;

/// <summary>The daily digest and the escalation, as a real mail server receives them.</summary>
public abstract class ReminderTests(MailedAppFixture fixture)
{
    // Planted in every field a mail could be tempted to show: none of it may leave Trajet by e-mail.
    private const string First = "Zyxwanda";
    private const string Last = "Quimbyfeather";

    private readonly ReminderApp app = fixture.App;
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Now);

    private static string Day(int offset) => Today.AddDays(offset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private sealed record Team(string ManagerEmail, Guid ManagerId, string CoordinatorEmail, HttpClient Manager, HttpClient Coordinator, Guid CaseId, string CaseNumber, string ProgrammeSlug);

    /// <summary>A case of the manager's with a named person, a legal deadline, an action and a document that fall due.</summary>
    private async Task<Team> TeamWithDeadlinesAsync(int orderDays = 30)
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        await app.WithDbAsync(async (db, _) => { db.DeadlineRules.AddRange(LegalDeadlines.Defaults(organisation.Id)); return await db.SaveChangesAsync(); });
        var criteria = await app.AddCriteriaAsync(programme, "Child under 18");
        var managerEmail = await app.CreateUserAsync(Roles.CaseManager, organisation, programme);
        var coordinatorEmail = await app.CreateUserAsync(Roles.Coordinator, organisation, programme);
        var manager = await app.ApiClientAsync(managerEmail);
        var coordinator = await app.ApiClientAsync(coordinatorEmail);
        var managerId = await app.WithDbAsync((db, _) => db.Users.Where(u => u.Email == managerEmail).Select(u => u.Id).SingleAsync());

        var (id, number) = await CaseBuilder.OpenAsync(manager, programme.Slug, date: Day(-200));
        await coordinator.PutAsJsonAsync($"/api/cases/{id}/assignees", new { userIds = new[] { managerId } }).Succeeded();
        await CaseBuilder.AddMemberAsync(manager, id, CaseBuilder.Parent(First, Last)).Succeeded();
        await CaseBuilder.AdmitAsync(manager, id, criteria, screened: Day(-190), admitted: Day(-180));
        await manager.PostAsJsonAsync($"/api/cases/{id}/status", new { to = "active", date = Day(-180) }).Succeeded();
        await manager.PutAsJsonAsync($"/api/cases/{id}/contact", new { address = $"Rue {Last} 12, 1000 Bruxelles", phone = "+32 470 99 88 77" }).Succeeded();
        await manager.PostAsJsonAsync($"/api/cases/{id}/interactions", new { type = "home-visit", date = Day(-3), notes = $"Saw {First}" }).Succeeded();
        await manager.PostAsJsonAsync($"/api/cases/{id}/legal-events", new { type = "order-to-leave", daysToComply = orderDays, date = Day(-1) }).Succeeded();
        await manager.PostAsJsonAsync($"/api/cases/{id}/plan/goals", new { option = "legal-stay-here", description = "Appeal", agreedOn = Day(-150) }).Succeeded();
        await manager.PostAsJsonAsync($"/api/cases/{id}/plan/actions", new { description = $"Call {Last}'s lawyer", owner = "lawyer", dueDate = Day(3) }).Succeeded();
        var letter = new MultipartFormDataContent { { new StringContent("support-letter"), "type" }, { new StringContent($"Letter for {First} {Last}"), "title" }, { new StringContent(Day(-170)), "issueDate" } };
        Assert.Equal(HttpStatusCode.Created, (await manager.PostAsync($"/api/cases/{id}/documents", letter)).StatusCode);
        return new Team(managerEmail, managerId, coordinatorEmail, manager, coordinator, id, number, programme.Slug);
    }

    /// <summary>Instances on one database share their keys (until they live in the database), as the mails are encrypted at rest.</summary>
    private Dictionary<string, string?> SharedKeys => new() { ["DataProtection:KeysPath"] = app.KeysPath };

    private static string Whole(MimeMessage m) => $"{m.Subject}\n{m.TextBody}\n{m.HtmlBody}";

    private static void NothingThatNamesThePerson(MimeMessage mail)
    {
        foreach (var planted in new[] { First, Last, "Armen", "Arménie", "470 99 88 77" })
        {
            Assert.DoesNotContain(planted, Whole(mail), StringComparison.OrdinalIgnoreCase);
        }
    }

    private Task SetPreferenceAsync(Guid userId, string language = "en", bool enabled = true, int hour = ReminderPreference.DefaultHour) =>
        app.WithDbAsync(async (db, _) =>
        {
            db.ReminderPreferences.Add(new ReminderPreference { UserId = userId, Language = language, Enabled = enabled, Hour = hour });
            return await db.SaveChangesAsync();
        });

    [Fact]
    public async Task Digest_ReachesTheWorker_WithCaseNumbersKindsDatesAndLinks_InTheirLanguage_NeverAName()
    {
        var team = await TeamWithDeadlinesAsync();
        await SetPreferenceAsync(team.ManagerId, language: "fr");

        await app.SendAsync();

        var mail = Assert.Single(app.Mail.To(team.ManagerEmail));
        Assert.Contains(team.CaseNumber, mail.Subject + mail.TextBody);
        Assert.Contains($"https://trajet.ngo.test/Cases/Details/{team.CaseId}", mail.TextBody);
        Assert.Contains($"href=\"https://trajet.ngo.test/Cases/Details/{team.CaseId}\"", mail.HtmlBody);
        // French: the kinds of deadline, each with its date.
        Assert.Contains("Échéance juridique: Ordre de quitter le territoire", mail.TextBody);
        Assert.Contains(Today.AddDays(29).ToString("d", System.Globalization.CultureInfo.GetCultureInfo("fr-BE")), mail.TextBody);
        Assert.Contains("Trajet :", mail.Subject);
        Assert.Equal(3, mail.TextBody!.Split('\n').Count(l => l.StartsWith($"- {team.CaseNumber}", StringComparison.Ordinal))); // deadline, action, letter… and no "no contact" line
        NothingThatNamesThePerson(mail);

        var again = await app.SendAsync();
        Assert.Equal(0, again.Written);
        Assert.Single(app.Mail.To(team.ManagerEmail));
    }

    [Fact]
    public async Task Escalation_ReachesTheProgrammesCoordinators_ForOpenLegalDeadlinesWithinTheWindow_Only()
    {
        var soon = await TeamWithDeadlinesAsync(orderDays: 5);
        var later = await TeamWithDeadlinesAsync(orderDays: 30);
        var acted = await TeamWithDeadlinesAsync(orderDays: 5);
        await acted.Manager.PostAsJsonAsync($"/api/cases/{acted.CaseId}/legal-events", new { type = "appeal", date = Day(0) }).Succeeded();

        await app.SendAsync();

        var escalation = Assert.Single(app.Mail.To(soon.CoordinatorEmail));
        Assert.Contains(soon.CaseNumber, escalation.TextBody);
        Assert.Contains("still open", escalation.Subject);
        NothingThatNamesThePerson(escalation);
        Assert.Empty(app.Mail.To(later.CoordinatorEmail)); // 29 days away: the worker's digest is enough
        Assert.Empty(app.Mail.To(acted.CoordinatorEmail)); // an appeal was recorded since the order
        Assert.Single(app.Mail.To(soon.ManagerEmail)); // the worker has their digest as usual

        await app.SendAsync();
        Assert.Single(app.Mail.To(soon.CoordinatorEmail));
    }

    [Fact]
    public async Task Coach_IsRemindedOfTomorrowsAppointments_WithoutTheTypedPlace()
    {
        var s = await CoachingSetup.CreateAsync(app);
        var tomorrow = Today.AddDays(1);
        var booked = await s.Coach.PostAsJsonAsync("/api/appointments", new { caseId = s.CaseId, date = tomorrow.ToString("yyyy-MM-dd"), start = "10:00", end = "10:30", place = $"At the {Last} family's flat" });
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);

        await app.SendAsync();

        var mail = Assert.Single(app.Mail.To(s.CoachEmail));
        Assert.Contains($"- {s.CaseNumber}: Appointment 10:00–10:30", mail.TextBody);
        Assert.Contains("Tomorrow", mail.TextBody);
        NothingThatNamesThePerson(mail);
    }

    [Fact]
    public async Task Digest_WaitsForThePersonsHour_AndNeverComesWhenTurnedOff()
    {
        var early = await TeamWithDeadlinesAsync();
        var off = await TeamWithDeadlinesAsync();
        await SetPreferenceAsync(early.ManagerId, hour: 9);
        await SetPreferenceAsync(off.ManagerId, enabled: false);
        var morning = new DateTimeOffset(Today.ToDateTime(new TimeOnly(8, 30)), TimeZoneInfo.Local.GetUtcOffset(Today.ToDateTime(new TimeOnly(8, 30))));
        try
        {
            app.Clock.Set(morning);
            await app.SendAsync(whateverTheHour: false);
            Assert.Empty(app.Mail.To(early.ManagerEmail));

            app.Clock.Set(morning.AddHours(1));
            await app.SendAsync(whateverTheHour: false);
            Assert.Single(app.Mail.To(early.ManagerEmail));

            await app.SendAsync(whateverTheHour: true);
            Assert.Empty(app.Mail.To(off.ManagerEmail));
        }
        finally
        {
            app.Clock.Reset();
        }
    }

    [Fact]
    public async Task MailServerDown_TheDigestWaitsAndIsSentLater_AndNoRequestFails()
    {
        var port = MailServer.FreePort();
        await using var lost = new TrajetApp(app.Provider, new Dictionary<string, string?>(MailServer.Settings(port).Concat(SharedKeys)), app.ConnectionString);
        var team = await TeamWithDeadlinesAsync();

        await using (var scope = lost.Services.CreateAsyncScope())
        {
            var outcome = await SendReminders.RunAsync(scope.ServiceProvider, whateverTheHour: true, CancellationToken.None);
            Assert.True(outcome.Sent.Failed > 0);
        }
        using (var manager = await lost.ApiClientAsync(team.ManagerEmail))
        {
            Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/api/deadlines")).StatusCode);
        }
        var waiting = await lost.WithDbAsync((db, _) => db.OutgoingMails.SingleAsync(m => m.UserId == team.ManagerId));
        Assert.Equal(MailStatus.Failed, waiting.Status);
        Assert.NotNull(waiting.LastError);
        Assert.True(waiting.NextAttemptAt > DateTime.UtcNow); // not before its wait

        await using var back = await MailServer.StartAsync(port);
        await lost.WithDbAsync((db, _) => db.OutgoingMails.Where(m => m.Id == waiting.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, DateTime.UtcNow.AddMinutes(-1))));
        await using (var scope = lost.Services.CreateAsyncScope())
        {
            await SendReminders.RunAsync(scope.ServiceProvider, whateverTheHour: true, CancellationToken.None);
        }

        Assert.Single(back.To(team.ManagerEmail));
        var sent = await lost.WithDbAsync((db, _) => db.OutgoingMails.SingleAsync(m => m.Id == waiting.Id));
        Assert.Equal((MailStatus.Sent, 2, (string?)null, (string?)null), (sent.Status, sent.Attempts, sent.Text, sent.Html));
    }

    [Fact]
    public async Task TwoInstancesOnOneDatabase_SendEachDigestOnce()
    {
        await using var second = new ReminderApp(app.Provider, app.Mail, app.ConnectionString, SharedKeys);
        await second.InitializeAsync();
        var teams = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => TeamWithDeadlinesAsync(orderDays: 5)));

        await Task.WhenAll(app.SendAsync(), second.SendAsync(), app.SendAsync(), second.SendAsync());

        foreach (var team in teams)
        {
            // Either instance may send what the other wrote: readable only because they share the keys.
            Assert.Contains(team.CaseNumber, Assert.Single(app.Mail.To(team.ManagerEmail)).TextBody);
            Assert.Contains(team.CaseNumber, Assert.Single(app.Mail.To(team.CoordinatorEmail)).TextBody);
        }
    }

    [Fact]
    public async Task ReminderJob_RemovesMailsSentLongAgo_AndKeepsTodays()
    {
        var team = await TeamWithDeadlinesAsync();
        await app.SendAsync();
        var old = new OutgoingMail { Key = $"digest:{Guid.NewGuid():N}:2026-01-01", To = "someone@ngo.test", Subject = "Old", Status = MailStatus.Sent, NextAttemptAt = DateTime.UtcNow.AddDays(-40) };
        await app.WithDbAsync(async (db, _) => { db.OutgoingMails.Add(old); return await db.SaveChangesAsync(); });

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await new ReminderJob().RunAsync(scope.ServiceProvider, CancellationToken.None);
        }

        Assert.False(await app.WithDbAsync((db, _) => db.OutgoingMails.AnyAsync(m => m.Id == old.Id)));
        Assert.True(await app.WithDbAsync((db, _) => db.OutgoingMails.AnyAsync(m => m.UserId == team.ManagerId && m.Status == MailStatus.Sent)));
    }

    [Fact]
    public async Task CalendarLink_StartsWithTheAddressPeopleOpenTrajetAt()
    {
        var team = await TeamWithDeadlinesAsync();

        var created = await team.Manager.PostAsync("/api/me/calendar", null).Succeeded();
        var url = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("url").GetString();

        Assert.Matches("^https://trajet\\.ngo\\.test/calendar/[A-Za-z0-9_-]+\\.ics$", url);
    }

    [Fact]
    public async Task SendReminders_IsACommandOfTheApp()
    {
        var team = await TeamWithDeadlinesAsync();
        var settings = new Dictionary<string, string?>(app.Mail.Settings())
        {
            ["Database:Provider"] = app.Provider.ToString(),
            ["ConnectionStrings:Trajet"] = app.ConnectionString,
            ["DataProtection:KeysPath"] = app.KeysPath,
            ["Demo:Seed"] = "false",
        };

        var (code, output) = await AppProcess.RunCommandAsync([SendReminders.Command], settings);
        Assert.True(code == 0, output);
        Assert.Single(app.Mail.To(team.ManagerEmail));

        var (again, nothing) = await AppProcess.RunCommandAsync([SendReminders.Command], settings);
        Assert.True(again == 0, nothing);
        Assert.Contains("0 written, 0 sent", nothing);
        Assert.Single(app.Mail.To(team.ManagerEmail));
    }
}

public sealed class ReminderTestsOnSqlite(SqliteMailedApp app) : ReminderTests(app), IClassFixture<SqliteMailedApp>;

public sealed class ReminderTestsOnPostgres(PostgresMailedApp app) : ReminderTests(app), IClassFixture<PostgresMailedApp>;
