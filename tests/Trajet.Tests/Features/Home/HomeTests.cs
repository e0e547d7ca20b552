using System.Globalization;
using System.Net.Http.Json;
using Trajet.Tests.Features.Cases;
using Trajet.Tests.Features.Coaching;
using Trajet.Tests.Features.Outreach;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Features.Accounts;

namespace Trajet.Tests.Features.Home;

/// <summary>Each role opens Trajet on its own day, in its own language.</summary>
public abstract class HomeTests(TrajetApp app)
{
    private static string Day(int offset) => DateOnly.FromDateTime(DateTime.Now).AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<HttpClient> BrowserAsync(string email, string language)
    {
        var browser = await app.SignedInBrowserAsync(email);
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return browser;
    }

    [Theory]
    [InlineData("fr", "La session du jour", "Enregistrer un contact", "Contacts notés aujourd'hui : 2 par l'équipe, dont 1 par vous.")]
    [InlineData("nl", "De sessie van vandaag", "Een contact registreren", "Contacten vandaag genoteerd: 2 door het team, waarvan 1 door u.")]
    [InlineData("en", "Today's session", "Log a contact", "Contacts logged today: 2 by the team, 1 by you.")]
    public async Task OutreachWorker_StartsOnLoggingAContact_InTodaysSession(string language, string heading, string log, string counts)
    {
        var team = await OutreachTeam.CreateAsync(app);
        var place = await team.PlaceAsync("Porte de Hal");
        var yesterday = await team.SessionAsync(place, Day(-1));
        var today = await team.SessionAsync(place, Day(0));
        await team.ContactAsync(today, "Kofi");
        await team.ContactAsync(yesterday, "Amadou");
        var email = await app.CreateUserAsync(Roles.OutreachWorker, team.Organisation, team.Programme);
        using (var mine = await app.ApiClientAsync(email))
        {
            await OutreachTeam.IdOf(await mine.PostAsJsonAsync("/api/outreach/contacts", new { sessionId = today, gender = "female", ageBand = "unknown", nationality = "ER", informationGiven = new[] { "reception" } }));
        }
        using var browser = await BrowserAsync(email, language);

        var home = await Html.GetAsync(browser, "/");

        var section = home.QuerySelector("section[aria-labelledby=street]")!;
        Assert.Equal(heading, section.QuerySelector("h2")!.TextContent);
        Assert.Contains("Porte de Hal", section.TextContent);
        var button = section.QuerySelector("a.button")!;
        Assert.Equal(log, button.TextContent);
        Assert.Equal($"/Outreach/LogContact?session={today}", button.GetAttribute("href"));
        Assert.Contains(counts, section.TextContent);
        Assert.Null(home.QuerySelector("section[aria-labelledby=counts]")); // no case tiles, all zero, for outreach
    }

    [Theory]
    [InlineData("fr", "Ma journée", "Familles pas vues depuis un mois")]
    [InlineData("nl", "Mijn dag", "Gezinnen die al een maand niet gezien zijn")]
    [InlineData("en", "My day", "Families not seen for a month")]
    public async Task CaseManager_StartsOnTheirDay_WhatFallsDueThisWeekAndQuietFamilies(string language, string heading, string quietHeading)
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var criteria = await app.AddCriteriaAsync(programme, "Child under 18");
        var email = await app.CreateUserAsync(Roles.CaseManager, organisation, programme);
        using var manager = await app.ApiClientAsync(email);
        using var coordinator = await app.ApiClientAsync(await app.CreateUserAsync(Roles.Coordinator, organisation, programme));
        var managerId = await app.WithDbAsync((db, _) => Task.FromResult(db.Users.Single(u => u.Email == email).Id));
        var (notMine, notMineNumber) = await CaseBuilder.OpenAsync(coordinator, programme.Slug, date: Day(-100));
        var (due, dueNumber) = await CaseBuilder.OpenAsync(manager, programme.Slug, date: Day(-100));
        var (quiet, quietNumber) = await CaseBuilder.OpenAsync(manager, programme.Slug, date: Day(-100));
        var (later, laterNumber) = await CaseBuilder.OpenAsync(manager, programme.Slug, date: Day(-100));
        foreach (var id in new[] { due, quiet, later, notMine })
        {
            await coordinator.PutAsJsonAsync($"/api/cases/{id}/assignees", new { userIds = id == notMine ? [] : new[] { managerId } }).Succeeded();
            await manager.PutAsJsonAsync($"/api/cases/{id}/screening", new { date = Day(-95), answers = criteria.Select(c => new { criterionId = c, answer = "met" }) }).Succeeded();
            await manager.PostAsJsonAsync($"/api/cases/{id}/status", new { to = "admitted", date = Day(-90) }).Succeeded();
            await manager.PostAsJsonAsync($"/api/cases/{id}/status", new { to = "active", date = Day(-90) }).Succeeded();
        }
        await manager.PostAsJsonAsync($"/api/cases/{due}/interactions", new { type = "home-visit", date = Day(-3) }).Succeeded();
        await manager.PostAsJsonAsync($"/api/cases/{later}/interactions", new { type = "home-visit", date = Day(-3) }).Succeeded();
        await manager.PostAsJsonAsync($"/api/cases/{due}/plan/actions", new { description = "Call the lawyer", owner = "case-manager", dueDate = Day(2) }).Succeeded();
        await manager.PostAsJsonAsync($"/api/cases/{later}/plan/actions", new { description = "Renew the school letter", owner = "case-manager", dueDate = Day(20) }).Succeeded();
        using var browser = await BrowserAsync(email, language);

        var home = await Html.GetAsync(browser, "/");

        var section = home.QuerySelector("section[aria-labelledby=my-day]")!;
        Assert.Equal(heading, section.QuerySelector("h2")!.TextContent);
        var lists = section.QuerySelectorAll("ul.due");
        Assert.Contains("Call the lawyer", lists[0].TextContent);
        Assert.Contains(dueNumber, lists[0].TextContent);
        Assert.DoesNotContain("Renew the school letter", section.TextContent); // later than a week: counted, not listed
        Assert.Equal(quietHeading, section.QuerySelectorAll("h3")[1].TextContent);
        Assert.Contains(quietNumber, lists[1].TextContent);
        Assert.DoesNotContain(dueNumber, lists[1].TextContent);
        Assert.DoesNotContain(laterNumber, lists[1].TextContent);
        Assert.DoesNotContain(notMineNumber, section.TextContent); // quiet too, but not theirs
        Assert.Contains("(1", section.QuerySelector("a[href='/Deadlines?scope=mine']")!.TextContent);
    }

    [Theory]
    [InlineData("fr", "Les dossiers de l'équipe", "Non attribués")]
    [InlineData("nl", "De dossiers van het team", "Niet toegewezen")]
    [InlineData("en", "The team's caseload", "Not assigned")]
    public async Task Coordinator_StartsOnTheTeamsCaseload(string language, string heading, string unassigned)
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var coordinatorEmail = await app.CreateUserAsync(Roles.Coordinator, organisation, programme);
        using var coordinator = await app.ApiClientAsync(coordinatorEmail);
        var managerEmail = await app.CreateUserAsync(Roles.CaseManager, organisation, programme);
        var managerId = await app.WithDbAsync((db, _) => Task.FromResult(db.Users.Single(u => u.Email == managerEmail).Id));
        var (first, _) = await CaseBuilder.OpenAsync(coordinator, programme.Slug, date: Day(-10));
        var (second, _) = await CaseBuilder.OpenAsync(coordinator, programme.Slug, date: Day(-10));
        await CaseBuilder.OpenAsync(coordinator, programme.Slug, date: Day(-10));
        foreach (var id in new[] { first, second })
        {
            await coordinator.PutAsJsonAsync($"/api/cases/{id}/assignees", new { userIds = new[] { managerId } }).Succeeded();
        }
        using var browser = await BrowserAsync(coordinatorEmail, language);

        var home = await Html.GetAsync(browser, "/");

        var section = home.QuerySelector("section[aria-labelledby=team]")!;
        Assert.Equal(heading, section.QuerySelector("h2")!.TextContent);
        var rows = section.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent).ToArray()).ToList();
        Assert.Contains(rows, r => r[0] == $"CaseManager {managerEmail[..6]}" && r[1] == "2");
        Assert.Contains(rows, r => r[0] == unassigned && r[1] == "1");
    }

    [Theory]
    [InlineData("fr", "L'agenda du jour", "1 en attente")]
    [InlineData("nl", "De agenda van vandaag", "1 wachtend")]
    [InlineData("en", "Today's agenda", "1 waiting")]
    public async Task Coach_StartsOnTodaysAgenda_AndTheDesksQueue(string language, string heading, string waiting)
    {
        var s = await CoachingSetup.CreateAsync(app);
        var today = CoachingSetup.Today;
        await app.WithDbAsync(async (db, _) =>
        {
            if (today.DayOfWeek != DayOfWeek.Wednesday)
            {
                db.Add(new Trajet.Web.Features.Coaching.DeskOpening { DeskId = s.DeskId, Day = today.DayOfWeek, Opens = new(9, 0), Closes = new(12, 0) });
            }
            db.Appointments.Add(new Trajet.Web.Features.Coaching.Appointment { OrganisationId = s.Organisation.Id, ProgrammeId = s.Programme.Id, CaseId = s.CaseId, CoachUserId = s.CoachId, Date = today, Start = new(10, 0), End = new(10, 30), DeskId = s.DeskId });
            db.WalkIns.Add(new Trajet.Web.Features.Coaching.WalkIn { OrganisationId = s.Organisation.Id, ProgrammeId = s.Programme.Id, DeskId = s.DeskId, Date = today, ArrivedAt = new(9, 5), Name = "Kwame" });
            return await db.SaveChangesAsync();
        });
        using var browser = await BrowserAsync(s.CoachEmail, language);

        var home = await Html.GetAsync(browser, "/");

        var section = home.QuerySelector("section[aria-labelledby=agenda]")!;
        Assert.Equal(heading, section.QuerySelector("h2")!.TextContent);
        Assert.Contains(s.CaseNumber, section.QuerySelector("ul.due")!.TextContent);
        Assert.Contains(waiting, section.QuerySelector($"a[href='/Coaching/Queue/{s.DeskId}']")!.ParentElement!.TextContent);
    }
}

public sealed class HomeTestsOnSqlite(SqliteApp app) : HomeTests(app), IClassFixture<SqliteApp>;

public sealed class HomeTestsOnPostgres(PostgresApp app) : HomeTests(app), IClassFixture<PostgresApp>;
