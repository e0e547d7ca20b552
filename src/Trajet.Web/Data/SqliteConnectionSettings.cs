using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Trajet.Web.Data;

/// <summary>
/// Settings SQLite keeps per connection, not in the file, set on every connection:
/// <c>synchronous=FULL</c>: in WAL mode NORMAL already keeps every acknowledged commit when the process is killed; FULL
/// also keeps it through a power cut or an OS crash, for one fsync of the WAL per commit — cheap at Trajet's write rate.
/// <c>cache_size</c> of 16 MB instead of 2: a search for a common name reads a few thousand pages scattered over the
/// people and cases tables, which 2 MB does not hold (BENCHMARKS.md, issue #27). Pooled connections keep their cache.
/// </summary>
public sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    public const string Pragmas = "PRAGMA synchronous=FULL; PRAGMA cache_size=-16384;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
