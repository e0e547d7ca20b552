using Microsoft.AspNetCore.DataProtection;

namespace Trajet.Web.Features.Documents;

/// <summary>
/// Uploaded files in <c>Documents:Path</c> on this machine, outside the web root, one file per document named by its
/// key, each encrypted whole. The store of a single instance (the default on SQLite).
/// </summary>
public sealed class FileDocumentStore(DocumentStorage storage, IDataProtectionProvider protection) : DocumentStore(storage)
{
    /// <summary>Data Protection's payload header: files without it were stored in clear by an earlier version.</summary>
    private static readonly byte[] ProtectedHeader = [0x09, 0xF0, 0xC9, 0xF0];

    private readonly IDataProtector protector = protection.CreateProtector(Purpose);

    public string Folder => Storage.Folder;

    public override bool DeletesInTransaction => false;

    public string PathOf(string key) => Path.Combine(Folder, Checked(key));

    public override async Task<string> SaveAsync(Stream content, CancellationToken ct)
    {
        var key = NewKey();
        Directory.CreateDirectory(Folder);
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

    public override async Task<Stream> OpenReadAsync(string key, CancellationToken ct)
    {
        var stored = await File.ReadAllBytesAsync(PathOf(key), ct);
        return new MemoryStream(stored.AsSpan().StartsWith(ProtectedHeader) ? protector.Unprotect(stored) : stored, writable: false);
    }

    public override Task<bool> ExistsAsync(string key, CancellationToken ct) => Task.FromResult(File.Exists(PathOf(key)));

    public override Task<HashSet<string>> StoredAsync(IReadOnlyCollection<string> keys, CancellationToken ct) =>
        Task.FromResult(keys.Where(k => File.Exists(PathOf(k))).ToHashSet(StringComparer.Ordinal));

    public override Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        foreach (var key in keys)
        {
            File.Delete(PathOf(key));
        }
        return Task.CompletedTask;
    }

    /// <summary>The keys of the files in the folder (none when it does not exist).</summary>
    public IEnumerable<string> Keys() =>
        Directory.Exists(Folder) ? Directory.EnumerateFiles(Folder).Select(Path.GetFileName).Where(n => n is not null && IsKey(n)).Select(n => n!) : [];
}
