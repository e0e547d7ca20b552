using System.Formats.Tar;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Trajet.Web.Features.Operations;

/// <summary>
/// A consistent backup while Trajet keeps running: SQLite's online backup API (a snapshot; writers go on
/// in WAL mode) or pg_dump (one transaction's snapshot), then the document files (unless the database holds the
/// documents) and the keys.
/// </summary>
public static class TakeBackup
{
    public static async Task<BackupOutcome> ExecuteAsync(BackupTarget target, string file, bool withKeys, CancellationToken ct)
    {
        file = Path.GetFullPath(file);
        if (File.Exists(file) || Directory.Exists(file))
        {
            return new(false, $"{file} already exists: choose a new name.");
        }
        var folder = Path.GetDirectoryName(file)!;
        Directory.CreateDirectory(folder);
        var staging = Directory.CreateDirectory(Path.Combine(folder, $".{Path.GetFileName(file)}.{Guid.NewGuid():N}.tmp")).FullName;
        var partial = staging + ".tar";
        try
        {
            var database = Path.Combine(staging, BackupArchive.DatabaseName(target.Provider));
            var (migrations, failure) = target.Provider == DatabaseProvider.Postgres
                ? await DumpPostgresAsync(target, database, withKeys, ct)
                : CopySqlite(target, database);
            if (failure is not null)
            {
                return new(false, failure);
            }

            // After the database: every file its rows name was written before the row, so it is there too.
            var documents = !target.DocumentsInDatabase && Directory.Exists(target.DocumentsPath)
                ? Directory.GetFiles(target.DocumentsPath).Where(f => BackupArchive.IsDocumentName(Path.GetFileName(f))).Order().ToList()
                : [];
            // PostgreSQL: the keys are in the dump.
            var keys = withKeys && target.Provider == DatabaseProvider.Sqlite && Directory.Exists(target.KeysPath)
                ? Directory.GetFiles(target.KeysPath).Where(f => BackupArchive.IsKeyName(Path.GetFileName(f))).Order().ToList()
                : [];
            var manifest = new BackupArchive.Manifest(BackupArchive.Format, target.Provider, TimeProvider.System.GetUtcNow(), migrations, documents.Count, withKeys);

            await using (var stream = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await using (var tar = new TarWriter(stream, TarEntryFormat.Pax, leaveOpen: true))
                {
                    var entry = new PaxTarEntry(TarEntryType.RegularFile, BackupArchive.ManifestName) { DataStream = new MemoryStream(BackupArchive.Serialize(manifest)) };
                    await tar.WriteEntryAsync(entry, ct);
                    await tar.WriteEntryAsync(database, BackupArchive.DatabaseName(target.Provider), ct);
                    foreach (var document in documents)
                    {
                        await AddIfStillThereAsync(tar, document, BackupArchive.DocumentsFolder + Path.GetFileName(document), ct);
                    }
                    foreach (var key in keys)
                    {
                        await tar.WriteEntryAsync(key, BackupArchive.KeysFolder + Path.GetFileName(key), ct);
                    }
                }
                stream.Flush(flushToDisk: true);
            }
            File.Move(partial, file);
            return new(true, $"Backup written to {file}: the {target.Provider} database, " + (target.DocumentsInDatabase ? "the documents in it" : $"{documents.Count} document file(s)") +
                (!withKeys ? ", without the keys: keep a copy of the keys separately."
                : target.Provider == DatabaseProvider.Postgres ? ", with the keys in the database. It holds the keys: keep it as safe as the keys themselves."
                : $" and {keys.Count} key file(s). It holds the keys: keep it as safe as the keys themselves."));
        }
        finally
        {
            File.Delete(partial);
            Directory.Delete(staging, recursive: true);
        }
    }

    // A document whose row failed to save is deleted again by RecordDocument: not an error.
    private static async Task AddIfStillThereAsync(TarWriter tar, string path, string name, CancellationToken ct)
    {
        try
        {
            await tar.WriteEntryAsync(path, name, ct);
        }
        catch (FileNotFoundException)
        {
        }
    }

    private static (IReadOnlyList<string> Migrations, string? Failure) CopySqlite(BackupTarget target, string destination)
    {
        var source = target.SqliteFile;
        if (!File.Exists(source))
        {
            return ([], $"There is no database at {source}: check ConnectionStrings:Trajet.");
        }
        using (var from = BackupTarget.OpenSqlite(source, SqliteOpenMode.ReadWrite))
        using (var to = BackupTarget.OpenSqlite(destination, SqliteOpenMode.ReadWriteCreate))
        {
            from.BackupDatabase(to);
            // The copy carries the source's WAL flag: a self-contained file is easier to keep and check.
            Execute(to, "PRAGMA journal_mode=DELETE;");
        }
        using var copy = BackupTarget.OpenSqlite(destination, SqliteOpenMode.ReadOnly);
        var migrations = SqliteMigrations(copy);
        if (migrations.Count == 0)
        {
            return ([], $"{source} is not a Trajet database.");
        }
        var check = Execute(copy, "PRAGMA integrity_check;");
        return check == "ok" ? (migrations, null) : ([], $"The copy of {source} fails SQLite's integrity check: {check}");
    }

    public static List<string> SqliteMigrations(SqliteConnection connection)
    {
        if (Execute(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory';") != "1")
        {
            return [];
        }
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId;";
        using var reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }
        return ids;
    }

    public static string? Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<(IReadOnlyList<string> Migrations, string? Failure)> DumpPostgresAsync(BackupTarget target, string destination, bool withKeys, CancellationToken ct)
    {
        var pgDump = PostgresTools.Find("pg_dump", target.PostgresBin);
        if (pgDump is null)
        {
            return ([], "pg_dump was not found: install PostgreSQL's client tools (Debian: postgresql-client) or set Backups:PostgresBin.");
        }
        List<string> migrations;
        await using (var db = new PostgresTrajetDbContext(new DbContextOptionsBuilder<PostgresTrajetDbContext>().UseNpgsql(target.ConnectionString).Options))
        {
            try
            {
                migrations = [.. await db.Database.GetAppliedMigrationsAsync(ct)];
            }
            catch (NpgsqlException e)
            {
                return ([], $"Cannot read the database: {e.Message}");
            }
        }
        if (migrations.Count == 0)
        {
            return ([], "The configured PostgreSQL database is not a Trajet database.");
        }
        // On PostgreSQL the keys are rows of the database (Infrastructure/KeyRing.cs): left out, the table comes back empty.
        string[] arguments = ["--format=custom", "--no-password", $"--file={destination}", .. withKeys ? Array.Empty<string>() : ["--exclude-table-data=\"DataProtectionKeys\""]];
        var run = await PostgresTools.RunAsync(pgDump, target.ConnectionString, arguments, ct);
        return run.ExitCode == 0 ? (migrations, null) : ([], $"pg_dump failed ({run.ExitCode}): {run.Errors.Trim()}");
    }
}
