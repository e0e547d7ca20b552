using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ical.Net.CalendarComponents;
using Microsoft.EntityFrameworkCore;
using Trajet.Tests.Features.Cases;
using Trajet.Tests.Features.Coaching;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.Audit;

namespace Trajet.Tests.Features.Calendar;

public abstract class CalendarFeedTests(TrajetApp app)
{
    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A coach's case with a planted person, an appointment whose purpose names them, and a legal deadline in twelve days.</summary>
    private sealed record Planted(CoachingSetup Setup, string FirstName, string LastName, Guid AppointmentId, Guid LegalEventId, DateOnly Deadline, DateOnly AppointmentDate);

    private async Task<Planted> PlantAsync()
    {
        var s = await CoachingSetup.CreateAsync(app);
        var (first, last) = ("Zephyrine" + Guid.NewGuid().ToString("N")[..6], "Quaxtrombe" + Guid.NewGuid().ToString("N")[..6]);
        await s.Coordinator.PutAsJsonAsync($"/api/cases/{s.CaseId}/assignees", new { userIds = new[] { s.CoachId } }).Succeeded();
        await CaseBuilder.AddMemberAsync(s.Coach, s.CaseId, CaseBuilder.Parent(first, last)).Succeeded();
        var date = CoachingSetup.NextWednesday();
        var booked = await s.Coach.PostAsJsonAsync("/api/appointments", new
        {
            caseId = s.CaseId,
            date = Day(date),
            start = "10:00",
            end = "10:30",
            deskId = s.DeskId,
            kind = "follow-up",
            bookedBy = "coach",
            purpose = $"Talk with {first} {last} about the appeal",
        }).Succeeded();
        var appointmentId = (await booked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var deadline = CoachingSetup.Today.AddDays(12);
        await s.Coach.PostAsJsonAsync($"/api/cases/{s.CaseId}/legal-events", new
        {
            type = "order-to-leave",
            date = Day(CoachingSetup.Today.AddDays(-3)),
            deadline = Day(deadline),
            reference = $"Ref {last}",
            notes = $"{first} must answer",
        }).Succeeded();
        var legalEventId = await app.WithDbAsync((db, _) => db.LegalEvents.Where(e => e.CaseId == s.CaseId).Select(e => e.Id).SingleAsync());
        return new Planted(s, first, last, appointmentId, legalEventId, deadline, date);
    }

    private static async Task<string> CreateFeedAsync(HttpClient client)
    {
        var response = await client.PostAsync("/api/me/calendar", null).Succeeded();
        var url = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;
        Assert.StartsWith("http", url, StringComparison.Ordinal);
        return url;
    }

    private async Task<HttpResponseMessage> ReadAnonymouslyAsync(string url)
    {
        using var anonymous = app.CreateClient();
        return await anonymous.GetAsync(url);
    }

    private async Task<(Ical.Net.Calendar Calendar, string Text)> ReadFeedAsync(string url)
    {
        var response = await ReadAnonymouslyAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        return (Ical.Net.Calendar.Load(text)!, text);
    }

    [Fact]
    public async Task Feed_HasTheCoachsAppointmentAndDeadline_WithCaseNumbers_AndNoName()
    {
        var p = await PlantAsync();

        var url = await CreateFeedAsync(p.Setup.Coach);
        var (calendar, text) = await ReadFeedAsync(url);

        var appointment = Assert.Single(calendar.Events, e => e.Uid == $"appointment-{p.AppointmentId}@trajet");
        Assert.Contains(p.Setup.CaseNumber, appointment.Summary);
        Assert.Contains("Brussels desk", appointment.Location);
        Assert.True(appointment.DtStart!.HasTime);
        Assert.Equal(p.AppointmentDate, DateOnly.FromDateTime(appointment.DtStart.AsUtc.ToLocalTime()));
        Assert.Equal(TimeSpan.FromMinutes(30), appointment.DtEnd!.AsUtc - appointment.DtStart.AsUtc);
        Assert.EndsWith($"/Cases/Details/{p.Setup.CaseId}", appointment.Url!.ToString());
        var deadline = Assert.Single(calendar.Events, e => e.Uid == $"legal-deadline-{p.LegalEventId}@trajet");
        Assert.Contains(p.Setup.CaseNumber, deadline.Summary);
        Assert.Contains("Order to leave", deadline.Summary);
        Assert.False(deadline.DtStart!.HasTime);
        Assert.Equal(p.Deadline, DateOnly.FromDateTime(deadline.DtStart.Value));
        Assert.DoesNotContain(p.FirstName, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(p.LastName, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("appeal", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task FeedRead_IsAuditedAsAnExportByItsOwner()
    {
        var p = await PlantAsync();
        var url = await CreateFeedAsync(p.Setup.Coach);

        var (calendar, _) = await ReadFeedAsync(url);

        var export = await app.WithDbAsync((db, _) => db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == AuditAction.Export && e.EntityType == "CalendarFeed" && e.ActorId == p.Setup.CoachId).SingleAsync());
        Assert.Equal(p.Setup.CoachEmail, export.ActorEmail);
        Assert.Equal(calendar.Events.Count, JsonDocument.Parse(export.Details!).RootElement.GetProperty("events").GetInt32());
        Assert.True(await app.WithDbAsync((db, _) => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.Create && e.EntityType == "CalendarFeed" && e.ActorId == p.Setup.CoachId)));
    }

    [Fact]
    public async Task NewLink_ReplacesTheOldOne_AndRevokingEndsIt()
    {
        var (client, _, _) = await app.NewUserClientAsync(Roles.CaseManager);
        var first = await CreateFeedAsync(client);

        var second = await CreateFeedAsync(client);

        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.NotFound, (await ReadAnonymouslyAsync(first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ReadAnonymouslyAsync(second)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/me/calendar")).StatusCode);
        var revoked = await ReadAnonymouslyAsync(second);
        Assert.Equal(HttpStatusCode.NotFound, revoked.StatusCode);
        Assert.Contains("no-store", revoked.Headers.CacheControl?.ToString() ?? "");
    }

    [Fact]
    public async Task OtherUsersFeeds_NeverShowThisUsersCases()
    {
        var p = await PlantAsync();
        using var colleague = await app.ApiClientAsync(await app.CreateUserAsync(Roles.CaseManager, p.Setup.Organisation, p.Setup.Programme));
        var (stranger, _, _) = await app.NewUserClientAsync(Roles.CaseManager);
        await CreateFeedAsync(p.Setup.Coach);

        var (_, colleagues) = await ReadFeedAsync(await CreateFeedAsync(colleague));
        var (_, strangers) = await ReadFeedAsync(await CreateFeedAsync(stranger));

        Assert.DoesNotContain(p.Setup.CaseNumber, colleagues, StringComparison.Ordinal);
        Assert.DoesNotContain(p.Setup.CaseId.ToString(), colleagues, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(p.Setup.CaseNumber, strangers, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisabledAccount_FeedAnswers404()
    {
        var p = await PlantAsync();
        var url = await CreateFeedAsync(p.Setup.Coach);

        await app.WithDbAsync((db, _) => db.Users.Where(u => u.Id == p.Setup.CoachId).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, false)));

        Assert.Equal(HttpStatusCode.NotFound, (await ReadAnonymouslyAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Feed_IsWrittenInTheLanguageOfTheRequestThatMadeIt()
    {
        var p = await PlantAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/me/calendar");
        request.Headers.AcceptLanguage.ParseAdd("fr-BE");
        var response = await p.Setup.Coach.SendAsync(request).Succeeded();
        var url = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;

        var (calendar, _) = await ReadFeedAsync(url);

        Assert.Contains("Ordre de quitter le territoire", Assert.Single(calendar.Events, e => e.Uid == $"legal-deadline-{p.LegalEventId}@trajet").Summary);
        Assert.Contains("Entretien de suivi", Assert.Single(calendar.Events, e => e.Uid == $"appointment-{p.AppointmentId}@trajet").Summary);
    }

    [Fact]
    public async Task Evaluator_GetsNotFound_OnMakingOrRevokingAFeed()
    {
        var (evaluator, _, _) = await app.NewUserClientAsync(Roles.Evaluator);

        Assert.Equal(HttpStatusCode.NotFound, (await evaluator.PostAsync("/api/me/calendar", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await evaluator.DeleteAsync("/api/me/calendar")).StatusCode);
    }

    [Theory]
    [InlineData("nothing-here")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("%27%3B%20DROP%20TABLE%20%22CalendarFeeds%22%3B--")]
    public async Task UnknownSecret_Answers404(string token)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await ReadAnonymouslyAsync($"/calendar/{token}.ics")).StatusCode);
    }

    [Fact]
    public async Task Page_MakesALinkShownOnce_AndRevokesIt_WithoutJavaScript()
    {
        var email = await app.CreateUserAsync(Roles.CaseManager, (await app.CreateOrganisationAsync()).Organisation);
        using var browser = await app.SignedInBrowserAsync(email);
        var page = await Html.GetAsync(browser, "/Calendar");

        var made = await Html.SubmitAsync(browser, page, "form[action*='handler=Create']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var shown = await Html.GetAsync(browser, made.Headers.Location!.OriginalString);
        var url = shown.QuerySelector("#calendar-url")!.GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.OK, (await ReadAnonymouslyAsync(url)).StatusCode);
        Assert.Null((await Html.GetAsync(browser, "/Calendar")).QuerySelector("#calendar-url"));

        var revoked = await Html.SubmitAsync(browser, shown, "form[action*='handler=Revoke']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ReadAnonymouslyAsync(url)).StatusCode);
    }
}

public sealed class CalendarFeedTestsOnSqlite(SqliteApp app) : CalendarFeedTests(app), IClassFixture<SqliteApp>;

public sealed class CalendarFeedTestsOnPostgres(PostgresApp app) : CalendarFeedTests(app), IClassFixture<PostgresApp>;
