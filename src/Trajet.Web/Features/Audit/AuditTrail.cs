using System.Text.Json;
using System.Threading.Channels;

namespace Trajet.Web.Features.Audit;

/// <summary>
/// Writes the entries that are not changes (reads, exports, sign-ins), each in a database context of its
/// own so that nothing else the request has pending is saved with it.
/// </summary>
public sealed class AuditTrail(IServiceScopeFactory scopes) : IAsyncDisposable
{
    public async Task RecordAsync(AuditDraft draft)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrajetDbContext>();
        db.QueueAudit(draft);
        // Not cancelled when the caller goes away: the entry is written once the thing is done.
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>
    /// A read or an export of a case or of something in it; nothing when the id is not a case's. Completes once
    /// the entry is committed. Reads arriving together share one transaction (group commit): the chain has one
    /// writer at a time, so 64 readers each taking the chain's lock in turn would queue behind each other.
    /// </summary>
    public Task CaseAccessAsync(UserContext user, Guid caseId, AuditAction action, string entityType, Guid entityId, string? path)
    {
        var read = new PendingRead(caseId, new AuditDraft(action, entityType, entityId.ToString(), caseId, null, Details(new { path }), Actor(user)));
        if (!reads.Writer.TryWrite(read))
        {
            throw new InvalidOperationException("The audit trail is shutting down.");
        }
        EnsureWriter();
        return read.Written.Task;
    }

    private sealed record PendingRead(Guid CaseId, AuditDraft Draft)
    {
        public TaskCompletionSource Written { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private const int MaxReadsPerTransaction = 256;
    private readonly Channel<PendingRead> reads = Channel.CreateUnbounded<PendingRead>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock writerLock = new();
    private Task? writer;

    // Supervised: a writer that ended while reads still arrive is started again, so no audited GET waits forever.
    private void EnsureWriter()
    {
        lock (writerLock)
        {
            if (writer is null || writer.IsCompleted)
            {
                writer = Task.Run(WriteReadsAsync);
            }
        }
    }

    private async Task WriteReadsAsync()
    {
        var batch = new List<PendingRead>(MaxReadsPerTransaction);
        while (await reads.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxReadsPerTransaction && reads.Reader.TryRead(out var read))
            {
                batch.Add(read);
            }
            try
            {
                await WriteAsync(batch);
                batch.ForEach(r => r.Written.TrySetResult());
            }
            catch (Exception e)
            {
                batch.ForEach(r => r.Written.TrySetException(e));
            }
            batch.Clear();
        }
    }

    private async Task WriteAsync(List<PendingRead> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrajetDbContext>();
        var organisations = await AuditChanges.CaseOrganisationsAsync(db, batch.Select(r => r.CaseId).Distinct().ToList(), CancellationToken.None);
        foreach (var read in batch)
        {
            // An administrator editing a user or an organisation has an {id} too: not a case, not a case read.
            if (organisations.TryGetValue(read.CaseId, out var organisation))
            {
                db.QueueAudit(read.Draft with { OrganisationId = organisation });
            }
        }
        await db.SaveChangesAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        reads.Writer.TryComplete();
        if (writer is not null)
        {
            await writer;
        }
    }

    public Task SignInAsync(User user, string via) =>
        RecordAsync(new AuditDraft(AuditAction.SignIn, "User", user.Id.ToString(), null, user.OrganisationId,
            Details(new { via }), new AuditActor(user.Id, user.Email, user.OrganisationId)));

    /// <summary>A refused sign-in: the account if the e-mail is known, else only what was typed (never the password).</summary>
    public Task SignInFailedAsync(string? typedEmail, User? user, string reason, string via) =>
        RecordAsync(new AuditDraft(AuditAction.SignInFailed, "User", user?.Id.ToString(), null, user?.OrganisationId,
            Details(new { via, reason }), new AuditActor(user?.Id, Truncate(user?.Email ?? typedEmail), user?.OrganisationId)));

    public Task SignOutAsync(User user) =>
        RecordAsync(new AuditDraft(AuditAction.SignOut, "User", user.Id.ToString(), null, user.OrganisationId,
            null, new AuditActor(user.Id, user.Email, user.OrganisationId)));

    /// <summary>An export that belongs to no single case (a report); the acting user is the signed-in one.</summary>
    public async Task ExportAsync(UserContext user, string entityType, string entityId, Guid? organisationId, object details) =>
        await RecordAsync(new AuditDraft(AuditAction.Export, entityType, entityId, null, organisationId, Details(details), Actor(user)));

    public static AuditActor Actor(UserContext user) => new(user.Id, user.Email, user.OrganisationId);

    public static string Details(object value) => JsonSerializer.Serialize(value, JsonSerializerOptions.Web);

    private static string? Truncate(string? text) => text is { Length: > 256 } ? text[..256] : text;
}
