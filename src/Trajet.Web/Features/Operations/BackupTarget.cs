using Microsoft.Data.Sqlite;
using Trajet.Web.Features.Documents;

namespace Trajet.Web.Features.Operations;

/// <summary>
/// What a backup holds and a restore replaces, read from the same configuration as the app. With the documents in the
/// database (<c>Documents:Store=Database</c>) the database's copy holds them, and the documents folder is left alone.
/// </summary>
public sealed record BackupTarget(DatabaseProvider Provider, string ConnectionString, string KeysPath, string DocumentsPath, string? PostgresBin,
    bool DocumentsInDatabase = false)
{
    public const string DefaultKeysPath = "data/keys";

    public static BackupTarget From(IConfiguration configuration)
    {
        var provider = DatabaseSetup.ProviderOf(configuration);
        var connectionString = configuration.GetConnectionString("Trajet");
        if (provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("Database:Provider=Postgres needs ConnectionStrings:Trajet.");
        }
        var documents = DocumentStorage.From(configuration);
        return new BackupTarget(
            provider,
            connectionString ?? DatabaseSetup.DefaultSqlite,
            Path.GetFullPath(KeyRing.FolderOf(configuration)),
            documents.Folder,
            configuration["Backups:PostgresBin"],
            documents.Store == DocumentStoreKind.Database);
    }

    /// <summary>The SQLite file, as an absolute path (relative paths are the app's working directory).</summary>
    public string SqliteFile
    {
        get
        {
            var source = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
            if (string.IsNullOrEmpty(source) || source == ":memory:" || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException("Backups need a SQLite database in a file (ConnectionStrings:Trajet = \"Data Source=<path>\").");
            }
            return Path.GetFullPath(source);
        }
    }

    /// <summary>A connection of its own to a SQLite file: no pool, so that the file is released when it closes.</summary>
    public static SqliteConnection OpenSqlite(string file, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false, DefaultTimeout = 1 }.ConnectionString);
        connection.Open();
        return connection;
    }

    /// <summary>The migrations this version of Trajet knows, oldest first.</summary>
    public IReadOnlyList<string> KnownMigrations()
    {
        using TrajetDbContext db = Provider == DatabaseProvider.Postgres
            ? new PostgresTrajetDbContext(new DbContextOptionsBuilder<PostgresTrajetDbContext>().UseNpgsql("Host=localhost").Options)
            : new SqliteTrajetDbContext(new DbContextOptionsBuilder<SqliteTrajetDbContext>().UseSqlite("Data Source=:memory:").Options);
        return [.. db.Database.GetMigrations()];
    }
}
