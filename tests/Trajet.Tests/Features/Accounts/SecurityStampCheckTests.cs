using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Data;
using Trajet.Web.Features.Accounts;

namespace Trajet.Tests.Features.Accounts;

/// <summary>
/// Identity checks a cookie's security stamp every 30 minutes and then rebuilds its claims: the claim naming the
/// server-side session must survive that, or any idle timeout longer than 30 minutes signs people out early.
/// </summary>
public abstract class SecurityStampCheckTests(ClockedTrajetApp app)
{
    [Fact]
    public async Task Session_IdleLongerThanTheStampCheckInterval_StaysSignedIn()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        using var browser = await app.SignedInBrowserAsync(await app.CreateUserAsync(Roles.CaseManager, organisation, programme));

        app.Clock.Advance(TimeSpan.FromMinutes(45));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(45));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
    }
}

/// <summary>The real application on a clock the test moves (the cookie handler and Identity read the app's TimeProvider).</summary>
public class ClockedTrajetApp(DatabaseProvider provider, IDictionary<string, string?> settings) : TrajetApp(provider, settings)
{
    public SessionTimeoutTests.TestClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

public sealed class HourIdleSqliteApp() : ClockedTrajetApp(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Security:IdleTimeoutMinutes"] = "60" });

public sealed class HourIdlePostgresApp() : ClockedTrajetApp(DatabaseProvider.Postgres, new Dictionary<string, string?> { ["Security:IdleTimeoutMinutes"] = "60" });

public sealed class SecurityStampCheckTestsOnSqlite(HourIdleSqliteApp app) : SecurityStampCheckTests(app), IClassFixture<HourIdleSqliteApp>;

public sealed class SecurityStampCheckTestsOnPostgres(HourIdlePostgresApp app) : SecurityStampCheckTests(app), IClassFixture<HourIdlePostgresApp>;
