using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trajet.Tests.Features.Cases;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Data;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.Coaching;
using Trajet.Web.Features.Reminders;

namespace Trajet.Tests.Features.Coaching;

/// <summary>The application with a real mail server beside it, started once per class.</summary>
public abstract class MailedApp(DatabaseProvider provider) : IAsyncLifetime
{
    public MailServer Server { get; private set; } = null!;
    public TrajetApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await MailServer.StartAsync();
        App = new TrajetApp(provider, Server.Settings());
        await App.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Server.DisposeAsync();
    }
}

public sealed class SqliteMailedApp() : MailedApp(DatabaseProvider.Sqlite);

public sealed class PostgresMailedApp() : MailedApp(DatabaseProvider.Postgres);

/// <summary>
/// The invitation letter e-mailed to the person: only to the address they gave and with their consent in force; the
/// request only writes the outbox row, the reminder run sends it once, and a mail server that is down fails nothing.
/// </summary>
public abstract class InvitationMailTests(MailedApp fixture)
{
    private TrajetApp App => fixture.App;
    private MailServer Server => fixture.Server;

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd");

    private sealed record Person(CoachingSetup S, string Email);

    /// <summary>A coaching case with one person, their own address (unless not) and their consent to e-mail (unless not).</summary>
    private static async Task<Person> PersonAsync(TrajetApp app, bool email = true, bool consent = true)
    {
        var s = await CoachingSetup.CreateAsync(app);
        await CaseBuilder.AddMemberAsync(s.Coach, s.CaseId, CaseBuilder.Parent("Kwame", "Mensah")).Succeeded();
        var address = $"person-{Guid.NewGuid():N}@mail.test";
        if (email)
        {
            await s.Coach.PutAsJsonAsync($"/api/cases/{s.CaseId}/contact", new { email = address }).Succeeded();
        }
        if (consent)
        {
            await ConsentAsync(s);
        }
        return new(s, address);
    }

    private static async Task<Guid> ConsentAsync(CoachingSetup s)
    {
        var response = await s.Coach.PostAsJsonAsync($"/api/cases/{s.CaseId}/consents",
            new { purpose = "email-reminders", givenOn = Day(CoachingSetup.Today), explainedHow = "Explained at the desk", language = "fr" }).Succeeded();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static Task<HttpResponseMessage> BookMailedAsync(CoachingSetup s, string language = "nl", bool email = true) =>
        s.BookAsync(CoachingSetup.NextWednesday(), "10:00", "10:30", invitation: new { language, addressee = "Kwame Mensah", email });

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
    }

    private static async Task<Guid> IdOf(HttpResponseMessage response) => (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

    // The recipient is encrypted at rest: read the invitations, then compare their decrypted addresses.
    private static async Task<List<OutgoingMail>> MailsToAsync(TrajetApp app, string address) =>
        [.. (await app.WithDbAsync((db, _) => db.OutgoingMails.AsNoTracking().Where(m => m.Kind == MailKind.Invitation).ToListAsync())).Where(m => m.To == address)];

    private static async Task RunRemindersAsync(TrajetApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await SendReminders.RunAsync(scope.ServiceProvider, whateverTheHour: true, CancellationToken.None);
    }

    [Fact]
    public async Task WithoutAnAddress_BookingWithTheEmail_IsA400NamingTheField_AndNothingIsBooked()
    {
        var p = await PersonAsync(App, email: false);

        var errors = await ProblemAsync(await BookMailedAsync(p.S));

        Assert.True(errors.TryGetProperty("invitation.email", out _));
        Assert.Empty(await p.S.Coach.GetFromJsonAsync<JsonElement[]>($"/api/appointments?case={p.S.CaseId}") ?? []);
    }

    [Fact]
    public async Task WithAnAddressButNoConsent_IsA400NamingTheField()
    {
        var p = await PersonAsync(App, consent: false);

        var errors = await ProblemAsync(await BookMailedAsync(p.S));

        Assert.Contains("consent", errors.GetProperty("invitation.email")[0].GetString(), StringComparison.Ordinal);
        Assert.Empty(await MailsToAsync(App, p.Email));
    }

    [Fact]
    public async Task AWithdrawnConsent_NoLongerCounts()
    {
        var p = await PersonAsync(App, consent: false);
        var consent = await ConsentAsync(p.S);
        await p.S.Coach.PostAsJsonAsync($"/api/cases/{p.S.CaseId}/consents/{consent}/withdraw", new { note = "Prefers letters" }).Succeeded();

        var errors = await ProblemAsync(await BookMailedAsync(p.S));

        Assert.True(errors.TryGetProperty("invitation.email", out _));
        Assert.Empty(await MailsToAsync(App, p.Email));
    }

    [Fact]
    public async Task WithAddressAndConsent_TheLetterIsQueuedWithTheBooking_AndSentOnce_InTheLettersLanguage()
    {
        var p = await PersonAsync(App);

        var booked = await BookMailedAsync(p.S, language: "nl");

        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var body = await booked.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("pending", body.GetProperty("letterEmail").GetString());
        var invitation = body.GetProperty("invitationId").GetGuid();
        var queued = Assert.Single(await MailsToAsync(App, p.Email));
        Assert.Equal(($"invitation:{invitation:N}", MailKind.Invitation, MailStatus.Pending, p.S.Organisation.Id), (queued.Key, queued.Kind, queued.Status, queued.OrganisationId));
        Assert.Empty(Server.To(p.Email));

        await RunRemindersAsync(App);

        var mail = Assert.Single(Server.To(p.Email));
        Assert.Equal("Uitnodiging voor een gesprek", mail.Subject);
        Assert.DoesNotContain("Kwame", mail.Subject, StringComparison.Ordinal);
        var when = InvitationLetter.LongDate("nl", CoachingSetup.NextWednesday());
        Assert.Contains($"Datum en uur: {when} om 10:00.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"Referentie: {p.S.CaseNumber}", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"Referentie: {p.S.CaseNumber}", mail.HtmlBody, StringComparison.Ordinal);
        var sent = Assert.Single(await MailsToAsync(App, p.Email));
        Assert.Equal(MailStatus.Sent, sent.Status);
        Assert.Null(sent.Text);
        var recipient = await App.WithDbAsync((db, _) => db.Database
            .SqlQueryRaw<string>("""SELECT "To" AS "Value" FROM "OutgoingMails" WHERE "Id" = {0}""", sent.Id).SingleAsync());
        Assert.StartsWith("enc1:", recipient, StringComparison.Ordinal); // the outbox keeps the person's address encrypted too

        await RunRemindersAsync(App);

        Assert.Single(Server.To(p.Email));
        var status = await p.S.Coach.GetFromJsonAsync<JsonElement>($"/api/appointments/{body.GetProperty("id").GetGuid()}/letter/email");
        Assert.Equal("sent", status.GetProperty("status").GetString());
    }

    [Fact]
    public async Task AnExistingLetter_IsEmailedOnRequest_Once_AndRefusedWithoutAddressOrConsent()
    {
        var p = await PersonAsync(App, email: false, consent: false);
        var appointment = await IdOf(await BookMailedAsync(p.S, language: "fr", email: false).Succeeded());
        var url = $"/api/appointments/{appointment}/letter/email";

        Assert.True((await ProblemAsync(await p.S.Coach.PostAsync(url, null))).TryGetProperty("email", out _));
        await p.S.Coach.PutAsJsonAsync($"/api/cases/{p.S.CaseId}/contact", new { email = p.Email }).Succeeded();
        Assert.True((await ProblemAsync(await p.S.Coach.PostAsync(url, null))).TryGetProperty("email", out _));
        await ConsentAsync(p.S);

        var queued = await p.S.Coach.PostAsync(url, null);
        var again = await p.S.Coach.PostAsync(url, null);

        Assert.Equal(HttpStatusCode.Accepted, queued.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var body = await queued.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((p.Email, "fr", "pending"), (body.GetProperty("to").GetString(), body.GetProperty("language").GetString(), body.GetProperty("status").GetString()));
        Assert.Single(await MailsToAsync(App, p.Email));
        var audited = await App.WithDbAsync((db, _) => db.AuditEntries.Where(e => e.EntityType == "InvitationMail" && e.CaseId == p.S.CaseId).Select(e => e.Details).ToListAsync());
        Assert.DoesNotContain(p.Email, Assert.Single(audited), StringComparison.Ordinal);

        await RunRemindersAsync(App);

        Assert.Equal("Invitation à un entretien", Assert.Single(Server.To(p.Email)).Subject);
    }

    [Fact]
    public async Task TheLetterPage_EmailsIt_AndShowsWhetherItWent()
    {
        var p = await PersonAsync(App);
        var appointment = await IdOf(await BookMailedAsync(p.S, language: "en", email: false).Succeeded());
        var invitation = await App.WithDbAsync((db, _) => db.Invitations.Where(i => i.AppointmentId == appointment).Select(i => i.Id).SingleAsync());
        using var browser = await App.SignedInBrowserAsync(p.S.CoachEmail);
        var page = await Html.GetAsync(browser, $"/Coaching/Letter/{invitation}");
        Assert.Null(page.QuerySelector("[data-letter-email]"));

        var posted = await Html.SubmitAsync(browser, page, "form[action*='handler=Email']", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("pending", (await Html.GetAsync(browser, $"/Coaching/Letter/{invitation}")).QuerySelector("[data-letter-email]")!.GetAttribute("data-letter-email"));
        await RunRemindersAsync(App);
        var after = await Html.GetAsync(browser, $"/Coaching/Letter/{invitation}");
        Assert.Equal("sent", after.QuerySelector("[data-letter-email]")!.GetAttribute("data-letter-email"));
        Assert.Null(after.QuerySelector("form[action*='handler=Email']"));
        Assert.Equal("sent", (await Html.GetAsync(browser, $"/Coaching/Book/{p.S.CaseId}")).QuerySelector("[data-letter-email]")!.GetAttribute("data-letter-email"));
    }

    [Fact]
    public async Task AnotherOrganisation_FindsNoAppointment()
    {
        var p = await PersonAsync(App);
        var appointment = await IdOf(await BookMailedAsync(p.S, email: false).Succeeded());
        var (stranger, _, _) = await App.NewUserClientAsync(Roles.Coordinator);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/api/appointments/{appointment}/letter/email", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/appointments/{appointment}/letter/email")).StatusCode);
        Assert.Empty(await MailsToAsync(App, p.Email));
    }

    [Fact]
    public async Task WithTheMailServerDown_TheBookingSucceeds_TheMailWaits_AndGoesOnceTheServerIsBack()
    {
        var port = MailServer.FreePort();
        await using var app = new TrajetApp(App.Provider, MailServer.Settings(port));
        await app.InitializeAsync();
        var p = await PersonAsync(app);

        Assert.Equal(HttpStatusCode.Created, (await BookMailedAsync(p.S)).StatusCode);
        await RunRemindersAsync(app);

        var failed = Assert.Single(await MailsToAsync(app, p.Email));
        Assert.Equal(MailStatus.Failed, failed.Status);
        Assert.False(string.IsNullOrEmpty(failed.LastError));

        await using var server = await MailServer.StartAsync(port);
        await app.WithDbAsync((db, _) => db.OutgoingMails.Where(m => m.Id == failed.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, DateTime.UtcNow.AddMinutes(-1))));
        await RunRemindersAsync(app);

        Assert.Equal("Uitnodiging voor een gesprek", Assert.Single(server.To(p.Email)).Subject);
        Assert.Equal(MailStatus.Sent, Assert.Single(await MailsToAsync(app, p.Email)).Status);
    }

    [Theory]
    [InlineData("not an address")]
    [InlineData("a@b.example, c@d.example")]
    [InlineData("Kwame <kwame@mail.test>")]
    [InlineData("kwame@localhost")]
    public async Task AContactEmailThatIsNotOne_IsA400NamingTheField(string email)
    {
        var p = await PersonAsync(App, email: false, consent: false);

        var errors = await ProblemAsync(await p.S.Coach.PutAsJsonAsync($"/api/cases/{p.S.CaseId}/contact", new { phone = "0470 12 34 56", email }));

        Assert.True(errors.TryGetProperty("email", out _));
        Assert.Equal(JsonValueKind.Null, (await p.S.Coach.GetFromJsonAsync<JsonElement>($"/api/cases/{p.S.CaseId}")).GetProperty("contact").ValueKind);
    }

    [Fact]
    public async Task TheContactEmail_IsSaved_EncryptedAtRest_AndReadBack()
    {
        var p = await PersonAsync(App, consent: false);

        var contact = (await p.S.Coach.GetFromJsonAsync<JsonElement>($"/api/cases/{p.S.CaseId}")).GetProperty("contact");

        Assert.Equal(p.Email, contact.GetProperty("email").GetString());
        var stored = await App.WithDbAsync((db, _) => db.Database
            .SqlQueryRaw<string>("""SELECT "Email" AS "Value" FROM "HouseholdContacts" WHERE "CaseId" = {0}""", p.S.CaseId).SingleAsync());
        Assert.StartsWith("enc1:", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("mail.test", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheContactPage_RefusesAnAddressThatIsNotOne_InTheUsersLanguage()
    {
        var p = await PersonAsync(App, email: false, consent: false);
        using var browser = await App.SignedInBrowserAsync(p.S.CoachEmail);
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr-BE");
        var form = await Html.GetAsync(browser, $"/Cases/Contact/{p.S.CaseId}");

        var refused = await Html.SubmitAsync(browser, form, "main form", new Dictionary<string, string> { ["Input.Email"] = "pas une adresse" });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await Html.ParseAsync(refused);
        Assert.Equal("Indiquez une seule adresse e-mail, comme nom@exemple.org (254 caractères au plus).",
            page.QuerySelector("[data-valmsg-for='Input.Email']")!.TextContent.Trim());
    }

    [Fact]
    public async Task Erasure_WipesTheAddress_AndTheLettersMailedToIt()
    {
        var p = await PersonAsync(App);
        await BookMailedAsync(p.S).Succeeded();
        var member = (await p.S.Coach.GetFromJsonAsync<JsonElement>($"/api/cases/{p.S.CaseId}")).GetProperty("members")[0].GetProperty("id").GetGuid();

        await p.S.Coordinator.PostAsync($"/api/cases/{p.S.CaseId}/members/{member}/erase", null).Succeeded();

        var contact = await App.WithDbAsync((db, _) => db.HouseholdContacts.AsNoTracking().SingleAsync(c => c.CaseId == p.S.CaseId));
        Assert.Null(contact.Email);
        Assert.Empty(await MailsToAsync(App, p.Email));
        var mail = await App.WithDbAsync((db, _) => db.OutgoingMails.AsNoTracking().SingleAsync(m => m.OrganisationId == p.S.Organisation.Id && m.Kind == MailKind.Invitation));
        Assert.Equal((MailStatus.Abandoned, "", null), (mail.Status, mail.To, mail.Text));
        await RunRemindersAsync(App);
        Assert.Empty(Server.To(p.Email));
    }
}

public sealed class InvitationMailTestsOnSqlite(SqliteMailedApp fixture) : InvitationMailTests(fixture), IClassFixture<SqliteMailedApp>;

public sealed class InvitationMailTestsOnPostgres(PostgresMailedApp fixture) : InvitationMailTests(fixture), IClassFixture<PostgresMailedApp>;
