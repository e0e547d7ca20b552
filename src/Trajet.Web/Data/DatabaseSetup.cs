using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace Trajet.Web.Data;

public enum DatabaseProvider { Sqlite, Postgres }

public static class DatabaseSetup
{
    public const string DefaultSqlite = "Data Source=data/trajet.db";

    private static readonly SqliteConnectionSettings ConnectionSettings = new();

    /// <summary><c>Database:Provider</c>: Sqlite by default, or Postgres.</summary>
    public static DatabaseProvider ProviderOf(IConfiguration configuration) => configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite);

    /// <summary>
    /// Chooses the provider from <c>Database:Provider</c> (Sqlite by default, or Postgres); on PostgreSQL,
    /// <c>ConnectionStrings:TrajetReadOnly</c> (a streaming standby) serves the <see cref="HeavyReads"/>.
    /// </summary>
    public static IServiceCollection AddTrajetDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = ProviderOf(configuration);
        var connectionString = configuration.GetConnectionString("Trajet");
        services.AddSingleton<ConfidentialText>();

        if (provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException("Database:Provider=Postgres needs ConnectionStrings:Trajet.");
            }
            services.AddDbContext<TrajetDbContext, PostgresTrajetDbContext>(o => o.UseNpgsql(PostgresDefaults(connectionString)).ReplaceService<IModelCacheKeyFactory, ConfidentialModelCacheKeyFactory>());
            if (configuration.GetConnectionString("TrajetReadOnly") is var readOnly && !string.IsNullOrWhiteSpace(readOnly))
            {
                // Its own context type, so its own model (ConfidentialModelCacheKeyFactory), built with the same keys.
                services.AddDbContext<ReadOnlyTrajetDbContext>(o => o.UseNpgsql(PostgresDefaults(readOnly))
                    .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking).AddInterceptors(ReadOnlyDatabaseFailures.Instance)
                    .ReplaceService<IModelCacheKeyFactory, ConfidentialModelCacheKeyFactory>());
                services.AddScoped(s => new HeavyReads(s.GetRequiredService<ReadOnlyTrajetDbContext>(), s.GetRequiredService<TrajetDbContext>()));
            }
        }
        else
        {
            var sqlite = new SqliteConnectionStringBuilder(connectionString ?? DefaultSqlite);
            if (sqlite.DefaultTimeout < 30)
            {
                sqlite.DefaultTimeout = 30; // waits on a busy writer instead of failing at once
            }
            services.AddDbContext<TrajetDbContext, SqliteTrajetDbContext>(o => o.UseSqlite(sqlite.ConnectionString).AddInterceptors(ConnectionSettings)
                .ReplaceService<IModelCacheKeyFactory, ConfidentialModelCacheKeyFactory>());
            if (sqlite.DataSource is { Length: > 0 } file && file != ":memory:" && !sqlite.DataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
            {
                services.AddSingleton(_ => SqliteInstanceLock.Shared(Path.GetFullPath(file)));
            }
        }
        // Without a read-only connection (and always on SQLite, where it is ignored) the heavy reads use the primary.
        services.TryAddScoped(s => new HeavyReads(s.GetRequiredService<TrajetDbContext>()));
        return services;
    }

    /// <summary>
    /// Two pool settings that save most of a short request's round trips, unless the connection string sets them:
    /// no <c>DISCARD ALL</c> each time a context hands its connection back (Trajet keeps no session state: its one
    /// lock is transaction-scoped), and server-side prepared statements for the queries run most often.
    /// </summary>
    public static string PostgresDefaults(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 64;
        }
        return builder.ConnectionString;
    }

    /// <summary>Creates or upgrades the schema in place; never drops data.</summary>
    public static async Task MigrateAsync(TrajetDbContext db, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
        {
            var dataSource = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
            if (!string.IsNullOrEmpty(folder) && dataSource != ":memory:")
            {
                Directory.CreateDirectory(folder);
            }
        }

        await db.Database.MigrateAsync(cancellationToken);

        if (db.Database.IsSqlite())
        {
            // WAL: readers never block the writer, a backup can copy a snapshot while the app writes, and an
            // acknowledged commit survives a killed process (with synchronous=FULL, see SqliteConnectionSettings, a power cut too).
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            // Table statistics (bounded, as SQLite advises at start-up): without them the planner reads a
            // large caseload through the organisation index instead of the few ids a filter selects.
            await db.Database.ExecuteSqlRawAsync("PRAGMA optimize=0x10002;", cancellationToken);
        }
    }
}
