using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Data;
using Trajet.Web.Features.Reminders;

namespace Trajet.Tests.Features.Reminders;

/// <summary>
/// The app with a real mail server beside it, and a clock the test may set (the digest waits for each person's hour).
/// Given a connection string, it shares that database with another instance.
/// </summary>
public class ReminderApp(DatabaseProvider provider, MailServer mail, string? connectionString = null, IDictionary<string, string?>? extra = null)
    : TrajetApp(provider, new Dictionary<string, string?>(mail.Settings().Concat(extra ?? new Dictionary<string, string?>())), connectionString)
{
    public MailServer Mail { get; } = mail;
    public SettableClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>What the daily job does when it runs: <c>send-reminders</c> does the same, whatever the hour.</summary>
    public async Task<(int Written, MailOutbox.Outcome Sent)> SendAsync(bool whateverTheHour = true)
    {
        await using var scope = Services.CreateAsyncScope();
        return await SendReminders.RunAsync(scope.ServiceProvider, whateverTheHour, CancellationToken.None);
    }

    public sealed class SettableClock : TimeProvider
    {
        private DateTimeOffset? fixedAt;

        public override DateTimeOffset GetUtcNow() => fixedAt ?? DateTimeOffset.UtcNow;

        public void Set(DateTimeOffset at) => fixedAt = at;

        public void Reset() => fixedAt = null;
    }
}

/// <summary>One mail server and one app per test class and provider.</summary>
public abstract class MailedAppFixture(DatabaseProvider provider) : IAsyncLifetime
{
    public ReminderApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = new ReminderApp(provider, await MailServer.StartAsync());
        await App.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await App.Mail.DisposeAsync();
    }
}

public sealed class SqliteMailedApp() : MailedAppFixture(DatabaseProvider.Sqlite);

public sealed class PostgresMailedApp() : MailedAppFixture(DatabaseProvider.Postgres);
