using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Trajet.Web.Data;

namespace Trajet.Web.Features.Audit;

/// <summary>Appends entries to the hash chain inside the transaction of the change they describe (<see cref="AuditVerification"/> checks it).</summary>
public static class AuditChain
{
    // pg_advisory_xact_lock key: one chain, one lock, released at commit or rollback.
    private const long ChainLock = 20261122000013;

    /// <summary>
    /// Saves the changes and their audit entries in one transaction (the caller's, or one begun here):
    /// never a change without its entry, never an entry for a change rolled back.
    /// </summary>
    public static async Task<int> SaveWithEntriesAsync(TrajetDbContext db, IReadOnlyList<AuditDraft> drafts, AuditContext? context, Func<Task<int>> save, CancellationToken ct)
    {
        var actor = context is null ? AuditActor.System : await context.ActorAsync(ct);
        var now = (context?.Clock ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        await using var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var entries = await AppendAsync(db, drafts, actor, now, ct);
        // In a transaction of its own a failed save rolls back all of it: EF's savepoint would be two more round trips
        // on every write. A caller's transaction keeps it (the caller may retry within it).
        var savepoints = db.Database.AutoSavepointsEnabled;
        db.Database.AutoSavepointsEnabled = savepoints && owned is null;
        try
        {
            var count = await save();
            if (owned is not null)
            {
                await owned.CommitAsync(ct);
            }
            return count;
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = savepoints;
            // Saved or not, these entries are done with: a retry gets new sequence numbers.
            foreach (var entry in entries)
            {
                db.Entry(entry).State = EntityState.Detached;
            }
        }
    }

    private static async Task<List<AuditEntry>> AppendAsync(TrajetDbContext db, IReadOnlyList<AuditDraft> drafts, AuditActor actor, DateTime now, CancellationToken ct)
    {
        // Serialise appenders. SQLite: the transaction began IMMEDIATE, so this connection already holds the
        // only writer lock. PostgreSQL: a transaction-scoped advisory lock, taken before reading the head.
        var (sequence, previous) = db.Database.IsNpgsql() ? await LockedHeadAsync(db, ct) : await HeadAsync(db, ct);
        var at = AuditHash.Normalize(now);
        var entries = new List<AuditEntry>(drafts.Count);
        foreach (var draft in drafts)
        {
            var who = draft.Actor ?? actor;
            var entry = new AuditEntry
            {
                Sequence = ++sequence,
                At = at,
                ActorId = who.Id,
                ActorEmail = who.Email,
                ActorOrganisationId = who.OrganisationId,
                Action = draft.Action,
                EntityType = draft.EntityType,
                EntityId = draft.EntityId,
                CaseId = draft.CaseId,
                OrganisationId = draft.OrganisationId,
                Details = draft.Details,
                PreviousHash = previous,
            };
            entry.Hash = previous = AuditHash.Compute(entry);
            entries.Add(entry);
        }
        db.AuditEntries.AddRange(entries);
        return entries;
    }

    private static async Task<(long Sequence, string Hash)> HeadAsync(TrajetDbContext db, CancellationToken ct) =>
        await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct) is { } head ? (head.Sequence, head.Hash) : (0, AuditHash.Genesis);

    /// <summary>
    /// Takes the chain's lock and reads its head in one round trip: every round trip made while holding the lock is time
    /// in which no other write can be saved. Two statements, not one: the head's statement takes its snapshot only
    /// once the lock is granted (read committed takes one for each statement, and the server runs them in order), so it
    /// sees the entries of the writer that held the lock before. A serializable transaction (booking an appointment) reads
    /// with the snapshot it began with instead: should a concurrent writer have appended in between, the duplicate
    /// sequence fails the save as a serialization failure, which that caller retries.
    /// </summary>
    private static async Task<(long Sequence, string Hash)> LockedHeadAsync(TrajetDbContext db, CancellationToken ct)
    {
        await using var batch = db.Database.GetDbConnection().CreateBatch();
        batch.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        foreach (var sql in new[]
        {
            $"SELECT pg_advisory_xact_lock({ChainLock})",
            """SELECT "Sequence", "Hash" FROM "AuditEntries" ORDER BY "Sequence" DESC LIMIT 1""",
        })
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = sql;
            batch.BatchCommands.Add(command);
        }
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.NextResultAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetInt64(0), reader.GetString(1)) : (0, AuditHash.Genesis);
    }
}
