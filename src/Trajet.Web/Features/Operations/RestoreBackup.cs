using System.Formats.Tar;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Trajet.Web.Features.Operations;

/// <summary>
/// Puts a backup back: the database (SQLite: checked, then swapped in by one rename; PostgreSQL:
/// pg_restore in one transaction), the document files (the folder swapped; left alone when the database holds the
/// documents and the backup has no files), and the keys (added).
/// Trajet must be stopped; on SQLite a running instance (<see cref="SqliteInstanceLock"/>, or any open
/// connection) is detected and the restore refused.
/// </summary>
public static class RestoreBackup
{
    public static async Task<BackupOutcome> ExecuteAsync(BackupTarget target, string file, CancellationToken ct)
    {
        file = Path.GetFullPath(file);
        if (!File.Exists(file))
        {
            return new(false, $"There is no file {file}.");
        }
        // Held to the end: no instance of Trajet starts on the SQLite database while it is being replaced.
        using var instance = target.Provider == DatabaseProvider.Sqlite ? SqliteInstanceLock.TryExclusive(target.SqliteFile) : null;
        if (target.Provider == DatabaseProvider.Sqlite && instance is null)
        {
            return new(false, InUse(target.SqliteFile));
        }
        var work = new Staging(target);
        try
        {
            // Everything is unpacked and checked before anything is replaced.
            var (manifest, refusal) = await UnpackAsync(file, target, work, ct);
            refusal ??= manifest is null ? NotABackup(file) : null;
            refusal ??= target.Provider == DatabaseProvider.Sqlite ? CheckSqlite(work.Database, target) : await CheckPostgresAsync(work.Database, manifest!, target, ct);
            if (refusal is not null)
            {
                return new(false, refusal);
            }

            var failure = target.Provider == DatabaseProvider.Sqlite ? SwapSqlite(work.Database, target) : await RestorePostgresAsync(work.Database, target, ct);
            if (failure is not null)
            {
                return new(false, failure);
            }
            // A backup taken with the files on disk brings them back even to the database store: the next start moves them in.
            var files = !target.DocumentsInDatabase || manifest!.Documents > 0;
            if (files)
            {
                SwapDocuments(work.Documents, target.DocumentsPath);
            }
            var keys = AddKeys(work.Keys, target.KeysPath);
            return new(true, $"Restored the backup of {manifest!.CreatedAt:yyyy-MM-dd HH:mm} UTC: the {target.Provider} database, " +
                (files ? $"{manifest.Documents} document file(s)" : "the documents in it") +
                (target.Provider == DatabaseProvider.Postgres
                    ? (manifest.Keys ? " with its keys; the keys the database held before were kept too." : "; it holds no keys: the keys the database held were kept.")
                    : manifest.Keys ? $" and {keys} key file(s)." : "; it holds no keys: the keys folder was left as it is."));
        }
        finally
        {
            work.Clean();
        }
    }

    /// <summary>Temporary places next to each destination, so that the final moves are renames on one file system.</summary>
    private sealed class Staging(BackupTarget target)
    {
        private readonly string id = Guid.NewGuid().ToString("N");

        public string Database => target.Provider == DatabaseProvider.Sqlite
            ? Beside(target.SqliteFile, "restore-" + id)
            : Path.Combine(Path.GetTempPath(), $"trajet-restore-{id}.pgdump");
        public string Documents => Beside(target.DocumentsPath, "restore-" + id);
        public string Keys => Beside(target.KeysPath, "restore-" + id);

        private string Beside(string path, string what) => Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{what}-{id}");

        public void Clean()
        {
            File.Delete(Database);
            foreach (var folder in new[] { Documents, Keys }.Where(Directory.Exists))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static string NotABackup(string file) => $"{file} is not a Trajet backup.";

    private static async Task<(BackupArchive.Manifest? Manifest, string? Refusal)> UnpackAsync(string file, BackupTarget target, Staging work, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(work.Database)!);
        Directory.CreateDirectory(work.Documents);
        await using var stream = File.OpenRead(file);
        BackupArchive.Manifest? manifest = null;
        var hasDatabase = false;
        try
        {
            await using var tar = new TarReader(stream);
            while (await tar.GetNextEntryAsync(copyData: false, ct) is { } entry)
            {
                if (!BackupArchive.IsFile(entry) || entry.DataStream is null)
                {
                    return (null, NotABackup(file));
                }
                var name = entry.Name;
                if (manifest is null)
                {
                    manifest = name == BackupArchive.ManifestName ? BackupArchive.Deserialize(entry.DataStream) : null;
                    if (manifest is null || manifest.Format != BackupArchive.Format)
                    {
                        return (null, NotABackup(file));
                    }
                    if (manifest.Provider != target.Provider)
                    {
                        return (null, $"This is a backup of a {manifest.Provider} database, but Database:Provider is {target.Provider}.");
                    }
                    continue;
                }
                string destination;
                if (name == BackupArchive.DatabaseName(target.Provider) && !hasDatabase)
                {
                    destination = work.Database;
                    hasDatabase = true;
                }
                else if (name.StartsWith(BackupArchive.DocumentsFolder, StringComparison.Ordinal) && BackupArchive.IsDocumentName(name[BackupArchive.DocumentsFolder.Length..]))
                {
                    destination = Path.Combine(work.Documents, name[BackupArchive.DocumentsFolder.Length..]);
                }
                else if (name.StartsWith(BackupArchive.KeysFolder, StringComparison.Ordinal) && BackupArchive.IsKeyName(name[BackupArchive.KeysFolder.Length..]))
                {
                    Directory.CreateDirectory(work.Keys);
                    destination = Path.Combine(work.Keys, name[BackupArchive.KeysFolder.Length..]);
                }
                else
                {
                    return (null, NotABackup(file));
                }
                await using var output = new FileStream(destination, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
                await entry.DataStream.CopyToAsync(output, ct);
                output.Flush(flushToDisk: true);
            }
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException)
        {
            return (null, NotABackup(file));
        }
        return hasDatabase ? (manifest, null) : (null, NotABackup(file));
    }

    private static string? CheckSqlite(string database, BackupTarget target)
    {
        try
        {
            using var connection = BackupTarget.OpenSqlite(database, SqliteOpenMode.ReadOnly);
            var check = TakeBackup.Execute(connection, "PRAGMA integrity_check;");
            if (check != "ok")
            {
                return $"The database in the backup is damaged: {check}";
            }
            return CheckMigrations(TakeBackup.SqliteMigrations(connection), target);
        }
        catch (SqliteException e)
        {
            return $"The database in the backup cannot be read: {e.Message}";
        }
    }

    private static string? CheckMigrations(IReadOnlyList<string> migrations, BackupTarget target)
    {
        if (migrations.Count == 0)
        {
            return "The database in the backup is not a Trajet database.";
        }
        var unknown = migrations.Except(target.KnownMigrations()).ToList();
        return unknown.Count == 0 ? null : $"The backup comes from a newer version of Trajet (it has {unknown[^1]}): update Trajet first.";
    }

    /// <summary>Stops if anything holds the database open, then replaces the file in one rename.</summary>
    private static string? SwapSqlite(string restored, BackupTarget target)
    {
        var live = target.SqliteFile;
        if (File.Exists(live))
        {
            try
            {
                // Leaving WAL mode needs the only connection: it fails while Trajet (or anything else) has the file open.
                using var connection = BackupTarget.OpenSqlite(live, SqliteOpenMode.ReadWrite);
                if (TakeBackup.Execute(connection, "PRAGMA journal_mode=DELETE;") != "delete")
                {
                    return InUse(live);
                }
            }
            catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6) // busy, locked
            {
                return InUse(live);
            }
            catch (SqliteException)
            {
                // The current file is damaged: that may be why it is being restored.
            }
        }
        // No WAL or shared-memory file of the old database may be applied to the new one.
        File.Delete(live + "-wal");
        File.Delete(live + "-shm");
        File.Delete(live + "-journal");
        File.Move(restored, live, overwrite: true);
        return null;
    }

    private static string InUse(string live) => $"{live} is in use: stop Trajet before restoring.";

    private static async Task<string?> CheckPostgresAsync(string dump, BackupArchive.Manifest manifest, BackupTarget target, CancellationToken ct)
    {
        if (CheckMigrations(manifest.Migrations, target) is { } newer)
        {
            return newer;
        }
        var pgRestore = PostgresTools.Find("pg_restore", target.PostgresBin);
        if (pgRestore is null)
        {
            return "pg_restore was not found: install PostgreSQL's client tools (Debian: postgresql-client) or set Backups:PostgresBin.";
        }
        var list = await PostgresTools.RunAsync(pgRestore, target.ConnectionString, ["--list", dump], ct);
        if (list.ExitCode != 0 || !list.Output.Contains("TABLE public __EFMigrationsHistory", StringComparison.Ordinal))
        {
            return "The database in the backup is not a Trajet database.";
        }
        // pg_restore --clean drops only what the dump holds: tables of later migrations would stay and break the next start.
        await using var db = new PostgresTrajetDbContext(new DbContextOptionsBuilder<PostgresTrajetDbContext>().UseNpgsql(target.ConnectionString).Options);
        List<string> later;
        try
        {
            later = [.. (await db.Database.GetAppliedMigrationsAsync(ct)).Except(manifest.Migrations)];
        }
        catch (Npgsql.NpgsqlException e)
        {
            return $"Cannot reach the database to restore into (create it first if it does not exist): {e.Message}";
        }
        return later.Count == 0 ? null : $"The database has been upgraded since this backup (it has {later[^1]}): restore it into an empty database.";
    }

    private static async Task<string?> RestorePostgresAsync(string dump, BackupTarget target, CancellationToken ct)
    {
        var pgRestore = PostgresTools.Find("pg_restore", target.PostgresBin)!;
        var database = PostgresTools.ConnectionVariables(target.ConnectionString)["PGDATABASE"];
        var keys = await KeysAsync(target, ct);
        // Also kept as files in the keys folder until they are back in the database: if this command stops between the two,
        // the next start of Trajet copies them in (KeyRing.PrepareAsync) and nothing they protect is lost.
        var safety = await WriteKeyFilesAsync(keys, target.KeysPath, ct);
        // One transaction: a restore that fails leaves the database as it was.
        var run = await PostgresTools.RunAsync(pgRestore, target.ConnectionString,
            ["--clean", "--if-exists", "--single-transaction", "--exit-on-error", "--no-owner", "--no-privileges", "--no-password", $"--dbname={database}", dump], ct);
        if (run.ExitCode == 0)
        {
            await AddKeysAsync(target, keys, CancellationToken.None);
        }
        foreach (var file in safety)
        {
            File.Delete(file);
        }
        return run.ExitCode == 0 ? null : $"pg_restore failed ({run.ExitCode}); the database is unchanged: {run.Errors.Trim()}";
    }

    private static async Task<List<string>> WriteKeyFilesAsync(List<DataProtectionKey> keys, string folder, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        foreach (var key in keys.Where(k => k.FriendlyName is { } name && BackupArchive.IsKeyName(name + ".xml")))
        {
            var file = Path.Combine(folder, key.FriendlyName + ".xml");
            if (!File.Exists(file))
            {
                await File.WriteAllTextAsync(file, key.Xml, ct);
                written.Add(file);
            }
        }
        return written;
    }

    /// <summary>The keys in the database before the restore (none in an empty one, or before the keys moved there).</summary>
    private static async Task<List<DataProtectionKey>> KeysAsync(BackupTarget target, CancellationToken ct)
    {
        await using var db = KeyRingOf(target);
        try
        {
            return await db.DataProtectionKeys.AsNoTracking().ToListAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return [];
        }
    }

    /// <summary>As with key files, keys are only added: one made since the backup may protect something that still matters.</summary>
    private static async Task AddKeysAsync(BackupTarget target, List<DataProtectionKey> keys, CancellationToken ct)
    {
        await using var db = KeyRingOf(target);
        var xml = keys.Where(k => k.FriendlyName is not null).ToDictionary(k => k.FriendlyName!, k => k.Xml, StringComparer.Ordinal);
        await KeyRing.AddMissingAsync(db, xml.Keys, name => Task.FromResult(xml[name]), ct);
    }

    private static KeyRingDbContext KeyRingOf(BackupTarget target) =>
        new(new DbContextOptionsBuilder<KeyRingDbContext>().UseNpgsql(target.ConnectionString).Options);

    private static void SwapDocuments(string restored, string live)
    {
        var old = Path.Combine(Path.GetDirectoryName(live)!, $".{Path.GetFileName(live)}.replaced-{Guid.NewGuid():N}");
        if (Directory.Exists(live))
        {
            Directory.Move(live, old);
        }
        Directory.Move(restored, live);
        if (Directory.Exists(old))
        {
            Directory.Delete(old, recursive: true);
        }
    }

    /// <summary>Keys are only added: a key made since the backup may protect something that still matters.</summary>
    private static int AddKeys(string restored, string live)
    {
        if (!Directory.Exists(restored))
        {
            return 0;
        }
        Directory.CreateDirectory(live);
        var keys = Directory.GetFiles(restored);
        foreach (var key in keys)
        {
            File.Move(key, Path.Combine(live, Path.GetFileName(key)), overwrite: true);
        }
        return keys.Length;
    }
}
