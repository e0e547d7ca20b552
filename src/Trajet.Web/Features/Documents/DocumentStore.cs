using Microsoft.AspNetCore.DataProtection;

namespace Trajet.Web.Features.Documents;

/// <summary>
/// Uploaded files on disk, outside the web root, under random names: the client's file name never
/// reaches the file system, and nothing is served except through the documents API. Files are encrypted
/// with the Data Protection keys (kept apart from the files), so a copy of the folder alone reveals nothing.
/// </summary>
public sealed class DocumentStore
{
    public const long DefaultMaxFileBytes = 10 * 1024 * 1024;

    /// <summary>Data Protection's payload header: files without it were stored in clear by an earlier version.</summary>
    private static readonly byte[] ProtectedHeader = [0x09, 0xF0, 0xC9, 0xF0];

    private readonly IDataProtector protector;

    public DocumentStore(IConfiguration configuration, IDataProtectionProvider protection)
    {
        protector = protection.CreateProtector("Trajet.Documents.v1");
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
            using var plain = new MemoryStream();
            await content.CopyToAsync(plain, ct);
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            await file.WriteAsync(protector.Protect(plain.ToArray()), ct);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
        return key;
    }

    public async Task<Stream> OpenReadAsync(string key, CancellationToken ct)
    {
        var stored = await File.ReadAllBytesAsync(PathOf(key), ct);
        return new MemoryStream(stored.AsSpan().StartsWith(ProtectedHeader) ? protector.Unprotect(stored) : stored, writable: false);
    }

    /// <summary>Whether the file is still there (a restore without the documents folder leaves rows without files).</summary>
    public bool Exists(string key) => File.Exists(PathOf(key));

    public void Delete(string key) => File.Delete(PathOf(key));
}
