using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Features.Accounts;

namespace Trajet.Tests.Features.Accounts;

public abstract class SignInTests(TrajetApp app)
{
    [Fact]
    public async Task Login_WithRightPassword_GivesBearerTokenThatOpensApiMe()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var email = await app.CreateUserAsync(Roles.CaseManager, organisation, programme);

        var response = await app.LoginAsync(email);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = await response.Content.ReadFromJsonAsync<TrajetApp.TokenResponse>();
        Assert.Equal("Bearer", token!.TokenType);
        Assert.False(string.IsNullOrEmpty(token.RefreshToken));

        using var client = await app.ApiClientAsync(email);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/me");
        Assert.Equal(email, me.GetProperty("email").GetString());
        Assert.Equal(organisation.Id, me.GetProperty("organisation").GetProperty("id").GetGuid());
        Assert.Equal(organisation.Name, me.GetProperty("organisation").GetProperty("name").GetString());
        Assert.Equal([Roles.CaseManager], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal([programme.Slug], me.GetProperty("programmes").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Login_WithWrongPassword_Returns401()
    {
        var email = await app.CreateUserAsync(Roles.Administrator);

        var response = await app.LoginAsync(email, "Wrong-Passw0rd!");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Login_AfterFiveFailures_IsLockedOutEvenWithRightPassword()
    {
        var email = await app.CreateUserAsync(Roles.Administrator);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await app.LoginAsync(email, "Wrong-Passw0rd!")).StatusCode);
        }

        var response = await app.LoginAsync(email);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("LockedOut", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ApiMe_WithoutToken_Returns401ProblemNotARedirect()
    {
        using var client = app.BrowserClient();

        var response = await client.GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ApiMe_WithDisabledAccount_Returns401()
    {
        var email = await app.CreateUserAsync(Roles.Administrator);
        using var client = await app.ApiClientAsync(email);
        // Read once, so that the account is among the few seconds' cache (UserContextCache): disabling empties it.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);
        await app.WithDbAsync(async (db, _) =>
        {
            var user = db.Users.Single(u => u.Email == email);
            user.IsActive = false;
            return await db.SaveChangesAsync();
        });

        var response = await client.GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Register_IsClosed_Returns404()
    {
        using var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/auth/register", new { email = "someone@test.example", password = TrajetApp.Password });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(await app.WithDbAsync((db, _) => Task.FromResult(db.Users.Any(u => u.Email == "someone@test.example"))));
    }

    [Fact]
    public async Task UnknownApiRoute_Returns404Problem()
    {
        var email = await app.CreateUserAsync(Roles.Administrator);
        using var client = await app.ApiClientAsync(email);

        var response = await client.GetAsync("/api/does-not-exist");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Health_WithDatabase_Returns200()
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}

public sealed class SignInTestsOnSqlite(SqliteApp app) : SignInTests(app), IClassFixture<SqliteApp>;

public sealed class SignInTestsOnPostgres(PostgresApp app) : SignInTests(app), IClassFixture<PostgresApp>;
