using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Data;
using Trajet.Web.Features.Accounts;

namespace Trajet.Tests.Features.Accounts;

/// <summary>Sign-in attempts are limited per address and per account; loading the sign-in page never is.</summary>
public sealed class RateLimitTests
{
    private static async Task<TrajetApp> AppAsync(int perAddress, int perAccount)
    {
        var app = new TrajetApp(DatabaseProvider.Sqlite, new Dictionary<string, string?>
        {
            ["RateLimits:LoginPerMinute"] = perAddress.ToString(),
            ["RateLimits:LoginPerAccountPerMinute"] = perAccount.ToString(),
        });
        await app.InitializeAsync();
        return app;
    }

    [Fact]
    public async Task LoadingTheSignInPage_IsNeverThrottled_OnlyAttemptsCount()
    {
        await using var app = await AppAsync(perAddress: 3, perAccount: 100);
        var email = await app.CreateUserAsync(Roles.CaseManager);
        using var office = app.BrowserClient();

        for (var i = 0; i < 12; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await office.GetAsync("/Accounts/Login")).StatusCode);
        }
        using var signedIn = await app.SignedInBrowserAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/Cases")).StatusCode);
    }

    [Fact]
    public async Task AttemptsFromOneAddress_BeyondTheLimit_Are429_WithRetryAfter()
    {
        await using var app = await AppAsync(perAddress: 3, perAccount: 100);
        var emails = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            emails.Add(await app.CreateUserAsync(Roles.CaseManager));
        }

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        foreach (var email in emails)
        {
            last = await app.LoginAsync(email);
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.InRange(int.Parse(last.Headers.GetValues("Retry-After").Single()), 1, 60);
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AttemptsOnOneAccount_BeyondTheLimit_Are429_OtherAccountsStillSignIn()
    {
        await using var app = await AppAsync(perAddress: 100, perAccount: 2);
        var target = await app.CreateUserAsync(Roles.CaseManager);
        var colleague = await app.CreateUserAsync(Roles.CaseManager);

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.PostLoginAsync(new { email = target, password = "wrong-1" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.PostLoginAsync(new { email = target.ToUpperInvariant(), password = "wrong-2" })).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await app.LoginAsync(target)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.LoginAsync(colleague)).StatusCode);
    }

    [Fact]
    public async Task BehindAProxyOnThisMachine_EachForwardedClientHasItsOwnLimit_AndNoOtherSenderIsBelieved()
    {
        await using var app = await AppAsync(perAddress: 2, perAccount: 100);
        var email = await app.CreateUserAsync(Roles.CaseManager);
        async Task<HttpStatusCode> SignInAsync(string from, string forwardedFor)
        {
            using var client = new HttpClient(app.Server.CreateHandler(c => c.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(from)))
            {
                BaseAddress = app.Server.BaseAddress,
            };
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = JsonContent.Create(new { email, password = TrajetApp.Password }) };
            request.Headers.Add("X-Forwarded-For", forwardedFor);
            return (await client.SendAsync(request)).StatusCode;
        }

        // nginx on this machine forwards two clients: each has its own two attempts.
        Assert.Equal(HttpStatusCode.OK, await SignInAsync("127.0.0.1", "203.0.113.5"));
        Assert.Equal(HttpStatusCode.OK, await SignInAsync("127.0.0.1", "203.0.113.5"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInAsync("127.0.0.1", "203.0.113.5"));
        Assert.Equal(HttpStatusCode.OK, await SignInAsync("127.0.0.1", "203.0.113.6"));
        // A client elsewhere that claims other addresses is counted as itself.
        Assert.Equal(HttpStatusCode.OK, await SignInAsync("198.51.100.7", "203.0.113.10"));
        Assert.Equal(HttpStatusCode.OK, await SignInAsync("198.51.100.7", "203.0.113.11"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInAsync("198.51.100.7", "203.0.113.12"));
    }

    [Theory]
    [InlineData("fr-BE", "Trop de tentatives de connexion.", "réessayez dans")]
    [InlineData("nl-BE", "Te veel aanmeldpogingen.", "probeer het over")]
    [InlineData("en", "Too many sign-in attempts.", "try again in")]
    public async Task AThrottledPerson_GetsAPageInTheirLanguage_SayingWhenToTryAgain(string language, string title, string when)
    {
        await using var app = await AppAsync(perAddress: 100, perAccount: 1);
        var email = await app.CreateUserAsync(Roles.CaseManager);
        using var browser = app.BrowserClient();
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var form = new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = "wrong" };

        var first = await Html.SubmitAsync(browser, await Html.GetAsync(browser, "/Accounts/Login"), "main form", form);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var throttled = await Html.SubmitAsync(browser, await Html.GetAsync(browser, "/Accounts/Login"), "main form", form);

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        var page = await Html.ParseAsync(throttled);
        Assert.Equal(title, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains(when, page.QuerySelector("main")!.TextContent);
        Assert.Matches(@"\d+", page.QuerySelector("main p")!.TextContent);
    }
}
