using System.Net;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Data;
using Trajet.Web.Features.Accounts;

namespace Trajet.Tests.Features.Accounts;

public sealed class RateLimitTests
{
    [Fact]
    public async Task Login_BeyondTheLimitPerMinute_Returns429()
    {
        await using var app = new TrajetApp(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["RateLimits:LoginPerMinute"] = "3" });
        await app.InitializeAsync();
        var email = await app.CreateUserAsync(Roles.Administrator);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await app.LoginAsync(email)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }
}
