using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Features.Accounts;

namespace Trajet.Tests.Features.Accounts;

/// <summary>The pages "This phone's registration" and "Registered phones": who may register and revoke, what the phone and the table keep.</summary>
public abstract class RegisteredPhonesTests(TrajetApp app)
{
    [Fact]
    public async Task Coordinator_RegistersThisPhone_ThePhoneKeepsTheToken_TheTableOnlyItsHash()
    {
        var (organisation, _) = await app.CreateOrganisationAsync();
        var coordinator = await app.CreateUserAsync(Roles.Coordinator, organisation);
        using var phone = new Phone(app);
        await phone.SignInAsync(coordinator);
        var page = await Html.GetAsync(phone.Browser, "/Accounts/ThisPhone");

        var response = await Html.SubmitAsync(phone.Browser, page, "main form", new Dictionary<string, string> { ["Input.Name"] = "Round phone 2" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(DeviceCookie.Name + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        var expires = DateTimeOffset.Parse(cookie.Split(';').Select(p => p.Trim()).Single(p => p.StartsWith("expires=", StringComparison.OrdinalIgnoreCase))[8..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expires - DateTimeOffset.UtcNow, TimeSpan.FromDays(364), TimeSpan.FromDays(366));
        var token = phone.DeviceToken!;
        var device = await app.WithDbAsync((db, _) => db.RegisteredDevices.AsNoTracking().SingleAsync(d => d.OrganisationId == organisation.Id));
        Assert.Equal("Round phone 2", device.Name);
        Assert.Equal(Web.Features.Accounts.DeviceToken.HashOf(token), device.TokenHash);
        Assert.NotEqual(token, device.TokenHash);
        Assert.Null(device.RevokedAt);
        Assert.Equal(await UserIdAsync(coordinator), device.RegisteredByUserId);
        var audit = await app.WithDbAsync((db, _) => db.AuditEntries.Where(e => e.EntityType == nameof(RegisteredDevice) && e.EntityId == device.Id.ToString()).SingleAsync());
        Assert.Equal(organisation.Id, audit.OrganisationId);
        Assert.Contains("Round phone 2", audit.Details);
        Assert.DoesNotContain(device.TokenHash, audit.Details); // recorded as changed, like a password hash

        var after = await Html.GetAsync(phone.Browser, response.Headers.Location!.OriginalString);
        Assert.NotNull(after.QuerySelector("p.notice"));
        Assert.Contains("Round phone 2", after.QuerySelector("dl.facts")!.TextContent);
        Assert.Equal("Register again", after.QuerySelector("main form button")!.TextContent);
    }

    [Fact]
    public async Task DeviceCookie_OverHttps_IsSecure()
    {
        var (organisation, _) = await app.CreateOrganisationAsync();
        var coordinator = await app.CreateUserAsync(Roles.Coordinator, organisation);
        using var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        var login = await Html.GetAsync(browser, "/Accounts/Login");
        var step = await Html.SubmitAsync(browser, login, "main form", new Dictionary<string, string> { ["Input.Email"] = coordinator, ["Input.Password"] = TrajetApp.Password });
        await Html.SubmitAsync(browser, await Html.GetAsync(browser, step.Headers.Location!.OriginalString), "#code-form",
            new Dictionary<string, string> { ["Input.Code"] = (await app.TwoFactorCodeAsync(coordinator))! });
        var page = await Html.GetAsync(browser, "/Accounts/ThisPhone");

        var response = await Html.SubmitAsync(browser, page, "main form", new Dictionary<string, string> { ["Input.Name"] = "Secure phone" });

        Assert.Contains("; secure", response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(DeviceCookie.Name + "=", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SigningOut_KeepsThePhonesToken_AndTheNextFieldWorkerGetsAFieldSession()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        using var phone = new Phone(app);
        await phone.SignInAsync(await app.CreateUserAsync(Roles.Coordinator, organisation));
        await RegisterAsync(phone, "Shared round phone");

        var signOut = await Html.SubmitAsync(phone.Browser, await Html.GetAsync(phone.Browser, "/"), "form[action='/Accounts/Logout']", new Dictionary<string, string>());
        var worker = await app.CreateUserAsync(Roles.OutreachWorker, organisation, programme);
        await phone.SignInAsync(worker);

        // Clear-Site-Data wipes the offline store on sign-out, never the cookies: the phone stays registered.
        Assert.DoesNotContain("cookies", string.Join(",", signOut.Headers.TryGetValues("Clear-Site-Data", out var clear) ? clear : []), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(signOut.Headers.TryGetValues("Set-Cookie", out var set) ? set : [], c => c.StartsWith(DeviceCookie.Name + "=", StringComparison.Ordinal));
        var userId = await UserIdAsync(worker);
        var deviceId = await app.WithDbAsync((db, _) => db.Set<UserSession>().Where(s => s.UserId == userId).Select(s => s.DeviceId).SingleAsync());
        Assert.Equal(await app.WithDbAsync((db, _) => db.RegisteredDevices.Where(d => d.OrganisationId == organisation.Id).Select(d => (Guid?)d.Id).SingleAsync()), deviceId);
    }

    [Fact]
    public async Task RegisteringAgain_OnTheSamePhone_RevokesTheTokenItHeld()
    {
        var (organisation, _) = await app.CreateOrganisationAsync();
        using var phone = new Phone(app);
        await phone.SignInAsync(await app.CreateUserAsync(Roles.Coordinator, organisation));
        await RegisterAsync(phone, "First name");

        await RegisterAsync(phone, "Second name");

        var devices = await app.WithDbAsync((db, _) => db.RegisteredDevices.AsNoTracking().Where(d => d.OrganisationId == organisation.Id).ToListAsync());
        Assert.NotNull(devices.Single(d => d.Name == "First name").RevokedAt);
        Assert.Null(devices.Single(d => d.Name == "Second name").RevokedAt);
        Assert.Equal(Web.Features.Accounts.DeviceToken.HashOf(phone.DeviceToken), devices.Single(d => d.Name == "Second name").TokenHash);
    }

    [Fact]
    public async Task RegisterPage_WithoutAName_ShowsTheErrorBesideTheField()
    {
        var (organisation, _) = await app.CreateOrganisationAsync();
        using var phone = new Phone(app);
        await phone.SignInAsync(await app.CreateUserAsync(Roles.Coordinator, organisation));

        var response = await Html.SubmitAsync(phone.Browser, await Html.GetAsync(phone.Browser, "/Accounts/ThisPhone"), "main form", new Dictionary<string, string> { ["Input.Name"] = " " });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Name the phone in at most 100 characters.", (await Html.ParseAsync(response)).QuerySelector("[data-valmsg-for='Input.Name']")!.TextContent);
        Assert.Null(phone.DeviceToken);
    }

    [Fact]
    public async Task Administrator_RegistersAPhone_ForTheOrganisationChosen()
    {
        var (organisation, _) = await app.CreateOrganisationAsync();
        using var phone = new Phone(app);
        await phone.SignInAsync(await app.CreateUserAsync(Roles.Administrator));
        var page = await Html.GetAsync(phone.Browser, "/Accounts/ThisPhone");

        var response = await Html.SubmitAsync(phone.Browser, page, "main form",
            new Dictionary<string, string> { ["Input.Name"] = "Admin's phone", ["Input.OrganisationId"] = organisation.Id.ToString() });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Admin's phone", await app.WithDbAsync((db, _) => db.RegisteredDevices.Where(d => d.OrganisationId == organisation.Id).Select(d => d.Name).SingleAsync()));
        var list = await Html.GetAsync(phone.Browser, "/Accounts/Phones");
        var row = list.QuerySelectorAll("table.list tbody tr").Single(r => r.TextContent.Contains("Admin's phone", StringComparison.Ordinal));
        Assert.Contains(organisation.Name, row.TextContent);
        Assert.Contains("the phone in your hand", row.TextContent);
    }

    [Fact]
    public async Task PhonesPage_ShowsTheOrganisationsPhones_NotAnotherOrganisations()
    {
        var (organisation, _) = await app.CreateOrganisationAsync();
        var (other, _) = await app.CreateOrganisationAsync();
        await Phone.RegisterAsync(app, organisation, "Ours " + organisation.Name);
        await Phone.RegisterAsync(app, other, "Theirs " + other.Name);
        using var browser = await app.SignedInBrowserAsync(await app.CreateUserAsync(Roles.Coordinator, organisation));

        var list = await Html.GetAsync(browser, "/Accounts/Phones");

        var text = list.QuerySelector("main")!.TextContent;
        Assert.Contains("Ours " + organisation.Name, text);
        Assert.DoesNotContain("Theirs " + other.Name, text);
        Assert.Contains("Coordinator", list.QuerySelector("table.list tbody")!.TextContent); // registered by
    }

    [Fact]
    public async Task Coordinator_RevokesAPhone_AndWhoeverIsSignedInOnItIsSignedOutAtTheNextRequest()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var (deviceId, token) = await Phone.RegisterAsync(app, organisation, "Lost phone");
        using var lost = new Phone(app, token);
        await lost.SignInAsync(await app.CreateUserAsync(Roles.OutreachWorker, organisation, programme));
        Assert.True(await lost.IsSignedInAsync());
        using var office = await app.SignedInBrowserAsync(await app.CreateUserAsync(Roles.Coordinator, organisation));
        var list = await Html.GetAsync(office, "/Accounts/Phones");

        var response = await Html.SubmitAsync(office, list, $"form:has(input[name=deviceId][value='{deviceId}'])", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.NotNull(await app.WithDbAsync((db, _) => db.RegisteredDevices.Where(d => d.Id == deviceId).Select(d => d.RevokedAt).SingleAsync()));
        Assert.False(await lost.IsSignedInAsync());
        var after = await Html.GetAsync(office, response.Headers.Location!.OriginalString);
        Assert.NotNull(after.QuerySelector("p.notice"));
    }

    [Fact]
    public async Task Revoke_AnotherOrganisationsPhone_Returns404()
    {
        var (organisation, _) = await app.CreateOrganisationAsync();
        var (other, _) = await app.CreateOrganisationAsync();
        var (theirs, _) = await Phone.RegisterAsync(app, other);
        using var office = await app.SignedInBrowserAsync(await app.CreateUserAsync(Roles.Coordinator, organisation));
        await Phone.RegisterAsync(app, organisation);
        var list = await Html.GetAsync(office, "/Accounts/Phones");

        var response = await Html.SubmitAsync(office, list, "form[action*='handler=Revoke']", new Dictionary<string, string> { ["deviceId"] = theirs.ToString() });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(await app.WithDbAsync((db, _) => db.RegisteredDevices.Where(d => d.Id == theirs).Select(d => d.RevokedAt).SingleAsync()));
    }

    [Theory]
    [InlineData(Roles.OutreachWorker)]
    [InlineData(Roles.CaseManager)]
    [InlineData(Roles.Evaluator)]
    public async Task RegisteringOrRevoking_WithoutCoordinatorOrAdministratorRole_IsForbidden(string role)
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var (deviceId, _) = await Phone.RegisterAsync(app, organisation);
        using var browser = await app.SignedInBrowserAsync(await app.CreateUserAsync(role, organisation, programme));
        var token = (await Html.GetAsync(browser, "/Accounts/ChangePassword")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        foreach (var response in new[]
        {
            await browser.GetAsync("/Accounts/ThisPhone"),
            await browser.GetAsync("/Accounts/Phones"),
            await browser.PostAsync("/Accounts/ThisPhone", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Name"] = "Mine now", ["__RequestVerificationToken"] = token })),
            await browser.PostAsync("/Accounts/Phones?handler=Revoke", new FormUrlEncodedContent(new Dictionary<string, string> { ["deviceId"] = deviceId.ToString(), ["__RequestVerificationToken"] = token })),
        })
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Accounts/AccessDenied", response.Headers.Location!.PathAndQuery);
        }
        var devices = await app.WithDbAsync((db, _) => db.RegisteredDevices.Where(d => d.OrganisationId == organisation.Id).Select(d => d.RevokedAt).ToListAsync());
        Assert.Equal([null], devices);
    }

    [Theory]
    [InlineData("fr-BE", "Enregistrement de ce téléphone", "Enregistrer ce téléphone", "Téléphones enregistrés")]
    [InlineData("nl-BE", "Registratie van deze telefoon", "Deze telefoon registreren", "Geregistreerde telefoons")]
    [InlineData("en-GB", "This phone's registration", "Register this phone", "Registered phones")]
    public async Task Pages_AreInTheUsersLanguage(string language, string heading, string button, string listHeading)
    {
        var (organisation, _) = await app.CreateOrganisationAsync();
        using var browser = await app.SignedInBrowserAsync(await app.CreateUserAsync(Roles.Coordinator, organisation));
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        var page = await Html.GetAsync(browser, "/Accounts/ThisPhone");
        var list = await Html.GetAsync(browser, "/Accounts/Phones");
        var account = await Html.GetAsync(browser, "/Accounts/ChangePassword");

        Assert.Equal(heading, page.QuerySelector("h1")!.TextContent);
        Assert.Equal(button, page.QuerySelector("main form button")!.TextContent);
        Assert.Equal(listHeading, list.QuerySelector("h1")!.TextContent);
        Assert.NotNull(account.QuerySelector("main a[href='/Accounts/ThisPhone']"));
    }

    [Fact]
    public async Task AccountPage_OfAFieldWorker_HasNoLinkToThePhonePages()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        using var browser = await app.SignedInBrowserAsync(await app.CreateUserAsync(Roles.OutreachWorker, organisation, programme));

        var account = await Html.GetAsync(browser, "/Accounts/ChangePassword");

        Assert.Null(account.QuerySelector("main a[href='/Accounts/ThisPhone']"));
    }

    [Fact]
    public async Task ACookieThatIsNoToken_ChangesNothing()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        using var phone = new Phone(app, "*not-base64url*not-base64url*not-base64url");
        await phone.SignInAsync(await app.CreateUserAsync(Roles.OutreachWorker, organisation, programme));

        Assert.True(await phone.IsSignedInAsync());
    }

    private async Task RegisterAsync(Phone phone, string name)
    {
        var page = await Html.GetAsync(phone.Browser, "/Accounts/ThisPhone");
        Assert.Equal(HttpStatusCode.Redirect, (await Html.SubmitAsync(phone.Browser, page, "main form", new Dictionary<string, string> { ["Input.Name"] = name })).StatusCode);
    }

    private Task<Guid> UserIdAsync(string email) =>
        app.WithDbAsync((db, _) => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
}

public sealed class RegisteredPhonesTestsOnSqlite(SqliteApp app) : RegisteredPhonesTests(app), IClassFixture<SqliteApp>;

public sealed class RegisteredPhonesTestsOnPostgres(PostgresApp app) : RegisteredPhonesTests(app), IClassFixture<PostgresApp>;
