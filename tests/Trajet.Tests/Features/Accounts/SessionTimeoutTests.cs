using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Data;
using Trajet.Web.Features.Accounts;

namespace Trajet.Tests.Features.Accounts;

/// <summary>The sign-in cookie's idle timeout, on an app whose clock the test moves (the cookie handler reads the app's TimeProvider).</summary>
public sealed class SessionTimeoutTests(SessionTimeoutTests.ClockedApp app) : IClassFixture<SessionTimeoutTests.ClockedApp>
{
    [Fact]
    public async Task Session_IdleLongerThanTheTimeout_IsSignedOut()
    {
        using var browser = await SignedInCaseManagerAsync();
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);

        app.Clock.Advance(TimeSpan.FromMinutes(21));
        var response = await browser.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Accounts/Login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Session_InUse_SlidesPastTheTimeout()
    {
        using var browser = await SignedInCaseManagerAsync();

        app.Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(15));
        var response = await browser.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // 30 minutes after sign-in, 15 after the last request
    }

    [Fact]
    public async Task SignInCookie_IsHttpOnlyStrictAndSessionOnly_AndSecureOverHttps()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var email = await app.CreateUserAsync(Roles.CaseManager, organisation, programme);

        var overHttp = await SetCookieAsync(app.BrowserClient(), email);
        var overHttps = await SetCookieAsync(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") }), email);

        Assert.Contains("httponly", overHttp, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", overHttp, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires=", overHttp, StringComparison.OrdinalIgnoreCase); // ends with the browser session too
        Assert.DoesNotContain("secure", overHttp.Replace("samesite", "", StringComparison.OrdinalIgnoreCase), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; secure", overHttps, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<HttpClient> SignedInCaseManagerAsync()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        return await app.SignedInBrowserAsync(await app.CreateUserAsync(Roles.CaseManager, organisation, programme));
    }

    private static async Task<string> SetCookieAsync(HttpClient client, string email)
    {
        using (client)
        {
            var login = await Html.GetAsync(client, "/Accounts/Login");
            var response = await Html.SubmitAsync(client, login, "main form", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = TrajetApp.Password });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("trajet.auth=", StringComparison.Ordinal));
        }
    }

    public sealed class ClockedApp() : TrajetApp(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Security:IdleTimeoutMinutes"] = "20" })
    {
        public TestClock Clock { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }

    public sealed class TestClock : TimeProvider
    {
        private DateTimeOffset now = DateTimeOffset.UtcNow;

        public override DateTimeOffset GetUtcNow() => now;

        public void Advance(TimeSpan by) => now += by;
    }
}
