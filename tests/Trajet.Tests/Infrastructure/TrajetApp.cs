using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Trajet.Web.Data;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.Organisations;

namespace Trajet.Tests.Infrastructure;

/// <summary>
/// The real application over HTTP, on a database of its own: a fresh SQLite file, or a fresh
/// database on the PostgreSQL server named by TRAJET_TEST_POSTGRES (started by ./test). Given a
/// connection string, it uses that database and leaves it in place.
/// </summary>
public class TrajetApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Test-Passw0rd!";

    private readonly string folder = Directory.CreateTempSubdirectory("trajet-test-").FullName;
    private readonly Dictionary<string, string?> settings;
    private readonly bool ownsDatabase;

    public TrajetApp(DatabaseProvider provider, IDictionary<string, string?>? extra = null, string? connectionString = null)
    {
        Provider = provider;
        ownsDatabase = connectionString is null;
        ConnectionString = connectionString ?? (provider == DatabaseProvider.Postgres
            ? Postgres.NewDatabase()
            : $"Data Source={Path.Combine(folder, "trajet.db")}");
        settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:Trajet"] = ConnectionString,
            ["DataProtection:KeysPath"] = Path.Combine(folder, "keys"),
            ["Documents:Path"] = Path.Combine(folder, "documents"),
            ["Demo:Seed"] = "false",
            ["RateLimits:LoginPerMinute"] = "100000",
            ["RateLimits:LoginPerAccountPerMinute"] = "100000",
            // Tests run a job when they mean to (ScheduledJobs.RunIfDueAsync, send-reminders), not every minute.
            ["Jobs:Enabled"] = "false",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
    }

    public DatabaseProvider Provider { get; }
    /// <summary>Where this app keeps its Data Protection keys (notes, files and authenticator keys are encrypted with them).</summary>
    public string KeysPath => settings["DataProtection:KeysPath"]!;
    public string ConnectionString { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public Task InitializeAsync()
    {
        _ = Server; // starts the app: migrations run here
        return Task.CompletedTask;
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    public async Task<T> WithDbAsync<T>(Func<TrajetDbContext, IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TrajetDbContext>(), scope.ServiceProvider);
    }

    /// <summary>An organisation with one programme, unique to the calling test.</summary>
    public Task<(Organisation Organisation, Programme Programme)> CreateOrganisationAsync(OrganisationKind kind = OrganisationKind.Ngo, string country = "BE") =>
        WithDbAsync(async (db, _) =>
        {
            var suffix = Guid.NewGuid().ToString("N")[..10];
            var organisation = new Organisation { Name = $"Org {suffix}", Kind = kind, Country = country };
            var programme = new Programme { OrganisationId = organisation.Id, Slug = $"prog-{suffix}", Name = $"Programme {suffix}", Kind = ProgrammeKind.FamilyCaseManagement, CasePrefix = "T" };
            organisation.Programmes.Add(programme);
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            return (organisation, programme);
        });

    /// <summary>Admission criteria for the programme, in order; returns their ids.</summary>
    public Task<List<Guid>> AddCriteriaAsync(Programme programme, params string[] texts) =>
        WithDbAsync(async (db, _) =>
        {
            var criteria = texts.Select((t, i) => new Trajet.Web.Features.Cases.AdmissionCriterion { ProgrammeId = programme.Id, Position = i + 1, Text = t }).ToList();
            db.AdmissionCriteria.AddRange(criteria);
            await db.SaveChangesAsync();
            return criteria.Select(c => c.Id).ToList();
        });

    /// <summary>
    /// A user with a unique e-mail; returns the e-mail (the password is <see cref="Password"/>).
    /// Administrators and coordinators are enrolled in two-factor sign-in, as the application requires,
    /// unless <paramref name="twoFactor"/> says otherwise; the sign-in helpers then type the code.
    /// </summary>
    public Task<string> CreateUserAsync(string role, Organisation? organisation = null, Programme? programme = null, bool? twoFactor = null) =>
        WithDbAsync(async (_, services) =>
        {
            var users = services.GetRequiredService<UserManager<User>>();
            var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.example";
            var user = new User { UserName = email, Email = email, DisplayName = $"{role} {email[..6]}", OrganisationId = organisation?.Id };
            if (programme is not null)
            {
                user.Programmes.Add(new UserProgramme { UserId = user.Id, ProgrammeId = programme.Id });
            }
            var result = await users.CreateAsync(user, Password);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, role);
            if (twoFactor ?? TwoFactorPolicy.RequiredFor.Contains(role))
            {
                await users.ResetAuthenticatorKeyAsync(user);
                await users.SetTwoFactorEnabledAsync(user, true);
            }
            return email;
        });

    /// <summary>The code the user's authenticator app shows now; null when two-factor sign-in is off.</summary>
    public Task<string?> TwoFactorCodeAsync(string email) =>
        WithDbAsync(async (_, services) =>
        {
            var users = services.GetRequiredService<UserManager<User>>();
            var user = await users.FindByEmailAsync(email);
            return user is { TwoFactorEnabled: true } && await users.GetAuthenticatorKeyAsync(user) is { } key ? Totp.Code(key) : null;
        });

    /// <summary>Signs in to the API as the user would, typing the current code when two-factor sign-in is on.</summary>
    public async Task<HttpResponseMessage> LoginAsync(string email, string password = Password) =>
        await PostLoginAsync(await TwoFactorCodeAsync(email) is { } code
            ? new { email, password, twoFactorCode = code }
            : new { email, password });

    /// <summary>POST /api/auth/login with exactly this body.</summary>
    public async Task<HttpResponseMessage> PostLoginAsync(object body)
    {
        using var client = CreateClient();
        return await client.PostAsJsonAsync("/api/auth/login", body);
    }

    /// <summary>An HTTP client carrying the user's bearer token.</summary>
    public async Task<HttpClient> ApiClientAsync(string email, string password = Password)
    {
        var response = await LoginAsync(email, password);
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    /// <summary>A new user of the given role in a new organisation, signed in to the API.</summary>
    public async Task<(HttpClient Client, Organisation Organisation, Programme Programme)> NewUserClientAsync(string role)
    {
        var (organisation, programme) = await CreateOrganisationAsync();
        var email = await CreateUserAsync(role, organisation, programme);
        return (await ApiClientAsync(email), organisation, programme);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Provider == DatabaseProvider.Postgres && ownsDatabase)
        {
            Postgres.Drop(ConnectionString);
        }
        NpgsqlConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // a SQLite file still held by a pooled connection: the OS temp folder cleans it up
        }
        GC.SuppressFinalize(this);
    }

    public sealed record TokenResponse(string TokenType, string AccessToken, long ExpiresIn, string RefreshToken);
}

public sealed class SqliteApp() : TrajetApp(DatabaseProvider.Sqlite);

public sealed class PostgresApp() : TrajetApp(DatabaseProvider.Postgres);
