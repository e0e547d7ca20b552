using Microsoft.EntityFrameworkCore.Storage;

namespace Trajet.Web.Features.Audit;

/// <summary>Appends entries to the hash chain inside the transaction of the change they describe (<see cref="AuditVerification"/> checks it).</summary>
public static class AuditChain
{
    // pg_advisory_xact_lock key: one chain, one lock, released at commit or rollback.
    private const long ChainLock = 20261122000013;

    /// <summary>Gives the drafts their sequence numbers and hashes after the chain's head, and adds them to the context.</summary>
    public static async Task<List<AuditEntry>> AppendAsync(TrajetDbContext db, IReadOnlyList<AuditDraft> drafts, AuditActor actor, DateTime now, CancellationToken ct)
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
    /// Takes the chain's lock and reads its head in one round trip (no write can be saved while the lock is held). Two
    /// statements: the head's takes its snapshot once the lock is granted, so it sees the previous holder's entries; a
    /// serializable caller that raced another writer fails on the duplicate sequence and retries (docs/security.md).
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
