using System.Net;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Features.Accounts;

namespace Trajet.Tests.Features.Accounts;

public sealed class BrowserSignInTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task LoginPage_WithRightPassword_SignsInAndShowsWelcome()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var email = await app.CreateUserAsync(Roles.CaseManager, organisation, programme);

        using var browser = await app.SignedInBrowserAsync(email);
        var home = await Html.GetAsync(browser, "/");

        Assert.Contains("Welcome", home.QuerySelector("h1")!.TextContent);
        Assert.Contains(organisation.Name, home.QuerySelector(".who")!.TextContent);
    }

    [Fact]
    public async Task LoginPage_WithWrongPassword_ShowsMessageAndStaysSignedOut()
    {
        var email = await app.CreateUserAsync(Roles.Administrator);
        using var browser = app.BrowserClient();
        var login = await Html.GetAsync(browser, "/Accounts/Login");

        var response = await Html.SubmitAsync(browser, login, "main form", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = "Wrong-Passw0rd!" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("Wrong e-mail or password.", page.QuerySelector(".errors")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Pages_WhenSignedOut_RedirectToLogin()
    {
        using var browser = app.BrowserClient();

        var response = await browser.GetAsync("/Cases");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Accounts/Login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Logout_EndsTheSession()
    {
        var email = await app.CreateUserAsync(Roles.Administrator);
        using var browser = await app.SignedInBrowserAsync(email);
        var home = await Html.GetAsync(browser, "/");

        var response = await Html.SubmitAsync(browser, home, "form[action='/Accounts/Logout']", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task ChangePassword_WithRightCurrentPassword_ChangesItAndRevokesOtherSessions()
    {
        var email = await app.CreateUserAsync(Roles.Administrator);
        using var otherSession = await app.ApiClientAsync(email);
        using var browser = await app.SignedInBrowserAsync(email);
        var page = await Html.GetAsync(browser, "/Accounts/ChangePassword");

        var response = await Html.SubmitAsync(browser, page, "main form", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = TrajetApp.Password,
            ["Input.NewPassword"] = "Another-Passw0rd!",
            ["Input.ConfirmPassword"] = "Another-Passw0rd!",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await otherSession.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.LoginAsync(email)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.LoginAsync(email, "Another-Passw0rd!")).StatusCode);
    }

    [Fact]
    public async Task ChangePassword_WithWeakNewPassword_ShowsWhyAndKeepsTheOldOne()
    {
        var email = await app.CreateUserAsync(Roles.Administrator);
        using var browser = await app.SignedInBrowserAsync(email);
        var page = await Html.GetAsync(browser, "/Accounts/ChangePassword");

        var response = await Html.SubmitAsync(browser, page, "main form", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = TrajetApp.Password,
            ["Input.NewPassword"] = "short",
            ["Input.ConfirmPassword"] = "short",
        });

        var result = await Html.ParseAsync(response);
        Assert.Contains("at least 12 characters", result.QuerySelector("[data-valmsg-for='Input.NewPassword']")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await app.LoginAsync(email)).StatusCode);
    }

    [Fact]
    public async Task Responses_CarrySecurityHeaders()
    {
        using var browser = app.BrowserClient();

        var response = await browser.GetAsync("/Accounts/Login");

        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotContain("unsafe-inline", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }
}
