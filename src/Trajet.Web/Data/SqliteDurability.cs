using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Trajet.Web.Data;

/// <summary>
/// <c>synchronous=FULL</c> on every SQLite connection (the setting is per connection, not stored in the file).
/// In WAL mode NORMAL already keeps every acknowledged commit when the process is killed; FULL also
/// keeps it through a power cut or an OS crash, for one fsync of the WAL per commit — cheap at Trajet's write rate.
/// </summary>
public sealed class SqliteDurability : DbConnectionInterceptor
{
    public const string Pragma = "PRAGMA synchronous=FULL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
