using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.Organisations;

namespace Trajet.Tests.Features.Accounts;

/// <summary>A phone's browser: a cookie jar of its own, which may hold a registered phone's <c>trajet.device</c> token.</summary>
public sealed class Phone : IDisposable
{
    public static readonly Uri Site = new("http://localhost/");

    private readonly TrajetApp app;

    public Phone(TrajetApp app, string? token = null)
    {
        this.app = app;
        if (token is not null)
        {
            Jar.Add(Site, new Cookie(DeviceCookie.Name, token));
        }
        Browser = app.CreateDefaultClient(Site, new CookieContainerHandler(Jar));
    }

    public CookieContainer Jar { get; } = new();
    public HttpClient Browser { get; }
    public string? AuthCookie => Jar.GetCookies(Site)["trajet.auth"]?.Value;
    public string? DeviceToken => Jar.GetCookies(Site)[DeviceCookie.Name]?.Value;

    /// <summary>Signs in through the login page, typing the authenticator code when the account has one.</summary>
    public async Task SignInAsync(string email)
    {
        var login = await Html.GetAsync(Browser, "/Accounts/Login");
        var response = await Html.SubmitAsync(Browser, login, "main form", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = TrajetApp.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        if (response.Headers.Location!.OriginalString.StartsWith("/Accounts/LoginWithCode", StringComparison.Ordinal))
        {
            var step = await Html.GetAsync(Browser, response.Headers.Location.OriginalString);
            var code = await app.TwoFactorCodeAsync(email) ?? throw new InvalidOperationException($"{email} has no authenticator");
            response = await Html.SubmitAsync(Browser, step, "#code-form", new Dictionary<string, string> { ["Input.Code"] = code });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
        Assert.NotNull(AuthCookie);
    }

    public async Task SignOutAsync() =>
        await Html.SubmitAsync(Browser, await Html.GetAsync(Browser, "/"), "form[action='/Accounts/Logout']", new Dictionary<string, string>());

    /// <summary>Whether the home page opens (200) rather than sending the phone to the login page.</summary>
    public async Task<bool> IsSignedInAsync()
    {
        var response = await Browser.GetAsync("/");
        if (response.StatusCode == HttpStatusCode.OK)
        {
            return true;
        }
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Accounts/Login", response.Headers.Location!.PathAndQuery);
        return false;
    }

    /// <summary>A phone registered for the organisation straight in the database (the pages are tested apart); returns its id and token.</summary>
    public static Task<(Guid Id, string Token)> RegisterAsync(TrajetApp app, Organisation organisation, string name = "Round phone") =>
        app.WithDbAsync(async (db, _) =>
        {
            var coordinator = await app.CreateUserAsync(Roles.Coordinator, organisation, twoFactor: false);
            var (token, hash) = Web.Features.Accounts.DeviceToken.New();
            var device = new RegisteredDevice
            {
                OrganisationId = organisation.Id,
                Name = name,
                TokenHash = hash,
                RegisteredByUserId = await db.Users.Where(u => u.Email == coordinator).Select(u => u.Id).SingleAsync(),
                RegisteredAt = DateTime.UtcNow,
            };
            db.RegisteredDevices.Add(device);
            await db.SaveChangesAsync();
            return (device.Id, token);
        });

    public void Dispose() => Browser.Dispose();
}
