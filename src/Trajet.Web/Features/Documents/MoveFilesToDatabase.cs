using System.Data.Common;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Trajet.Web.Features.Documents;

/// <summary>
/// An installation that switches to the database store (an upgrade on PostgreSQL) has its files in <c>Documents:Path</c>:
/// at start-up they are copied into the database once, a document at a time, each in a transaction of its own. The
/// files stay on disk (the previous version still reads them if the upgrade is rolled back). A file without a document
/// row is left alone; a row whose file is missing stays without content, as before.
/// </summary>
public static class MoveFilesToDatabase
{
    public const string TaskName = "documents-to-database";

    public static async Task RunAsync(IServiceProvider services, ILogger logger, CancellationToken ct = default)
    {
        var storage = services.GetRequiredService<DocumentStorage>();
        var files = new FileDocumentStore(storage, services.GetRequiredService<IDataProtectionProvider>());
        // Nothing to move: not recorded, so that files restored into the folder later are still moved.
        if (storage.Store != DocumentStoreKind.Database || !files.Keys().Any())
        {
            return;
        }
        var db = services.GetRequiredService<TrajetDbContext>();
        var store = (DatabaseDocumentStore)services.GetRequiredService<DocumentStore>();
        await StartupTasks.RunOnceAsync(db, TaskName, async () =>
        {
            var waiting = await db.CaseDocuments.Where(d => d.FileKey != null && !db.DocumentContents.Any(c => c.DocumentKey == d.FileKey))
                .Select(d => d.FileKey!).ToListAsync(ct);
            var (moved, failed) = (0, 0);
            foreach (var key in waiting.Where(k => DocumentStore.IsKey(k) && File.Exists(files.PathOf(k))))
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
                    logger.LogError(e, "Documents: the file {Key} could not be moved into the database; it stays in {Folder}", key, storage.Folder);
                }
            }
            logger.LogInformation("Documents: moved {Moved} file(s) from {Folder} into the database ({Failed} failed); the files were left in the folder",
                moved, storage.Folder, failed);
        }, ct);
    }
}
