using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Data;
using Trajet.Web.Features.Accounts;

namespace Trajet.Tests.Features.Accounts;

/// <summary>
/// Field sessions, on an app whose clock the test moves: on a phone its organisation registered, a field worker stays
/// signed in through a round (240 minutes idle, 10 hours at most); everyone else, and every other browser, keeps 20 minutes.
/// </summary>
public abstract class FieldSessionTests(ClockedTrajetApp app)
{
    [Fact]
    public async Task OutreachWorker_OnARegisteredPhone_StaysSignedInAnHourIdle_UntilTheFieldIdleTimeout()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var (_, token) = await Phone.RegisterAsync(app, organisation);
        using var phone = new Phone(app, token);
        await phone.SignInAsync(await app.CreateUserAsync(Roles.OutreachWorker, organisation, programme));

        app.Clock.Advance(TimeSpan.FromMinutes(60));
        Assert.True(await phone.IsSignedInAsync());
        app.Clock.Advance(TimeSpan.FromMinutes(239));
        Assert.True(await phone.IsSignedInAsync()); // the ticket keeps its 240-minute span when it is renewed
        app.Clock.Advance(TimeSpan.FromMinutes(241));
        Assert.False(await phone.IsSignedInAsync());
    }

    [Fact]
    public async Task OutreachWorker_WithoutThePhonesCookie_IsSignedOutAfter20Minutes()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        await Phone.RegisterAsync(app, organisation);
        using var browser = new Phone(app);
        await browser.SignInAsync(await app.CreateUserAsync(Roles.OutreachWorker, organisation, programme));

        app.Clock.Advance(TimeSpan.FromMinutes(21));

        Assert.False(await browser.IsSignedInAsync());
    }

    [Theory]
    [InlineData(Roles.Mediator)]
    [InlineData(Roles.CaseManager)]
    public async Task OtherFieldRoles_OnARegisteredPhone_GetAFieldSession(string role)
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var (deviceId, token) = await Phone.RegisterAsync(app, organisation);
        using var phone = new Phone(app, token);
        await phone.SignInAsync(await app.CreateUserAsync(role, organisation, programme));

        app.Clock.Advance(TimeSpan.FromMinutes(90));

        Assert.True(await phone.IsSignedInAsync());
        var session = await SessionOfAsync(phone);
        Assert.Equal(deviceId, session.DeviceId);
        Assert.Equal(session.StartedAt.AddHours(10), session.EndsAt);
    }

    [Fact]
    public async Task RevokedPhone_SignsItsFieldSessionOut_AtTheNextRequest()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var (deviceId, token) = await Phone.RegisterAsync(app, organisation);
        using var phone = new Phone(app, token);
        await phone.SignInAsync(await app.CreateUserAsync(Roles.OutreachWorker, organisation, programme));
        app.Clock.Advance(TimeSpan.FromMinutes(30));
        Assert.True(await phone.IsSignedInAsync());

        await app.WithDbAsync(async (db, _) =>
        {
            (await db.RegisteredDevices.SingleAsync(d => d.Id == deviceId)).RevokedAt = app.Clock.GetUtcNow().UtcDateTime;
            return await db.SaveChangesAsync();
        });

        Assert.False(await phone.IsSignedInAsync());
    }

    [Fact]
    public async Task AnotherOrganisationsPhone_GivesNoFieldSession()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var (other, _) = await app.CreateOrganisationAsync();
        var (_, token) = await Phone.RegisterAsync(app, other);
        using var phone = new Phone(app, token);
        await phone.SignInAsync(await app.CreateUserAsync(Roles.OutreachWorker, organisation, programme));

        Assert.Null((await SessionOfAsync(phone)).DeviceId);
        app.Clock.Advance(TimeSpan.FromMinutes(21));
        Assert.False(await phone.IsSignedInAsync());
    }

    [Fact]
    public async Task HardCap_EndsAFieldSession_EvenWhileInUse()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var (_, token) = await Phone.RegisterAsync(app, organisation);
        using var phone = new Phone(app, token);
        await phone.SignInAsync(await app.CreateUserAsync(Roles.OutreachWorker, organisation, programme));

        for (var i = 0; i < 5; i++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(118));
            Assert.True(await phone.IsSignedInAsync()); // 590 minutes after sign-in at the last
        }
        app.Clock.Advance(TimeSpan.FromMinutes(11));

        Assert.False(await phone.IsSignedInAsync());
    }

    [Fact]
    public async Task Administrator_OnARegisteredPhone_KeepsTheOrdinaryIdleTimeout()
    {
        var (organisation, _) = await app.CreateOrganisationAsync();
        var (_, token) = await Phone.RegisterAsync(app, organisation);
        using var phone = new Phone(app, token);
        await phone.SignInAsync(await app.CreateUserAsync(Roles.Administrator));

        Assert.Null((await SessionOfAsync(phone)).DeviceId);
        app.Clock.Advance(TimeSpan.FromMinutes(21));
        Assert.False(await phone.IsSignedInAsync());
    }

    [Fact]
    public async Task Evaluator_OnARegisteredPhone_KeepsTheOrdinaryIdleTimeout()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var (_, token) = await Phone.RegisterAsync(app, organisation);
        using var phone = new Phone(app, token);
        await phone.SignInAsync(await app.CreateUserAsync(Roles.Evaluator, organisation, programme));

        app.Clock.Advance(TimeSpan.FromMinutes(21));

        Assert.False(await phone.IsSignedInAsync());
    }

    [Fact]
    public async Task FieldSessionCookie_CopiedToABrowserWithoutThePhonesToken_OpensNothing()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var (_, token) = await Phone.RegisterAsync(app, organisation);
        using var phone = new Phone(app, token);
        await phone.SignInAsync(await app.CreateUserAsync(Roles.OutreachWorker, organisation, programme));
        using var elsewhere = new Phone(app);
        elsewhere.Jar.Add(Phone.Site, new Cookie("trajet.auth", phone.AuthCookie));

        Assert.False(await elsewhere.IsSignedInAsync());
    }

    [Fact]
    public async Task BearerToken_SignedInFromARegisteredPhone_KeepsItsOwnLifetime()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var (_, token) = await Phone.RegisterAsync(app, organisation);
        var email = await app.CreateUserAsync(Roles.OutreachWorker, organisation, programme);
        using var phone = new Phone(app, token);

        var response = await phone.Browser.PostAsJsonAsync("/api/auth/login", new { email, password = TrajetApp.Password });

        response.EnsureSuccessStatusCode();
        Assert.Equal(3600, (await response.Content.ReadFromJsonAsync<TrajetApp.TokenResponse>())!.ExpiresIn);
        Assert.Null(phone.AuthCookie);
    }

    private Task<UserSession> SessionOfAsync(Phone phone) =>
        app.WithDbAsync(async (db, _) =>
        {
            // The cookie names its session; read the newest of this phone's user, whose only browser it is.
            var me = await phone.Browser.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/me");
            var email = me.GetProperty("email").GetString();
            var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            return await db.Set<UserSession>().AsNoTracking().SingleAsync(s => s.UserId == userId);
        });
}

public sealed class FieldSqliteApp() : ClockedTrajetApp(DatabaseProvider.Sqlite, FieldSettings.Defaults);

public sealed class FieldPostgresApp() : ClockedTrajetApp(DatabaseProvider.Postgres, FieldSettings.Defaults);

public static class FieldSettings
{
    public static Dictionary<string, string?> Defaults => new()
    {
        ["Security:IdleTimeoutMinutes"] = "20",
        ["Security:FieldIdleTimeoutMinutes"] = "240",
        ["Security:FieldSessionHours"] = "10",
    };
}

public sealed class FieldSessionTestsOnSqlite(FieldSqliteApp app) : FieldSessionTests(app), IClassFixture<FieldSqliteApp>;

public sealed class FieldSessionTestsOnPostgres(FieldPostgresApp app) : FieldSessionTests(app), IClassFixture<FieldPostgresApp>;
