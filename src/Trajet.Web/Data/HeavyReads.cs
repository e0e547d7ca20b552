using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Trajet.Web.Data;

/// <summary>
/// The database the heavy reads use: the evaluation report, the outreach dashboard, the organisation export and the
/// calendar feed. The read-only connection (<c>ConnectionStrings:TrajetReadOnly</c>, a PostgreSQL streaming standby)
/// when it is set on PostgreSQL, else the request's own context on the primary (always on SQLite). Their access checks and
/// whatever they write (the audit trail) stay on the primary: only the figures and rows they read come from here.
/// </summary>
public sealed class HeavyReads(TrajetDbContext db, TrajetDbContext? primary = null)
{
    public TrajetDbContext Db => db;

    /// <summary>
    /// Whether the read-only database has replayed every write the primary had committed when asked, waiting up to
    /// <paramref name="wait"/> for it (at once on the primary itself): what is read then may be kept.
    /// </summary>
    public async Task<bool> CaughtUpAsync(TimeSpan wait, CancellationToken ct)
    {
        if (primary is null)
        {
            return true;
        }
        var written = await primary.Database.SqlQuery<string>($"SELECT pg_current_wal_lsn()::text AS \"Value\"").SingleAsync(ct);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await db.Database.SqlQuery<bool>(
            $"SELECT NOT pg_is_in_recovery() OR COALESCE(pg_last_wal_replay_lsn() >= {written}::pg_lsn, false) AS \"Value\"").SingleAsync(ct))
        {
            if (waited.Elapsed >= wait)
            {
                return false;
            }
            // Replay usually follows within milliseconds; the real clock, not the app's, which tests may stop.
            await Task.Delay(TimeSpan.FromMilliseconds(10), ct);
        }
        return true;
    }
}

/// <summary>
/// The same model as the primary's context, read through the read-only connection without tracking. It has the keys
/// (<see cref="ConfidentialText"/>), so notes read through it decrypt; it never saves.
/// </summary>
public sealed class ReadOnlyTrajetDbContext(DbContextOptions<ReadOnlyTrajetDbContext> options, ConfidentialText? confidential = null)
    : TrajetDbContext(options, confidential)
{
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("The read-only database (ConnectionStrings:TrajetReadOnly) is never written: save through TrajetDbContext.");
}

/// <summary>The read-only database does not answer: the heavy read fails (503) rather than quietly loading the primary.</summary>
public sealed class ReadOnlyDatabaseUnavailableException(Exception inner)
    : Exception("The read-only database (ConnectionStrings:TrajetReadOnly) does not answer.", inner);

/// <summary>
/// Turns a connection that fails, or a query cut off by the standby (shut down, restarting, a conflict with recovery),
/// into <see cref="ReadOnlyDatabaseUnavailableException"/>, logged once here; a mistake in a query stays an error of its own.
/// </summary>
public sealed class ReadOnlyDatabaseFailures : IDbConnectionInterceptor, IDbCommandInterceptor
{
    public static readonly ReadOnlyDatabaseFailures Instance = new();

    public void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData) =>
        throw Unavailable(eventData.Context, eventData.Exception);

    public Task ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken cancellationToken = default) =>
        throw Unavailable(eventData.Context, eventData.Exception);

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData)
    {
        if (eventData.Exception is NpgsqlException { IsTransient: true })
        {
            throw Unavailable(eventData.Context, eventData.Exception);
        }
    }

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        CommandFailed(command, eventData);
        return Task.CompletedTask;
    }

    private static ReadOnlyDatabaseUnavailableException Unavailable(DbContext? context, Exception exception)
    {
        context?.AppService<ILogger<ReadOnlyTrajetDbContext>>()?.LogError(exception,
            "The read-only database (ConnectionStrings:TrajetReadOnly) does not answer: reports, the outreach dashboard, exports and calendar feeds fail until it does.");
        return new ReadOnlyDatabaseUnavailableException(exception);
    }
}
