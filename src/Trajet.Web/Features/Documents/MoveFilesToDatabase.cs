using System.Data.Common;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Trajet.Web.Features.Documents;

/// <summary>
/// An installation that switches to the database store (an upgrade on PostgreSQL) has its files in <c>Documents:Path</c>:
/// at every start, the files there whose document has no content in the database yet are copied in, a document at a
/// time, each in a transaction of its own. Every start, not once: each instance brings its own folder, an older
/// instance still writing files during a rolling upgrade brings more, and a file that failed is tried again. The files
/// stay on disk (the previous version still reads them if the upgrade is rolled back). A file without a document row
/// is left alone; a row whose file is missing stays without content, as before.
/// </summary>
public static class MoveFilesToDatabase
{
    public static async Task RunAsync(IServiceProvider services, ILogger logger, CancellationToken ct = default)
    {
        var storage = services.GetRequiredService<DocumentStorage>();
        var files = new FileDocumentStore(storage, services.GetRequiredService<IDataProtectionProvider>());
        var present = storage.Store == DocumentStoreKind.Database ? files.Keys().ToList() : [];
        if (present.Count == 0)
        {
            return;
        }
        var db = services.GetRequiredService<TrajetDbContext>();
        var store = (DatabaseDocumentStore)services.GetRequiredService<DocumentStore>();
        var waiting = new List<string>();
        foreach (var batch in present.Chunk(1000))
        {
            waiting.AddRange(await db.CaseDocuments.Where(d => d.FileKey != null && batch.Contains(d.FileKey) && !db.DocumentContents.Any(c => c.DocumentKey == d.FileKey))
                .Select(d => d.FileKey!).ToListAsync(ct));
        }
        if (waiting.Count == 0)
        {
            return;
        }
        var (moved, failed) = (0, 0);
        foreach (var key in waiting)
        {
            try
            {
                await using var content = await files.OpenReadAsync(key, ct);
                await store.WriteAsync(key, content, ct);
                moved++;
            }
            catch (Exception e) when (e is CryptographicException or IOException or DbException)
            {
                failed++;
                logger.LogError(e, "Documents: the file {Key} could not be moved into the database; it stays in {Folder} and is tried again at the next start", key, storage.Folder);
            }
        }
        logger.LogInformation("Documents: moved {Moved} file(s) from {Folder} into the database ({Failed} failed); the files were left in the folder",
            moved, storage.Folder, failed);
    }
}
