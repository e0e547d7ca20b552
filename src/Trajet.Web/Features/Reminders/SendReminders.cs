using Trajet.Web.Infrastructure.Jobs;

namespace Trajet.Web.Features.Reminders;

/// <summary>The day's reminders: write the digests and escalations due, then send what waits in the outbox.</summary>
public static class SendReminders
{
    public const string Command = "send-reminders";

    public static IServiceCollection AddTrajetReminders(this IServiceCollection services) =>
        services.AddScoped<ComposeReminders>().AddScoped<MailOutbox>().AddSingleton<IScheduledJob, ReminderJob>();

    public static async Task<(int Written, MailOutbox.Outcome Sent)> RunAsync(IServiceProvider services, bool whateverTheHour, CancellationToken ct)
    {
        var written = await services.GetRequiredService<ComposeReminders>().RunAsync(whateverTheHour, ct);
        return (written, await services.GetRequiredService<MailOutbox>().SendDueAsync(ct));
    }

    /// <summary>
    /// <c>send-reminders</c>: what the job sends today, for everyone whatever their hour, then exits. 0 when every send
    /// succeeded (or nothing was due), 1 when one failed: it stays in the outbox for the job to try again.
    /// </summary>
    public static async Task<int> RunCommandAsync(IServiceProvider app)
    {
        await using var scope = app.CreateAsyncScope();
        if (!SmtpSettings.Read(scope.ServiceProvider.GetRequiredService<IConfiguration>()).IsConfigured)
        {
            await Console.Out.WriteLineAsync("No mail server is configured (Smtp:Host, Smtp:From): nothing was sent.");
            return 0;
        }
        var (written, sent) = await RunAsync(scope.ServiceProvider, whateverTheHour: true, CancellationToken.None);
        await Console.Out.WriteLineAsync($"Reminders: {written} written, {sent.Sent} sent, {sent.Failed} failed.");
        return sent.Failed == 0 ? 0 : 1;
    }
}

/// <summary>Every five minutes: the digests of those whose hour has come, and the outbox's sends and retries.</summary>
public sealed class ReminderJob : IScheduledJob
{
    public string Name => "reminders";
    public TimeSpan Every => TimeSpan.FromMinutes(5);

    /// <summary>Sent and given-up mails are kept this long (their keys keep a day's run from sending twice), then removed.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(30);

    public async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        await SendReminders.RunAsync(services, whateverTheHour: false, ct);
        var before = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime - KeptFor;
        await services.GetRequiredService<TrajetDbContext>().OutgoingMails
            .Where(m => (m.Status == MailStatus.Sent || m.Status == MailStatus.Abandoned) && m.NextAttemptAt < before)
            .ExecuteDeleteAsync(ct);
    }
}
