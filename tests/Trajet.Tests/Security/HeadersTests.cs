using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Features.Accounts;

namespace Trajet.Tests.Security;

/// <summary>
/// The security headers on what the login page test (BrowserSignInTests) does not cover: API answers, error
/// answers, HSTS over HTTPS outside development, and the sign-in cookie's flags.
/// </summary>
public sealed class HeadersTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private HttpClient Https() => app.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://trajet.example/"),
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

    [Theory]
    [InlineData("/api/me")]
    [InlineData("/api/no-such-endpoint")]
    [InlineData("/no-such-page")]
    [InlineData("/health")]
    [InlineData("/openapi/v1.json")]
    public async Task EveryKindOfAnswer_CarriesTheSecurityHeaders(string url)
    {
        using var client = app.BrowserClient();

        using var response = await client.GetAsync(url);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Https_OutsideDevelopment_SendsHsts()
    {
        using var client = Https();

        using var response = await client.GetAsync("/Accounts/Login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Theory]
    [InlineData("https://localhost/")]
    [InlineData("https://127.0.0.1/")]
    public async Task Https_OnAnyHost_SendsHsts(string address)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(address), AllowAutoRedirect = false });

        using var response = await client.GetAsync("/Accounts/Login");

        Assert.Equal("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task Http_SendsNoHsts()
    {
        using var client = app.BrowserClient();

        using var response = await client.GetAsync("/Accounts/Login");

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Theory]
    [InlineData(Roles.CaseManager, "trajet.auth=")]
    [InlineData(Roles.Administrator, "trajet.2fa=")] // password done, code still to type: the half-way cookie
    public async Task SignInCookies_OverHttps_AreSecureHttpOnlyAndSameSiteStrict(string role, string name)
    {
        var email = await app.CreateUserAsync(role);
        using var client = Https();
        var login = await Html.GetAsync(client, "/Accounts/Login");

        using var response = await Html.SubmitAsync(client, login, "main form", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = TrajetApp.Password });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(name, StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("; secure", cookie);
        Assert.Contains("; httponly", cookie);
        Assert.Contains("; samesite=strict", cookie);
    }
}
