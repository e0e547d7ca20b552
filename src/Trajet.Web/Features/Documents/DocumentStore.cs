namespace Trajet.Web.Features.Documents;

/// <summary>
/// Uploaded files on disk, outside the web root, under random names: the client's file name never
/// reaches the file system, and nothing is served except through the documents API.
/// </summary>
public sealed class DocumentStore
{
    public const long DefaultMaxFileBytes = 10 * 1024 * 1024;

    public DocumentStore(IConfiguration configuration)
    {
        Folder = FolderOf(configuration);
        MaxFileBytes = configuration.GetValue("Documents:MaxFileBytes", DefaultMaxFileBytes);
        Directory.CreateDirectory(Folder);
    }

    /// <summary><c>Documents:Path</c> as an absolute path (relative to the working directory).</summary>
    public static string FolderOf(IConfiguration configuration) => Path.GetFullPath(configuration["Documents:Path"] ?? "data/documents");

    public string Folder { get; }
    public long MaxFileBytes { get; }

    /// <summary>Room for the other fields of the form around the file.</summary>
    public long MaxRequestBytes => MaxFileBytes + (64 * 1024);

    public string PathOf(string key) =>
        key.Length == 32 && key.All(char.IsAsciiHexDigitLower) ? Path.Combine(Folder, key) : throw new ArgumentException("Not a document key.", nameof(key));

    /// <summary>Writes the content under a new random name and returns that name.</summary>
    public async Task<string> SaveAsync(Stream content, CancellationToken ct)
    {
        var key = Guid.NewGuid().ToString("N");
        var path = PathOf(key);
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            await content.CopyToAsync(file, ct);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
        return key;
    }

    public Stream OpenRead(string key) => new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

    public void Delete(string key) => File.Delete(PathOf(key));
}
