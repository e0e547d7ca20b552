namespace Trajet.Web.Features.Reminders;

/// <summary>For administrators: whether a mail server is configured, and how the outbox stands.</summary>
[Authorize(Roles = Roles.Administrator)]
public sealed class MailModel(TrajetDbContext db, IConfiguration config, TimeProvider clock) : PageModel
{
    public sealed record Failure(string Key, int Attempts, DateTime NextAttemptAt, string? Error);

    public SmtpSettings Smtp { get; private set; } = null!;
    public int Waiting { get; private set; }
    public int SentLastDay { get; private set; }
    public int Abandoned { get; private set; }
    public IReadOnlyList<Failure> Failures { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Smtp = SmtpSettings.Read(config);
        var dayAgo = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        var counts = await db.OutgoingMails.GroupBy(m => m.Status)
            .Select(g => new { Status = g.Key, All = g.Count(), LastDay = g.Count(m => m.SentAt >= dayAgo) }).ToListAsync(ct);
        Waiting = counts.Where(c => c.Status is MailStatus.Pending or MailStatus.Sending or MailStatus.Failed).Sum(c => c.All);
        SentLastDay = counts.Where(c => c.Status == MailStatus.Sent).Sum(c => c.LastDay);
        Abandoned = counts.Where(c => c.Status == MailStatus.Abandoned).Sum(c => c.All);
        Failures = await db.OutgoingMails.Where(m => m.Status == MailStatus.Failed || m.Status == MailStatus.Abandoned)
            .OrderByDescending(m => m.NextAttemptAt).Take(20)
            .Select(m => new Failure(m.Key, m.Attempts, m.NextAttemptAt, m.LastError)).ToListAsync(ct);
    }
}
