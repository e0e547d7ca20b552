using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Trajet.Web.Features.Outreach;

/// <summary>
/// Every save that adds, changes or deletes contacts or outcomes moves the dashboard's tallies in its transaction (the
/// caller's or one begun here), whatever the code path: the delta is read from the tracked changes before the save
/// and written, as atomic increments, once the rows are saved. A write that bypasses the tracker (ExecuteUpdate,
/// ExecuteDelete, raw SQL) on these tables must call <see cref="OutreachTallies.RebuildSql"/> or move them itself.
/// </summary>
public sealed class KeepOutreachTallies : SaveChangesInterceptor
{
    private sealed record Pending(IDbContextTransaction? Owned, OutreachTallies.Delta Delta);

    private readonly ConditionalWeakTable<DbContext, Pending> pending = new();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        var db = eventData.Context!;
        // A save refused by a concurrency token may end without SaveChangesFailed: its delta is counted afresh now.
        if (Take(db) is { } refused)
        {
            await FinishAsync(refused);
        }
        var delta = OutreachTallies.Collect(db.ChangeTracker);
        if (delta.IsEmpty)
        {
            return result;
        }
        // The audit rule, after this one, then finds a transaction and keeps EF's savepoints as they are.
        var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        pending.AddOrUpdate(db, new Pending(owned, delta));
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        var db = eventData.Context!;
        if (Take(db) is { } state)
        {
            try
            {
                await ApplyAsync(db, state.Delta, cancellationToken);
                if (state.Owned is not null)
                {
                    await state.Owned.CommitAsync(cancellationToken);
                }
            }
            finally
            {
                await FinishAsync(state);
            }
        }
        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Take(eventData.Context!) is { } state)
        {
            await FinishAsync(state);
        }
    }

    public override async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Take(eventData.Context!) is { } state)
        {
            await FinishAsync(state);
        }
    }

    private Pending? Take(DbContext context) =>
        pending.TryGetValue(context, out var state) && pending.Remove(context) ? state : null;

    // An owned transaction not committed by now is rolled back.
    private static async Task FinishAsync(Pending state)
    {
        if (state.Owned is not null)
        {
            await state.Owned.DisposeAsync();
        }
    }

    private const int RowsPerStatement = 300;

    private sealed record Counted(string Grain, DateOnly Period, string Dimension, string Key, Guid PersonId, Guid ProgrammeId, int Contacts);

    /// <summary>
    /// Writes a delta: each person row is an upsert that adds to the stored count and answers the new one (a count that
    /// reached the delta was zero: a new person in the bucket; one that reached zero: a person gone, its row deleted), then each bucket
    /// adds its contacts, anonymous contacts and people. Rows go in key order, so that two writers lock them in the same order.
    /// </summary>
    public static async Task ApplyAsync(DbContext db, OutreachTallies.Delta delta, CancellationToken ct)
    {
        var known = new Dictionary<OutreachTallies.Bucket, int>();
        var people = InKeyOrder(delta.People.Where(p => p.Value != 0), p => p.Key.Bucket).ThenBy(p => p.Key.PersonId).ToList();
        foreach (var chunk in people.Chunk(RowsPerStatement))
        {
            var (values, args) = Values(chunk.Select(p => new object[] { p.Key.Bucket.ProgrammeId, p.Key.Bucket.Grain, p.Key.Bucket.Period, p.Key.Bucket.Dimension, p.Key.Bucket.Key, p.Key.PersonId, p.Value }));
            var sql = $"""
                INSERT INTO "OutreachPersonTallies" ("ProgrammeId", "Grain", "Period", "Dimension", "Key", "PersonId", "Contacts") VALUES {values}
                ON CONFLICT ("ProgrammeId", "Grain", "Period", "Dimension", "Key", "PersonId") DO UPDATE SET "Contacts" = "OutreachPersonTallies"."Contacts" + excluded."Contacts"
                RETURNING "ProgrammeId", "Grain", "Period", "Dimension", "Key", "PersonId", "Contacts"
                """;
            var counted = await db.Database.SqlQueryRaw<Counted>(sql, args).ToListAsync(ct);
            foreach (var row in counted)
            {
                var bucket = new OutreachTallies.Bucket(row.ProgrammeId, row.Grain, row.Period, row.Dimension, row.Key);
                var added = delta.People[(bucket, row.PersonId)];
                var move = added > 0 && row.Contacts == added ? 1 : added < 0 && row.Contacts == 0 ? -1 : 0;
                known[bucket] = known.GetValueOrDefault(bucket) + move;
            }
            // A person no longer in a bucket leaves no row: a range's distinct people read the keys alone.
            var gone = counted.Where(r => r.Contacts == 0).ToList();
            if (gone.Count > 0)
            {
                var (keys, keyArgs) = Values(gone.Select(r => new object[] { r.ProgrammeId, r.Grain, r.Period, r.Dimension, r.Key, r.PersonId }));
                var delete = $"""
                    DELETE FROM "OutreachPersonTallies" WHERE "Contacts" = 0
                    AND ("ProgrammeId", "Grain", "Period", "Dimension", "Key", "PersonId") IN (VALUES {keys})
                    """;
                await db.Database.ExecuteSqlRawAsync(delete, keyArgs, ct);
            }
        }
        var buckets = InKeyOrder(delta.Counts.Keys.Union(known.Keys)
            .Select(b => (Bucket: b, Counts: delta.Counts.GetValueOrDefault(b), Known: known.GetValueOrDefault(b)))
            .Where(b => b.Counts != (0, 0) || b.Known != 0), b => b.Bucket).ToList();
        foreach (var chunk in buckets.Chunk(RowsPerStatement))
        {
            var (values, args) = Values(chunk.Select(b => new object[] { b.Bucket.ProgrammeId, b.Bucket.Grain, b.Bucket.Period, b.Bucket.Dimension, b.Bucket.Key, b.Counts.Contacts, b.Counts.Anonymous, b.Known }));
            var sql = $"""
                INSERT INTO "OutreachTallies" ("ProgrammeId", "Grain", "Period", "Dimension", "Key", "Contacts", "Anonymous", "Known") VALUES {values}
                ON CONFLICT ("ProgrammeId", "Grain", "Period", "Dimension", "Key") DO UPDATE SET "Contacts" = "OutreachTallies"."Contacts" + excluded."Contacts",
                "Anonymous" = "OutreachTallies"."Anonymous" + excluded."Anonymous", "Known" = "OutreachTallies"."Known" + excluded."Known"
                """;
            await db.Database.ExecuteSqlRawAsync(sql, args, ct);
        }
    }

    // The tables' key order: two writers that lock rows in it cannot wait on each other.
    private static IOrderedEnumerable<T> InKeyOrder<T>(IEnumerable<T> rows, Func<T, OutreachTallies.Bucket> bucket) =>
        rows.OrderBy(r => bucket(r).ProgrammeId).ThenBy(r => bucket(r).Grain, StringComparer.Ordinal).ThenBy(r => bucket(r).Period)
            .ThenBy(r => bucket(r).Dimension, StringComparer.Ordinal).ThenBy(r => bucket(r).Key, StringComparer.Ordinal);

    // "({0}, {1}), ({2}, {3})" and its arguments: EF makes each a parameter typed as the model stores it.
    private static (string Values, object[] Args) Values(IEnumerable<object[]> rows)
    {
        var sql = new StringBuilder();
        var args = new List<object>();
        foreach (var row in rows)
        {
            sql.Append(sql.Length == 0 ? "(" : ", (");
            sql.AppendJoin(", ", row.Select((_, i) => "{" + (args.Count + i).ToString(CultureInfo.InvariantCulture) + "}"));
            sql.Append(')');
            args.AddRange(row);
        }
        return (sql.ToString(), args.ToArray());
    }
}
