using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Features.Accounts;

namespace Trajet.Tests.Features.Accounts;

/// <summary>
/// On a shared office computer, a copy of the sign-in cookie taken before signing out must open nothing afterwards:
/// the session ends on the server, not only in the browser that signed out.
/// </summary>
public abstract class SignOutTests(TrajetApp app)
{
    private static readonly Uri Site = new("http://localhost/");

    [Fact]
    public async Task CopyOfTheCookie_AfterSignOut_OpensNothing()
    {
        var (browser, jar) = await SignInAsync(await app.CreateUserAsync(Roles.CaseManager));
        var copy = jar.GetCookies(Site)["trajet.auth"]!.Value;
        Assert.Equal(HttpStatusCode.OK, (await WithCookieAsync(copy, "/Cases")).StatusCode);
        var home = await Html.GetAsync(browser, "/");

        await Html.SubmitAsync(browser, home, "form[action='/Accounts/Logout']", new Dictionary<string, string>());

        var after = await WithCookieAsync(copy, "/Cases");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Accounts/Login", after.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task SigningOut_LeavesTheSameUsersOtherBrowserSignedIn()
    {
        var email = await app.CreateUserAsync(Roles.CaseManager);
        var (office, _) = await SignInAsync(email);
        var (_, phone) = await SignInAsync(email);

        await Html.SubmitAsync(office, await Html.GetAsync(office, "/"), "form[action='/Accounts/Logout']", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, (await WithCookieAsync(phone.GetCookies(Site)["trajet.auth"]!.Value, "/Cases")).StatusCode);
    }

    [Theory]
    [InlineData("Revoke")]
    [InlineData("Disable")]
    public async Task SignOutEverywhere_OrDisabling_EndsEveryCookieAtOnce(string how)
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var email = await app.CreateUserAsync(Roles.CaseManager, organisation, programme);
        var cookies = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            cookies.Add((await SignInAsync(email)).Jar.GetCookies(Site)["trajet.auth"]!.Value);
        }
        using var admin = await app.SignedInBrowserAsync(await app.CreateUserAsync(Roles.Administrator));
        var id = await app.WithDbAsync((db, _) => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var page = await Html.GetAsync(admin, $"/Admin/Users/Edit/{id}");

        var response = how == "Revoke"
            ? await Html.SubmitAsync(admin, page, "form[action$='handler=Revoke']", new Dictionary<string, string>())
            : await Html.SubmitAsync(admin, page, "main form", new Dictionary<string, string> { ["Input.IsActive"] = "false" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        foreach (var cookie in cookies)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await WithCookieAsync(cookie, "/Cases")).StatusCode);
        }
        Assert.Equal(0, await app.WithDbAsync((db, _) => db.Set<UserSession>().CountAsync(s => s.UserId == id)));
    }

    private async Task<(HttpClient Browser, System.Net.CookieContainer Jar)> SignInAsync(string email)
    {
        var jar = new System.Net.CookieContainer();
        var browser = app.CreateDefaultClient(Site, new CookieContainerHandler(jar));
        var login = await Html.GetAsync(browser, "/Accounts/Login");
        var response = await Html.SubmitAsync(browser, login, "main form", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = TrajetApp.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (browser, jar);
    }

    private async Task<HttpResponseMessage> WithCookieAsync(string cookie, string url)
    {
        using var client = app.CreateDefaultClient(Site);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", $"trajet.auth={cookie}");
        return await client.SendAsync(request);
    }
}

public sealed class SignOutTestsOnSqlite(SqliteApp app) : SignOutTests(app), IClassFixture<SqliteApp>;

public sealed class SignOutTestsOnPostgres(PostgresApp app) : SignOutTests(app), IClassFixture<PostgresApp>;
