using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Features.Accounts;

namespace Trajet.Tests.Features.Accounts;

public sealed class TwoFactorPolicyTests
{
    [Theory]
    [InlineData(Roles.Administrator, false, true)]
    [InlineData(Roles.Coordinator, false, true)]
    [InlineData(Roles.Coordinator, true, false)]
    [InlineData(Roles.CaseManager, false, false)]
    [InlineData(Roles.Evaluator, false, false)]
    public void IsRequired_ForAdministratorsAndCoordinators_UnlessDemoExempt(string role, bool exempt, bool required) =>
        Assert.Equal(required, TwoFactorPolicy.IsRequired([role], exempt));

    [Fact]
    public void MustEnrol_OnlyWhileNotEnabled()
    {
        Assert.True(TwoFactorPolicy.MustEnrol([Roles.Coordinator], exempt: false, enabled: false));
        Assert.False(TwoFactorPolicy.MustEnrol([Roles.Coordinator], exempt: false, enabled: true));
        Assert.False(TwoFactorPolicy.MustEnrol([Roles.CaseManager], exempt: false, enabled: false));
    }

    [Fact]
    public void FormatKey_GroupsByFourInLowerCase() =>
        Assert.Equal("jbsw y3dp ehpk 3pxp ab", TwoFactorPolicy.FormatKey("JBSWY3DPEHPK3PXPAB"));

    [Fact]
    public void AuthenticatorUri_FollowsTheKeyUriFormat() =>
        Assert.Equal("otpauth://totp/Trajet:a%2Bb%40ngo.example?secret=JBSWY3DP&issuer=Trajet&digits=6",
            TwoFactorPolicy.AuthenticatorUri("a+b@ngo.example", "JBSWY3DP"));

    [Fact]
    public void CleanCodes_ForgiveSpacesButKeepTheRecoveryHyphen()
    {
        Assert.Equal("123456", TwoFactorPolicy.CleanCode(" 123 456 "));
        Assert.Equal("ABCDE-12345", TwoFactorPolicy.CleanRecoveryCode(" abcde-12345 "));
    }

    [Fact]
    public void QrCode_IsSvgWithoutStyleOrScript()
    {
        var svg = QrCode.Svg("otpauth://totp/Trajet:x@y.example?secret=JBSWY3DP&issuer=Trajet&digits=6", "QR \"code\"").ToString()!;

        Assert.StartsWith("<svg", svg, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"QR &quot;code&quot;\"", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("style", svg, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("script", svg, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void TestTotp_MatchesRfc6238Vectors()
    {
        const string key = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"; // "12345678901234567890"
        Assert.Equal("287082", Totp.Code(key, DateTimeOffset.FromUnixTimeSeconds(59)));
        Assert.Equal("081804", Totp.Code(key, DateTimeOffset.FromUnixTimeSeconds(1111111109)));
    }
}

public abstract class TwoFactorTests(TrajetApp app)
{
    // ---- API ----

    [Fact]
    public async Task ApiLogin_WithTwoFactorOn_RefusesPasswordAloneAndWrongCode_AcceptsRightCode()
    {
        var email = await EnrolledCaseManagerAsync();

        var withoutCode = await app.PostLoginAsync(new { email, password = TrajetApp.Password });
        var wrongCode = await app.PostLoginAsync(new { email, password = TrajetApp.Password, twoFactorCode = WrongCode(await app.TwoFactorCodeAsync(email)) });
        var rightCode = await app.PostLoginAsync(new { email, password = TrajetApp.Password, twoFactorCode = await app.TwoFactorCodeAsync(email) });

        Assert.Equal(HttpStatusCode.Unauthorized, withoutCode.StatusCode);
        Assert.Equal("RequiresTwoFactor", (await withoutCode.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, wrongCode.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rightCode.StatusCode);
        using var client = BearerClient(await rightCode.Content.ReadFromJsonAsync<TrajetApp.TokenResponse>());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/cases")).StatusCode);
    }

    [Fact]
    public async Task ApiLogin_WithRecoveryCode_WorksOnlyOnce()
    {
        var email = await EnrolledCaseManagerAsync();
        var code = (await RecoveryCodesAsync(email))[0];

        var first = await app.PostLoginAsync(new { email, password = TrajetApp.Password, twoFactorRecoveryCode = code });
        var second = await app.PostLoginAsync(new { email, password = TrajetApp.Password, twoFactorRecoveryCode = code });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
    }

    [Fact]
    public async Task ApiLogin_AfterFiveWrongCodes_IsLockedOutEvenWithTheRightCode()
    {
        var email = await app.CreateUserAsync(Roles.Administrator);
        var wrong = WrongCode(await app.TwoFactorCodeAsync(email));
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await app.PostLoginAsync(new { email, password = TrajetApp.Password, twoFactorCode = wrong })).StatusCode);
        }

        var response = await app.LoginAsync(email);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("LockedOut", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ApiLogin_AfterFiveWrongRecoveryCodes_IsLockedOut()
    {
        var email = await EnrolledCaseManagerAsync();
        var codes = await RecoveryCodesAsync(email);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await app.PostLoginAsync(new { email, password = TrajetApp.Password, twoFactorRecoveryCode = "AAAAA-AAAAA" })).StatusCode);
        }

        var response = await app.PostLoginAsync(new { email, password = TrajetApp.Password, twoFactorRecoveryCode = codes[0] });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("LockedOut", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Api_CoordinatorWithoutEnrolment_Returns403ProblemEverywhereButMe()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var email = await app.CreateUserAsync(Roles.Coordinator, organisation, programme, twoFactor: false);
        using var client = await app.ApiClientAsync(email);

        var cases = await client.GetAsync("/api/cases");
        var me = await client.GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.Forbidden, cases.StatusCode);
        Assert.Equal("application/problem+json", cases.Content.Headers.ContentType?.MediaType);
        Assert.Equal("two-factor-enrolment-required", (await cases.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task Api_CoordinatorEnrolsThroughManage2fa_ThenSignsInWithCodeAndWorks()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var email = await app.CreateUserAsync(Roles.Coordinator, organisation, programme, twoFactor: false);
        using var first = await app.ApiClientAsync(email);

        var key = (await (await first.PostAsJsonAsync("/api/auth/manage/2fa", new { })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sharedKey").GetString()!;
        // A new key changes the security stamp: the client signs in again, still with the password alone.
        using var second = await app.ApiClientAsync(email);
        var enabled = await second.PostAsJsonAsync("/api/auth/manage/2fa", new { enable = true, twoFactorCode = Totp.Code(key) });

        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        var body = await enabled.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("isTwoFactorEnabled").GetBoolean());
        Assert.Equal(10, body.GetProperty("recoveryCodes").GetArrayLength());
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.PostLoginAsync(new { email, password = TrajetApp.Password })).StatusCode);
        using var third = await app.ApiClientAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await third.GetAsync("/api/cases")).StatusCode);
    }

    [Fact]
    public async Task Api_TurningTwoFactorOff_WhenTheRoleRequiresIt_Returns400AndKeepsItOn()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var email = await app.CreateUserAsync(Roles.Coordinator, organisation, programme);
        using var client = await app.ApiClientAsync(email);

        var off = await client.PostAsJsonAsync("/api/auth/manage/2fa", new { enable = false });
        var reset = await client.PostAsJsonAsync("/api/auth/manage/2fa", new { resetSharedKey = true });

        Assert.Equal(HttpStatusCode.BadRequest, off.StatusCode);
        Assert.True((await off.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("enable", out _));
        Assert.Equal(HttpStatusCode.BadRequest, reset.StatusCode);
        Assert.True(await app.WithDbAsync((db, _) => db.Users.Where(u => u.Email == email).Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    [Fact]
    public async Task Api_CaseManager_MayTurnTwoFactorOff()
    {
        var email = await EnrolledCaseManagerAsync();
        using var client = await app.ApiClientAsync(email);

        var off = await client.PostAsJsonAsync("/api/auth/manage/2fa", new { enable = false });

        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.PostLoginAsync(new { email, password = TrajetApp.Password })).StatusCode);
    }

    [Fact]
    public async Task ApiLogin_OfDisabledAccount_Returns401()
    {
        var email = await EnrolledCaseManagerAsync();
        await app.WithDbAsync(async (db, _) =>
        {
            (await db.Users.SingleAsync(u => u.Email == email)).IsActive = false;
            return await db.SaveChangesAsync();
        });

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.LoginAsync(email)).StatusCode);
    }

    // ---- Pages ----

    [Fact]
    public async Task LoginPage_WithTwoFactorOn_AsksForTheCode_RefusesAWrongOne_AcceptsTheRightOne()
    {
        var email = await EnrolledCaseManagerAsync();
        using var browser = app.BrowserClient();

        var step = await PasswordStepAsync(browser, email);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode); // not signed in yet
        var wrong = await Html.SubmitAsync(browser, step, "#code-form", new Dictionary<string, string> { ["Input.Code"] = WrongCode(await app.TwoFactorCodeAsync(email)) });
        var page = await Html.ParseAsync(wrong);
        var right = await Html.SubmitAsync(browser, page, "#code-form", new Dictionary<string, string> { ["Input.Code"] = (await app.TwoFactorCodeAsync(email))! });

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("not valid", page.QuerySelector("[data-valmsg-for='Input.Code']")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task LoginPage_RecoveryCode_WorksOnlyOnce()
    {
        var email = await EnrolledCaseManagerAsync();
        var code = (await RecoveryCodesAsync(email))[0];

        using (var browser = app.BrowserClient())
        {
            var step = await PasswordStepAsync(browser, email);
            var used = await Html.SubmitAsync(browser, step, "#recovery-form", new Dictionary<string, string> { ["Input.RecoveryCode"] = code.ToLowerInvariant() });
            Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
        }
        using (var browser = app.BrowserClient())
        {
            var step = await PasswordStepAsync(browser, email);
            var again = await Html.SubmitAsync(browser, step, "#recovery-form", new Dictionary<string, string> { ["Input.RecoveryCode"] = code });
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);
        }
    }

    [Fact]
    public async Task LoginPage_AfterFiveWrongCodes_IsLockedOut()
    {
        var email = await app.CreateUserAsync(Roles.Administrator);
        using var browser = app.BrowserClient();
        var page = await PasswordStepAsync(browser, email);
        var wrong = WrongCode(await app.TwoFactorCodeAsync(email));
        for (var i = 0; i < 5; i++)
        {
            page = await Html.ParseAsync(await Html.SubmitAsync(browser, page, "#code-form", new Dictionary<string, string> { ["Input.Code"] = wrong }));
        }

        var right = await Html.SubmitAsync(browser, page, "#code-form", new Dictionary<string, string> { ["Input.Code"] = (await app.TwoFactorCodeAsync(email))! });

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked", (await Html.ParseAsync(right)).QuerySelector(".errors")!.TextContent);
    }

    [Fact]
    public async Task Coordinator_WithoutEnrolment_IsSentToEnrolOnEveryPage_UntilEnrolled()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var email = await app.CreateUserAsync(Roles.Coordinator, organisation, programme, twoFactor: false);
        using var browser = await app.SignedInBrowserAsync(email); // the password alone signs in...

        foreach (var url in new[] { "/", "/Cases", "/Accounts/ChangePassword", "/Accounts/TwoFactor", "/Reports/Evaluation" })
        {
            var response = await browser.GetAsync(url); // ...but leads nowhere else than the enrolment
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/Accounts/EnrolAuthenticator", response.Headers.Location!.OriginalString);
        }
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/css/site.css")).StatusCode);

        var enrol = await Html.GetAsync(browser, "/Accounts/EnrolAuthenticator");
        var key = enrol.QuerySelector("#shared-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        Assert.StartsWith("otpauth://totp/Trajet:", ((IHtmlAnchorElement)enrol.QuerySelector("#authenticator-uri")!).Href);
        Assert.NotNull(enrol.QuerySelector("svg.qr path"));
        var done = await Html.SubmitAsync(browser, enrol, "main form", new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key) });

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var codes = await Html.GetAsync(browser, done.Headers.Location!.OriginalString);
        Assert.Equal(10, codes.QuerySelectorAll(".recovery-codes code").Length);
        Assert.Empty((await Html.GetAsync(browser, "/Accounts/TwoFactor")).QuerySelectorAll(".recovery-codes code")); // shown once
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Cases")).StatusCode);

        using var again = app.BrowserClient();
        await PasswordStepAsync(again, email); // from now on the code is asked
        var recovery = codes.QuerySelectorAll(".recovery-codes code")[0].TextContent;
        Assert.Equal(HttpStatusCode.OK, (await app.PostLoginAsync(new { email, password = TrajetApp.Password, twoFactorRecoveryCode = recovery })).StatusCode);
    }

    [Fact]
    public async Task EnrolPage_WithWrongCode_KeepsTwoFactorOff()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var email = await app.CreateUserAsync(Roles.Coordinator, organisation, programme, twoFactor: false);
        using var browser = await app.SignedInBrowserAsync(email);
        var enrol = await Html.GetAsync(browser, "/Accounts/EnrolAuthenticator");
        var key = enrol.QuerySelector("#shared-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

        var response = await Html.SubmitAsync(browser, enrol, "main form", new Dictionary<string, string> { ["Input.Code"] = WrongCode(Totp.Code(key)) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(await app.WithDbAsync((db, _) => db.Users.Where(u => u.Email == email).Select(u => u.TwoFactorEnabled).SingleAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/Cases")).StatusCode);
    }

    [Fact]
    public async Task TwoFactorPage_CaseManagerTurnsItOff_CoordinatorCannot()
    {
        var caseManager = await EnrolledCaseManagerAsync();
        using var browser = await app.SignedInBrowserAsync(caseManager);
        var page = await Html.GetAsync(browser, "/Accounts/TwoFactor");
        var off = await Html.SubmitAsync(browser, page, "form[action$='handler=Disable']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.PostLoginAsync(new { email = caseManager, password = TrajetApp.Password })).StatusCode);

        var (organisation, programme) = await app.CreateOrganisationAsync();
        using var coordinator = await app.SignedInBrowserAsync(await app.CreateUserAsync(Roles.Coordinator, organisation, programme));
        var own = await Html.GetAsync(coordinator, "/Accounts/TwoFactor");
        Assert.Null(own.QuerySelector("form[action$='handler=Disable']"));
        var forced = await coordinator.PostAsync("/Accounts/TwoFactor?handler=Disable", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = own.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        }));
        Assert.Equal(HttpStatusCode.Redirect, forced.StatusCode);
        Assert.Contains("cannot be turned off", (await Html.GetAsync(coordinator, forced.Headers.Location!.OriginalString)).QuerySelector(".notice")!.TextContent);
    }

    [Fact]
    public async Task DemoExemptCoordinator_SignsInWithPasswordAlone_AndAdminSeesIt()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var email = await app.CreateUserAsync(Roles.Coordinator, organisation, programme, twoFactor: false);
        var id = await app.WithDbAsync(async (db, _) =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            user.TwoFactorExempt = true; // as Features/Demo/DemoSeed.cs does
            await db.SaveChangesAsync();
            return user.Id;
        });

        using var client = await app.ApiClientAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/cases")).StatusCode);
        using var browser = await app.SignedInBrowserAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Cases")).StatusCode);
        using var admin = await app.SignedInBrowserAsync(await app.CreateUserAsync(Roles.Administrator));
        Assert.NotNull((await Html.GetAsync(admin, $"/Admin/Users/Edit/{id}")).QuerySelector("#two-factor-exempt"));
    }

    [Fact]
    public async Task AdminResetTwoFactor_TurnsItOff_EndsTheSessions_AndTheCoordinatorMustEnrolAgain()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var email = await app.CreateUserAsync(Roles.Coordinator, organisation, programme);
        using var victim = await app.ApiClientAsync(email);
        var id = await UserIdAsync(email);
        using var admin = await app.SignedInBrowserAsync(await app.CreateUserAsync(Roles.Administrator));
        var page = await Html.GetAsync(admin, $"/Admin/Users/Edit/{id}");

        var response = await Html.SubmitAsync(admin, page, "form[action$='handler=ResetTwoFactor']", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await victim.GetAsync("/api/me")).StatusCode);
        Assert.False(await app.WithDbAsync((db, _) => db.Users.Where(u => u.Id == id).Select(u => u.TwoFactorEnabled).SingleAsync()));
        using var passwordOnly = await app.ApiClientAsync(email);
        Assert.Equal(HttpStatusCode.Forbidden, (await passwordOnly.GetAsync("/api/cases")).StatusCode);
    }

    [Fact]
    public async Task AdminRevokeSessions_EndsBearerAndRefreshTokens()
    {
        var email = await EnrolledCaseManagerAsync();
        var token = (await (await app.LoginAsync(email)).Content.ReadFromJsonAsync<TrajetApp.TokenResponse>())!;
        using var anon = app.CreateClient();
        var refreshed = await anon.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = token.RefreshToken });
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode); // refresh works before the revocation
        var newer = (await refreshed.Content.ReadFromJsonAsync<TrajetApp.TokenResponse>())!;
        using var admin = await app.SignedInBrowserAsync(await app.CreateUserAsync(Roles.Administrator));
        var page = await Html.GetAsync(admin, $"/Admin/Users/Edit/{await UserIdAsync(email)}");

        Assert.Equal(HttpStatusCode.Redirect, (await Html.SubmitAsync(admin, page, "form[action$='handler=Revoke']", new Dictionary<string, string>())).StatusCode);

        using var old = BearerClient(newer);
        Assert.Equal(HttpStatusCode.Unauthorized, (await old.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anon.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = token.RefreshToken })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anon.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = newer.RefreshToken })).StatusCode);
    }

    // ---- helpers ----

    private async Task<string> EnrolledCaseManagerAsync()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        return await app.CreateUserAsync(Roles.CaseManager, organisation, programme, twoFactor: true);
    }

    private Task<List<string>> RecoveryCodesAsync(string email) =>
        app.WithDbAsync(async (_, services) =>
        {
            var users = services.GetRequiredService<UserManager<User>>();
            return (await users.GenerateNewTwoFactorRecoveryCodesAsync((await users.FindByEmailAsync(email))!, 10))!.ToList();
        });

    private Task<Guid> UserIdAsync(string email) =>
        app.WithDbAsync((db, _) => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    /// <summary>Signs in with the password and lands on the code page.</summary>
    private static async Task<IHtmlDocument> PasswordStepAsync(HttpClient browser, string email)
    {
        var login = await Html.GetAsync(browser, "/Accounts/Login");
        var response = await Html.SubmitAsync(browser, login, "main form", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = TrajetApp.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Accounts/LoginWithCode", response.Headers.Location!.OriginalString);
        return await Html.GetAsync(browser, response.Headers.Location.OriginalString);
    }

    private HttpClient BearerClient(TrajetApp.TokenResponse? token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    /// <summary>A six-digit code that is not the right one (nor, with overwhelming likelihood, one of the neighbouring steps).</summary>
    private static string WrongCode(string? right) => right == "000000" ? "000001" : "000000";
}

public sealed class TwoFactorTestsOnSqlite(SqliteApp app) : TwoFactorTests(app), IClassFixture<SqliteApp>;

public sealed class TwoFactorTestsOnPostgres(PostgresApp app) : TwoFactorTests(app), IClassFixture<PostgresApp>;
