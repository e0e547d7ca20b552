using MailKit.Net.Smtp;
using MimeKit;

namespace Trajet.Web.Features.Reminders;

/// <summary>
/// Sends the mails waiting in <see cref="OutgoingMail"/>. Each is claimed first by one conditional update, so two
/// instances never send the same mail; a failure is kept with its error and tried again later, less and less often.
/// </summary>
public sealed class MailOutbox(TrajetDbContext db, IConfiguration config, TimeProvider clock, ILogger<MailOutbox> logger)
{
    /// <summary>A claim not settled within this time (the instance died mid-send) is tried again.</summary>
    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(10);

    public sealed record Outcome(int Sent, int Failed);

    /// <summary>The wait after the <paramref name="attempts"/>th failure: 5, 10, 20 minutes… at most six hours.</summary>
    public static TimeSpan RetryAfter(int attempts) => TimeSpan.FromMinutes(Math.Min(5 * Math.Pow(2, Math.Max(0, attempts - 1)), 360));

    public async Task<Outcome> SendDueAsync(CancellationToken ct)
    {
        var smtp = SmtpSettings.Read(config);
        if (!smtp.IsConfigured)
        {
            return new(0, 0);
        }
        var (sent, failed) = (0, 0);
        while (await ClaimAsync(50, ct) is { Count: > 0 } batch)
        {
            using var client = new SmtpClient();
            Exception? down = null;
            try
            {
                await client.ConnectAsync(smtp.Host!, smtp.Port, smtp.SocketOptions, ct);
                if (!string.IsNullOrEmpty(smtp.User))
                {
                    await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", ct);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                down = e;
            }
            foreach (var mail in batch)
            {
                var error = down;
                if (error is null)
                {
                    try
                    {
                        await client.SendAsync(Message(smtp, mail), ct);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        error = e;
                    }
                }
                Settle(mail, error);
                (sent, failed) = error is null ? (sent + 1, failed) : (sent, failed + 1);
            }
            await db.SaveChangesAsync(ct);
            if (client.IsConnected)
            {
                await client.DisconnectAsync(quit: true, ct);
            }
            if (down is not null)
            {
                break; // the server is down: the rest waits for the next run
            }
        }
        return new(sent, failed);
    }

    /// <summary>Waiting, failed and waiting again, or claimed by an instance that never settled it: and its time has come.</summary>
    private static System.Linq.Expressions.Expression<Func<OutgoingMail, bool>> DueAt(DateTime now) => m =>
        (m.Status == MailStatus.Pending || m.Status == MailStatus.Failed || m.Status == MailStatus.Sending) && m.NextAttemptAt <= now;

    private async Task<List<OutgoingMail>> ClaimAsync(int count, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var candidates = await db.OutgoingMails.AsNoTracking().Where(DueAt(now))
            .OrderBy(m => m.NextAttemptAt).Select(m => m.Id).Take(count).ToListAsync(ct);
        var claimed = new List<Guid>();
        foreach (var id in candidates)
        {
            // Moving the next attempt past now is the claim: another instance's update finds nothing due.
            var won = await db.OutgoingMails.Where(m => m.Id == id).Where(DueAt(now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MailStatus.Sending).SetProperty(m => m.NextAttemptAt, now + ClaimFor)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
            if (won == 1)
            {
                claimed.Add(id);
            }
        }
        return await db.OutgoingMails.Where(m => claimed.Contains(m.Id)).ToListAsync(ct);
    }

    private void Settle(OutgoingMail mail, Exception? error)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (error is null)
        {
            (mail.Status, mail.SentAt, mail.Text, mail.Html, mail.LastError) = (MailStatus.Sent, now, null, null, null);
            return;
        }
        // A server's refusal often quotes the recipient: the error is kept (and shown to administrators) without it.
        var message = string.IsNullOrEmpty(mail.To) ? error.Message : error.Message.Replace(mail.To, "[recipient]", StringComparison.OrdinalIgnoreCase);
        mail.LastError = message.Length > 1000 ? message[..1000] : message;
        if (mail.Attempts >= OutgoingMail.MaxAttempts)
        {
            (mail.Status, mail.Text, mail.Html) = (MailStatus.Abandoned, null, null);
            logger.LogError("Mail {Key} abandoned after {Attempts} attempts: {Error}", mail.Key, mail.Attempts, mail.LastError);
        }
        else
        {
            (mail.Status, mail.NextAttemptAt) = (MailStatus.Failed, now + RetryAfter(mail.Attempts));
            logger.LogWarning("Mail {Key} not sent (attempt {Attempts}), tried again at {Next:u}: {Error}", mail.Key, mail.Attempts, mail.NextAttemptAt, mail.LastError);
        }
    }

    private static MimeMessage Message(SmtpSettings smtp, OutgoingMail mail)
    {
        var message = new MimeMessage { Subject = mail.Subject };
        message.From.Add(MailboxAddress.Parse(smtp.From!));
        message.To.Add(MailboxAddress.Parse(mail.To));
        // The row's id as the message's: a mail sent twice after a crash reads as one in the recipient's mailbox.
        message.MessageId = $"{mail.Id:N}@trajet";
        message.Body = new BodyBuilder { TextBody = mail.Text, HtmlBody = mail.Html }.ToMessageBody();
        return message;
    }
}
