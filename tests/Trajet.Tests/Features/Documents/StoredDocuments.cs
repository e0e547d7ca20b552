using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Features.Documents;

namespace Trajet.Tests.Features.Documents;

/// <summary>What the app's document store holds, whichever store it uses (files on disk, or chunks in the database).</summary>
public static class StoredDocuments
{
    public static DocumentStorage Storage(this TrajetApp app) => app.Services.GetRequiredService<DocumentStorage>();

    /// <summary>The keys of the stored documents, in order.</summary>
    public static Task<string[]> KeysAsync(TrajetApp app) =>
        app.Storage().Store == DocumentStoreKind.Files
            ? Task.FromResult(Files(app.Storage().Folder))
            : app.WithDbAsync(async (db, _) => (await db.DocumentContents.Select(c => c.DocumentKey).Distinct().ToListAsync()).Order(StringComparer.Ordinal).ToArray());

    /// <summary>Whether the document's content is in the store.</summary>
    public static Task<bool> ExistsAsync(TrajetApp app, string key) =>
        app.WithDbAsync((_, services) => services.GetRequiredService<DocumentStore>().ExistsAsync(key, CancellationToken.None));

    /// <summary>The files in a documents folder, in order (none when there is no folder).</summary>
    public static string[] Files(string folder) => Directory.Exists(folder) ? [.. Directory.GetFiles(folder).Order(StringComparer.Ordinal)] : [];
}
