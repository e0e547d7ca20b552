using Npgsql;

namespace Trajet.Web.Data;

/// <summary>
/// On PostgreSQL, start-up (migrations, start-up tasks, roles, the first administrator, the demo, the first key) runs
/// under one advisory lock: instances started at once take turns, and each later one finds the work done.
/// </summary>
public sealed class StartupLock : IAsyncDisposable
{
    // "Trajet" in ASCII: any fixed number no other application on the server uses.
    private const long Key = 0x54_72_61_6A_65_74;

    private readonly NpgsqlConnection? connection;

    private StartupLock(NpgsqlConnection? connection) => this.connection = connection;

    public static async Task<StartupLock> TakeAsync(TrajetDbContext db, CancellationToken ct = default)
    {
        if (!db.Database.IsNpgsql())
        {
            return new(null);
        }
        // Its own unpooled connection: a session lock must not stay with a pooled connection after it is handed back.
        // TCP keepalive: a connection that sits idle through a long migration is not dropped by a firewall (and the lock with it).
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString())
        {
            Pooling = false,
            TcpKeepAlive = true,
            TcpKeepAliveTime = 30,
            TcpKeepAliveInterval = 10,
        }.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using var take = new NpgsqlCommand($"SELECT pg_advisory_lock({Key})", connection) { CommandTimeout = 0 };
            await take.ExecuteNonQueryAsync(ct);
            return new(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (connection is not null)
        {
            // Closing the session ends the lock too; unlocking first says so to a reader of the code and of the logs.
            try
            {
                await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({Key})", connection);
                await release.ExecuteNonQueryAsync();
            }
            catch (NpgsqlException)
            {
                // The session is gone, and the lock with it; an error here must not hide the start-up's own.
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }
}
