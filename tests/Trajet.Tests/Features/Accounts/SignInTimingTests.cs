using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Data;
using Trajet.Web.Features.Accounts;

namespace Trajet.Tests.Features.Accounts;

/// <summary>
/// Whether an e-mail has an account must not show in how long a refused sign-in takes. Time itself is not asserted
/// (it belongs to the benchmark): the work is. Every refused password costs exactly one password check, the same
/// hasher's, whether the account exists, is disabled or is locked.
/// </summary>
public sealed class SignInTimingTests(SignInTimingTests.CountingApp app) : IClassFixture<SignInTimingTests.CountingApp>
{
    public sealed class CountingHasher : IPasswordHasher<User>
    {
        private readonly PasswordHasher<User> inner = new();
        private int verified;

        public int Verified => Volatile.Read(ref verified);

        public string HashPassword(User user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(User user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref verified);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    public sealed class CountingApp() : TrajetApp(DatabaseProvider.Sqlite)
    {
        public CountingHasher Hasher { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.AddSingleton<IPasswordHasher<User>>(Hasher));
        }
    }

    public enum Account { Unknown, WrongPassword, Disabled, Locked }

    [Theory]
    [InlineData(Account.Unknown, "api")]
    [InlineData(Account.WrongPassword, "api")]
    [InlineData(Account.Disabled, "api")]
    [InlineData(Account.Locked, "api")]
    [InlineData(Account.Unknown, "page")]
    [InlineData(Account.WrongPassword, "page")]
    [InlineData(Account.Disabled, "page")]
    [InlineData(Account.Locked, "page")]
    public async Task RefusedSignIn_CostsOnePasswordCheck(Account account, string via)
    {
        var email = await EmailAsync(account);
        using var client = app.BrowserClient();
        var login = via == "page" ? await Html.GetAsync(client, "/Accounts/Login") : null;
        var before = app.Hasher.Verified;

        using var response = login is null
            ? await app.PostLoginAsync(new { email, password = "Wrong-Passw0rd!" })
            : await Html.SubmitAsync(client, login, "main form", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = "Wrong-Passw0rd!" });

        // The API's 401, or the form again with its message.
        Assert.Equal(login is null ? HttpStatusCode.Unauthorized : HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, app.Hasher.Verified - before);
    }

    private async Task<string> EmailAsync(Account account)
    {
        if (account == Account.Unknown)
        {
            return $"nobody-{Guid.NewGuid():N}@test.example";
        }
        var email = await app.CreateUserAsync(Roles.CaseManager);
        await app.WithDbAsync(async (db, _) =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            user.IsActive = account != Account.Disabled;
            user.LockoutEnd = account == Account.Locked ? DateTimeOffset.UtcNow.AddMinutes(15) : null;
            return await db.SaveChangesAsync();
        });
        return email;
    }
}
