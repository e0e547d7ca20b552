namespace Trajet.Web.Features.Documents;

public enum DocumentStoreKind { Files, Database }

/// <summary>
/// Where uploaded files are kept and how large they may be: <c>Documents:Store</c> (<c>Database</c> by default on
/// PostgreSQL, so that every instance reads what another received; <c>Files</c> on SQLite), <c>Documents:Path</c>
/// and <c>Documents:MaxFileBytes</c>.
/// </summary>
public sealed record DocumentStorage(DocumentStoreKind Store, string Folder, long MaxFileBytes)
{
    /// <summary>Room for the other fields of the form around the file.</summary>
    public long MaxRequestBytes => MaxFileBytes + (64 * 1024);

    public static DocumentStorage From(IConfiguration configuration)
    {
        var store = configuration["Documents:Store"] switch
        {
            null or "" => DatabaseSetup.ProviderOf(configuration) == DatabaseProvider.Postgres ? DocumentStoreKind.Database : DocumentStoreKind.Files,
            var text when Enum.TryParse<DocumentStoreKind>(text, ignoreCase: true, out var kind) && Enum.IsDefined(kind) => kind,
            _ => throw new InvalidOperationException("Documents:Store must be Files or Database."),
        };
        return new(store, FolderOf(configuration), configuration.GetValue("Documents:MaxFileBytes", DocumentStore.DefaultMaxFileBytes));
    }

    /// <summary><c>Documents:Path</c> as an absolute path (relative to the working directory).</summary>
    private static string FolderOf(IConfiguration configuration) => Path.GetFullPath(configuration["Documents:Path"] ?? "data/documents");
}

/// <summary>
/// The content of uploaded files, under random keys: the client's file name is never used to store it, and nothing
/// is served except through the documents API. Content is encrypted with the Data Protection keys (kept apart from it),
/// so a copy of the folder or of the database alone reveals nothing. Two stores: <see cref="FileDocumentStore"/> (a
/// folder on this machine) and <see cref="DatabaseDocumentStore"/> (the database, shared by every instance).
/// </summary>
public abstract class DocumentStore(DocumentStorage storage)
{
    public const long DefaultMaxFileBytes = 10 * 1024 * 1024;

    /// <summary>Both stores encrypt under this purpose, so that the key ring protects files wherever they are kept.</summary>
    protected const string Purpose = "Trajet.Documents.v1";

    public DocumentStorage Storage => storage;
    public long MaxFileBytes => storage.MaxFileBytes;
    public long MaxRequestBytes => storage.MaxRequestBytes;

    /// <summary>
    /// Whether the content is deleted in the transaction that deletes its rows (the database), rather than once that
    /// transaction has committed (files, which a rollback cannot bring back).
    /// </summary>
    public abstract bool DeletesInTransaction { get; }

    /// <summary>Stores the content under a new random key and returns the key.</summary>
    public abstract Task<string> SaveAsync(Stream content, CancellationToken ct);

    /// <summary>The content, decrypted as it is read; <see cref="FileNotFoundException"/> when it is not there.</summary>
    public abstract Task<Stream> OpenReadAsync(string key, CancellationToken ct);

    /// <summary>Whether the content is still there (a restore without the documents folder leaves rows without files).</summary>
    public abstract Task<bool> ExistsAsync(string key, CancellationToken ct);

    /// <summary>Those of <paramref name="keys"/> whose content is there.</summary>
    public abstract Task<HashSet<string>> StoredAsync(IReadOnlyCollection<string> keys, CancellationToken ct);

    public abstract Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken ct);

    public static string NewKey() => Guid.NewGuid().ToString("N");

    public static bool IsKey(string key) => key.Length == 32 && key.All(char.IsAsciiHexDigitLower);

    protected static string Checked(string key) => IsKey(key) ? key : throw new ArgumentException("Not a document key.", nameof(key));
}
