using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Trajet.Web.Infrastructure;

/// <summary>
/// A cache of this process that any instance's save can make stale (accounts, case counts). A save empties it here and,
/// on PostgreSQL, tells the other instances through <c>NOTIFY</c> (<see cref="CacheSignals"/>); while that channel is
/// not listening, nothing kept is trusted.
/// </summary>
public abstract class SharedCache(IConfiguration configuration)
{
    private int generation;
    // On PostgreSQL nothing is trusted until CacheSignals listens: another instance's change would go unheard.
    private volatile bool trusted = DatabaseSetup.ProviderOf(configuration) != DatabaseProvider.Postgres;

    /// <summary>The notification's payload that empties this cache.</summary>
    public abstract string Name { get; }

    /// <summary>Sent with <see cref="Name"/>: this instance has emptied itself already and ignores its own echo.</summary>
    public string Origin { get; } = Guid.NewGuid().ToString("N");

    protected abstract void Clear();

    public void Changed()
    {
        Interlocked.Increment(ref generation);
        Clear();
    }

    /// <summary>Read before loading: a value loaded while a change was being saved, or unheard, is not kept.</summary>
    public int Generation => trusted ? Volatile.Read(ref generation) : -1;

    /// <summary>Whether a value loaded at <paramref name="loadedAt"/> may be kept or served.</summary>
    protected bool IsCurrent(int loadedAt) => loadedAt >= 0 && loadedAt == Generation;

    internal void Trust(bool listening)
    {
        trusted = false;
        Changed();
        trusted = listening;
    }
}

/// <summary>
/// Empties a <see cref="SharedCache"/> once a save that touches what it depends on has been written, and again when the
/// transaction it was written in commits: a value read between the two would otherwise be kept as current.
/// </summary>
public abstract class EmptySharedCache<TCache>(Func<object, bool> concerns) : AfterSave(concerns), IDbTransactionInterceptor where TCache : SharedCache
{
    private readonly ConditionalWeakTable<DbContext, TCache> uncommitted = new();

    protected override async ValueTask SavedAsync(DbContext context, CancellationToken ct)
    {
        if (context.AppService<TCache>() is not { } cache)
        {
            return;
        }
        cache.Changed();
        if (context.Database.CurrentTransaction is not null)
        {
            uncommitted.AddOrUpdate(context, cache);
        }
        if (context.Database.IsNpgsql())
        {
            // Inside the caller's transaction it is delivered at commit, when the others can read the change.
            await context.Database.ExecuteSqlAsync($"SELECT pg_notify({CacheSignals.Channel}, {CacheSignals.Payload(cache)})", ct);
        }
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => ForgetUncommitted(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ForgetUncommitted(eventData.Context);
        return Task.CompletedTask;
    }

    private void Committed(DbContext? context)
    {
        if (context is not null && uncommitted.TryGetValue(context, out var cache))
        {
            uncommitted.Remove(context);
            cache.Changed();
        }
    }

    private void ForgetUncommitted(DbContext? context)
    {
        if (context is not null)
        {
            uncommitted.Remove(context);
        }
    }
}

/// <summary>
/// On PostgreSQL, listens for the other instances' changes on one channel and empties the caches they name. A lost
/// connection is noticed by a ping when the channel is quiet; until it listens again the caches serve nothing kept.
/// </summary>
public sealed class CacheSignals(IConfiguration configuration, IEnumerable<SharedCache> caches, TimeProvider clock, ILogger<CacheSignals> logger) : BackgroundService
{
    public const string Channel = "trajet_caches";
    public const string ApplicationName = "Trajet cache signals";

    private readonly Dictionary<string, SharedCache> byName = caches.ToDictionary(c => c.Name);

    public static string Payload(SharedCache cache) => $"{cache.Name}:{cache.Origin}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString("Trajet"))
        {
            Pooling = false,
            ApplicationName = ApplicationName,
        }.ConnectionString;
        var pause = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                connection.Notification += (_, e) => Evict(e.Payload);
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                TrustAll(true);
                pause = TimeSpan.FromSeconds(1);
                while (true)
                {
                    if (!await connection.WaitAsync(TimeSpan.FromSeconds(5), stoppingToken))
                    {
                        // Quiet for 5 s: a ping that must answer within 3 s tells a dropped connection from a quiet one.
                        await using var ping = new NpgsqlCommand("SELECT 1", connection) { CommandTimeout = 3 };
                        await ping.ExecuteNonQueryAsync(stoppingToken);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                TrustAll(false);
                logger.LogWarning(e, "Not listening for other instances' changes; retrying in {Pause}. Accounts are read from the database meanwhile.", pause);
                await Task.Delay(pause, clock, stoppingToken);
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
        }
    }

    private void Evict(string payload)
    {
        // Its own echo arrives after the commit that already emptied it, and would throw away what was read since.
        var name = payload.Split(':')[0];
        if (byName.TryGetValue(name, out var cache) && payload != Payload(cache))
        {
            cache.Changed();
        }
    }

    private void TrustAll(bool listening)
    {
        foreach (var cache in byName.Values)
        {
            cache.Trust(listening);
        }
    }
}

public static class SharedCaches
{
    public static IServiceCollection AddTrajetSharedCaches(this IServiceCollection services, IConfiguration configuration)
    {
        if (DatabaseSetup.ProviderOf(configuration) == DatabaseProvider.Postgres)
        {
            services.AddHostedService<CacheSignals>();
        }
        return services;
    }

    /// <summary>Registers a cache as itself and as a <see cref="SharedCache"/> that the signals empty.</summary>
    public static IServiceCollection AddSharedCache<TCache>(this IServiceCollection services) where TCache : SharedCache =>
        services.AddSingleton<TCache>().AddSingleton<SharedCache>(s => s.GetRequiredService<TCache>());
}
