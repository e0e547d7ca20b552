using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Trajet.Web.Features.Audit;

/// <summary>
/// Every save writes the audit entries of its changes and queued reads in its transaction (the caller's or one begun
/// here): never a change without its entry, never an entry for a change rolled back.
/// </summary>
public sealed class AppendToAuditChain : SaveChangesInterceptor
{
    private sealed record Pending(IDbContextTransaction? Owned, bool Savepoints, List<AuditEntry> Entries);

    private readonly ConditionalWeakTable<DbContext, Pending> pending = new();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        var db = (TrajetDbContext)eventData.Context!;
        // A save refused by a concurrency token ends without SaveChangesFailed: its entries and transaction are still
        // here when the caller, having read the record again, saves once more. They are dropped before this save.
        if (Take(db) is { } refused)
        {
            await FinishAsync(db, refused);
        }
        var drafts = await AuditChanges.CollectAsync(db, cancellationToken);
        drafts.AddRange(db.TakeQueuedAudit());
        if (drafts.Count == 0)
        {
            return result;
        }
        var actor = db.Audit?.Actor ?? AuditActor.System;
        var now = (db.Audit?.Clock ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var entries = await AuditChain.AppendAsync(db, drafts, actor, now, cancellationToken);
            // In a transaction of its own a failed save rolls back all of it: EF's savepoint would be two more round trips
            // on every write. A caller's transaction keeps it (the caller may retry within it).
            var savepoints = db.Database.AutoSavepointsEnabled;
            db.Database.AutoSavepointsEnabled = savepoints && owned is null;
            pending.AddOrUpdate(db, new Pending(owned, savepoints, entries));
            return result;
        }
        catch
        {
            if (owned is not null)
            {
                await owned.DisposeAsync();
            }
            throw;
        }
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Take(eventData.Context!) is { } state)
        {
            try
            {
                if (state.Owned is not null)
                {
                    await state.Owned.CommitAsync(cancellationToken);
                }
            }
            finally
            {
                await FinishAsync(eventData.Context!, state);
            }
        }
        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        AbandonAsync(eventData.Context!);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) =>
        AbandonAsync(eventData.Context!);

    private async Task AbandonAsync(DbContext context)
    {
        if (Take(context) is { } state)
        {
            await FinishAsync(context, state);
        }
    }

    private Pending? Take(DbContext context) =>
        pending.TryGetValue(context, out var state) && pending.Remove(context) ? state : null;

    // Saved or not, these entries are done with: a retry gets new sequence numbers. An owned transaction not committed
    // by now is rolled back.
    private static async Task FinishAsync(DbContext db, Pending state)
    {
        db.Database.AutoSavepointsEnabled = state.Savepoints;
        foreach (var entry in state.Entries)
        {
            db.Entry(entry).State = EntityState.Detached;
        }
        if (state.Owned is not null)
        {
            await state.Owned.DisposeAsync();
        }
    }
}
