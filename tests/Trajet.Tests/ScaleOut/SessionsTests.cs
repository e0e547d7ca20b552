using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Features.Demo;
using Xunit.Abstractions;

namespace Trajet.Tests.ScaleOut;

/// <summary>
/// A person signed in through the proxy lands on either instance from one request to the next: the cookie and the
/// token must work on both, though each instance was given its own empty keys folder.
/// </summary>
[Collection(ScaleOutCollection.Name)]
public sealed class SessionsTests(ScaleOutCluster cluster, ITestOutputHelper output) : ScaleOutTest(cluster, output)
{
    private const string Manager = "cm1@ngo.demo";

    [Fact]
    public async Task CookieFromTheSignInPageThroughNginx_WorksOnEachInstance()
    {
        var jar = new CookieContainer();
        using var browser = new HttpClient(new SocketsHttpHandler { CookieContainer = jar, AllowAutoRedirect = false })
        {
            BaseAddress = Cluster.Nginx.Address,
            Timeout = TimeSpan.FromSeconds(30),
        };
        // The form and its post may reach different instances: the antiforgery token must be read by either.
        var login = await Html.GetAsync(browser, "/Accounts/Login");
        using var signedIn = await Html.SubmitAsync(browser, login, "main form", new Dictionary<string, string> { ["Input.Email"] = Manager, ["Input.Password"] = DemoSeed.Password });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookie = jar.GetCookieHeader(Cluster.Nginx.Address);
        Assert.Contains("trajet.auth=", cookie, StringComparison.Ordinal);

        foreach (var instance in Cluster.Instances)
        {
            using var client = instance.Client();
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me") { Headers = { { "Cookie", cookie } } };
            using var response = await client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{instance.Name} answered {(int)response.StatusCode} to the cookie");
            Assert.Equal(Manager, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("email").GetString());
        }
    }

    [Fact]
    public async Task TokenFromAnyInstance_WorksOnEachInstance()
    {
        var issuers = new[] { Cluster.Nginx.Address }.Concat(Cluster.Instances.Select(i => i.Address));
        foreach (var issuer in issuers)
        {
            var token = await ScaleOutCluster.TokenAsync(issuer, Manager, DemoSeed.Password);
            foreach (var instance in Cluster.Instances)
            {
                using var client = instance.Client(token);
                using var response = await client.GetAsync("/api/me");
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"a token from {issuer} answered {(int)response.StatusCode} on {instance.Name}");
            }
        }
    }

    [Fact]
    public async Task PasswordChangedThroughOne_RefusesTheOldTokenOnTheOther_WithinTwoSeconds()
    {
        const string email = "cm2@ngo.demo", changed = "Another-Passw0rd!";
        var old = await ScaleOutCluster.TokenAsync(Cluster.First.Address, email, DemoSeed.Password);
        using var other = Cluster.Second.Client(old);
        // The other instance has now met the account (and may keep it in its cache).
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/me")).StatusCode);

        using var one = Cluster.First.Client(old);
        using var change = await one.PostAsJsonAsync("/api/auth/manage/info", new { oldPassword = DemoSeed.Password, newPassword = changed });
        Assert.True(change.IsSuccessStatusCode, $"the password change answered {(int)change.StatusCode}: {await change.Content.ReadAsStringAsync()}");

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(2);
        HttpStatusCode status;
        while (true)
        {
            using var response = await other.GetAsync("/api/me");
            status = response.StatusCode;
            if (status != HttpStatusCode.OK || DateTime.UtcNow >= deadline)
            {
                break;
            }
            await Task.Delay(50);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, status);

        await ScaleOutCluster.TokenAsync(Cluster.Nginx.Address, email, changed);
    }
}
