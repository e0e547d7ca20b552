using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trajet.Tests.Features.Cases;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Data;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.Documents;
using static Trajet.Tests.Features.Documents.DocumentFiles;

namespace Trajet.Tests.Features.Documents;

/// <summary>Files through the API, whichever store keeps them: on disk (SQLite's default) or in the database (PostgreSQL's).</summary>
public abstract class DocumentStoreTests(TrajetApp app)
{
    /// <summary>A PDF of five database chunks and a bit, the rest random.</summary>
    public static byte[] LargePdf()
    {
        var content = RandomNumberGenerator.GetBytes(300_000);
        "%PDF-1.4\n"u8.CopyTo(content);
        return content;
    }

    [Fact]
    public async Task FileLargerThanAChunk_DownloadsAsTheSameBytes()
    {
        var (client, _, programme) = await app.NewUserClientAsync(Roles.CaseManager);
        var (id, _) = await CaseBuilder.OpenAsync(client, programme.Slug);
        var pdf = LargePdf();

        var download = await UploadAndDownloadAsync(client, client, id, pdf);

        Assert.Equal(pdf, download);
    }

    [Fact]
    public async Task SmallFile_DownloadsAsTheSameBytes()
    {
        var (client, _, programme) = await app.NewUserClientAsync(Roles.CaseManager);
        var (id, _) = await CaseBuilder.OpenAsync(client, programme.Slug);

        Assert.Equal(Png(), await UploadAndDownloadAsync(client, client, id, Png(), "scan.png", "image/png"));
    }

    [Fact]
    public async Task EmptyContent_IsStored_AndReadsBackEmpty()
    {
        // The API refuses empty files; the store itself still keeps one (chunk 0 says it is there).
        var (key, read, exists) = await app.WithDbAsync(async (db, services) =>
        {
            var store = services.GetRequiredService<DocumentStore>();
            var key = await store.SaveAsync(new MemoryStream(), CancellationToken.None);
            await using var content = await store.OpenReadAsync(key, CancellationToken.None);
            using var copy = new MemoryStream();
            await content.CopyToAsync(copy);
            return (key, copy.ToArray(), await store.ExistsAsync(key, CancellationToken.None));
        });

        Assert.Empty(read);
        Assert.True(exists);
        await app.WithDbAsync(async (_, services) =>
        {
            await services.GetRequiredService<DocumentStore>().DeleteAsync([key], CancellationToken.None);
            return key;
        });
        Assert.False(await StoredDocuments.ExistsAsync(app, key));
    }

    public static async Task<byte[]> UploadAndDownloadAsync(HttpClient through, HttpClient from, Guid caseId, byte[] file, string fileName = "letter.pdf", string type = "application/pdf")
    {
        var created = await through.PostAsync($"/api/cases/{caseId}/documents", Form(file: file, fileName: fileName, declaredType: type)).Succeeded();
        var documentId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var download = await from.GetAsync($"/api/cases/{caseId}/documents/{documentId}/file");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        return await download.Content.ReadAsByteArrayAsync();
    }
}

public sealed class SqliteDatabaseStoreApp() : TrajetApp(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Documents:Store"] = "Database" });

public sealed class DocumentStoreTestsOnSqliteFiles(SqliteApp app) : DocumentStoreTests(app), IClassFixture<SqliteApp>;

public sealed class DocumentStoreTestsOnSqliteDatabase(SqliteDatabaseStoreApp app) : DocumentStoreTests(app), IClassFixture<SqliteDatabaseStoreApp>;

public sealed class DocumentStoreTestsOnPostgres(PostgresApp app) : DocumentStoreTests(app), IClassFixture<PostgresApp>;

/// <summary>The database store (PostgreSQL's default, or chosen on SQLite): nothing on disk, and nothing in clear.</summary>
public abstract class DatabaseStoreTests(TrajetApp app)
{
    [Fact]
    public async Task Upload_WritesNothingToTheDocumentsFolder_AndEncryptsEachChunk()
    {
        Assert.Equal(DocumentStoreKind.Database, app.Storage().Store);
        var (client, _, programme) = await app.NewUserClientAsync(Roles.CaseManager);
        var (id, _) = await CaseBuilder.OpenAsync(client, programme.Slug);
        var pdf = DocumentStoreTests.LargePdf();

        await client.PostAsync($"/api/cases/{id}/documents", Form(file: pdf)).Succeeded();

        Assert.Empty(StoredDocuments.Files(app.Storage().Folder));
        var key = await app.WithDbAsync((db, _) => db.CaseDocuments.Where(d => d.CaseId == id).Select(d => d.FileKey!).SingleAsync());
        var chunks = await app.WithDbAsync((db, _) => db.DocumentContents.Where(c => c.DocumentKey == key).OrderBy(c => c.Chunk).ToListAsync());
        Assert.Equal([0, 1, 2, 3, 4], chunks.Select(c => c.Chunk));
        foreach (var chunk in chunks)
        {
            var plain = pdf.AsSpan(chunk.Chunk * DatabaseDocumentStore.ChunkBytes, Math.Min(DatabaseDocumentStore.ChunkBytes, pdf.Length - (chunk.Chunk * DatabaseDocumentStore.ChunkBytes)));
            Assert.True(chunk.Data.Length > plain.Length, $"chunk {chunk.Chunk} is not sealed");
            Assert.True(chunk.Data.AsSpan().IndexOf(plain[..32]) < 0, $"chunk {chunk.Chunk} holds its plaintext");
        }
        Assert.False(chunks[0].Data.AsSpan().StartsWith("%PDF"u8), "the file is stored in clear");
    }

    [Fact]
    public async Task AFileOfExactlyTwoChunks_DownloadsWhole()
    {
        var (client, _, programme) = await app.NewUserClientAsync(Roles.CaseManager);
        var (id, _) = await CaseBuilder.OpenAsync(client, programme.Slug);
        var pdf = DocumentStoreTests.LargePdf()[..(2 * DatabaseDocumentStore.ChunkBytes)];

        var created = await client.PostAsync($"/api/cases/{id}/documents", Form(file: pdf)).Succeeded();
        var doc = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        Assert.Equal(pdf, await client.GetByteArrayAsync($"/api/cases/{id}/documents/{doc}/file"));
    }

    [Theory]
    [InlineData(2)] // in the middle
    [InlineData(4)] // the last: the count is then smaller, but the recorded size is not
    public async Task AMissingChunk_FailsTheDownload_RatherThanPassingForTheWholeFile(int missing)
    {
        var (client, _, programme) = await app.NewUserClientAsync(Roles.CaseManager);
        var (id, _) = await CaseBuilder.OpenAsync(client, programme.Slug);
        var created = await client.PostAsync($"/api/cases/{id}/documents", Form(file: DocumentStoreTests.LargePdf())).Succeeded();
        var doc = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var key = await app.WithDbAsync((db, _) => db.CaseDocuments.Where(d => d.Id == doc).Select(d => d.FileKey!).SingleAsync());
        await app.WithDbAsync((db, _) => db.DocumentContents.Where(c => c.DocumentKey == key && c.Chunk == missing).ExecuteDeleteAsync());

        await Assert.ThrowsAnyAsync<Exception>(() => client.GetByteArrayAsync($"/api/cases/{id}/documents/{doc}/file"));
    }

    [Fact]
    public async Task ChunksSwappedBetweenPlaces_DoNotDecrypt()
    {
        var (client, _, programme) = await app.NewUserClientAsync(Roles.CaseManager);
        var (id, _) = await CaseBuilder.OpenAsync(client, programme.Slug);
        var created = await client.PostAsync($"/api/cases/{id}/documents", Form(file: DocumentStoreTests.LargePdf())).Succeeded();
        var doc = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var key = await app.WithDbAsync((db, _) => db.CaseDocuments.Where(d => d.Id == doc).Select(d => d.FileKey!).SingleAsync());
        await app.WithDbAsync(async (db, _) =>
        {
            var chunks = await db.DocumentContents.Where(c => c.DocumentKey == key && (c.Chunk == 1 || c.Chunk == 2)).OrderBy(c => c.Chunk).ToListAsync();
            (chunks[0].Data, chunks[1].Data) = (chunks[1].Data, chunks[0].Data);
            return await db.SaveChangesAsync();
        });

        await Assert.ThrowsAnyAsync<Exception>(() => client.GetByteArrayAsync($"/api/cases/{id}/documents/{doc}/file"));
    }
}

public sealed class DatabaseStoreTestsOnSqlite(SqliteDatabaseStoreApp app) : DatabaseStoreTests(app), IClassFixture<SqliteDatabaseStoreApp>;

public sealed class DatabaseStoreTestsOnPostgres(PostgresApp app) : DatabaseStoreTests(app), IClassFixture<PostgresApp>;

/// <summary>Two instances on one PostgreSQL database, each with its own empty documents and keys folders.</summary>
public sealed class TwoInstancesDocumentTestsOnPostgres
{
    [Fact]
    public async Task EachInstance_DownloadsWhatTheOtherReceived()
    {
        await using var first = new TrajetApp(DatabaseProvider.Postgres);
        await first.InitializeAsync();
        // Nothing shared but the database: each has its own empty keys and documents folders.
        await using var second = new TrajetApp(DatabaseProvider.Postgres, connectionString: first.ConnectionString);
        await second.InitializeAsync();
        var (organisation, programme) = await first.CreateOrganisationAsync();
        var email = await first.CreateUserAsync(Roles.CaseManager, organisation, programme);
        using var one = await first.ApiClientAsync(email);
        using var two = await second.ApiClientAsync(email);
        var (id, _) = await CaseBuilder.OpenAsync(one, programme.Slug);
        var (pdf, other) = (DocumentStoreTests.LargePdf(), DocumentStoreTests.LargePdf());

        Assert.Equal(pdf, await DocumentStoreTests.UploadAndDownloadAsync(one, two, id, pdf));
        Assert.Equal(other, await DocumentStoreTests.UploadAndDownloadAsync(two, one, id, other));
        Assert.NotEqual(first.Storage().Folder, second.Storage().Folder);
        Assert.NotEqual(first.KeysPath, second.KeysPath);
        Assert.Empty(StoredDocuments.Files(first.Storage().Folder));
        Assert.Empty(StoredDocuments.Files(second.Storage().Folder));
    }
}

/// <summary>An installation on the file store that switches to the database store.</summary>
public abstract class MoveFilesToDatabaseTests(DatabaseProvider provider)
{
    [Fact]
    public async Task SwitchingToTheDatabaseStore_MovesEachInstancesFilesIn_AndLeavesThemOnDisk()
    {
        var folder = Directory.CreateTempSubdirectory("trajet-move-").FullName;
        try
        {
            var place = new Dictionary<string, string?>
            {
                ["Documents:Store"] = "Files",
                ["Documents:Path"] = Path.Combine(folder, "documents"),
                ["DataProtection:KeysPath"] = Path.Combine(folder, "keys"),
            };
            await using var before = new TrajetApp(provider, place);
            await before.InitializeAsync();
            var (organisation, programme) = await before.CreateOrganisationAsync();
            var email = await before.CreateUserAsync(Roles.CaseManager, organisation, programme);
            using var client = await before.ApiClientAsync(email);
            var (id, _) = await CaseBuilder.OpenAsync(client, programme.Slug);
            var pdf = DocumentStoreTests.LargePdf();
            var kept = await UploadAsync(client, id, pdf);
            var lost = await UploadAsync(client, id, Pdf());
            var keys = await before.WithDbAsync((db, _) => db.CaseDocuments.Where(d => d.CaseId == id).ToDictionaryAsync(d => d.Id, d => d.FileKey!));
            File.Delete(Path.Combine(folder, "documents", keys[lost])); // a row whose file was lost stays without it
            var orphan = Path.Combine(folder, "documents", Guid.NewGuid().ToString("N"));
            File.Copy(Path.Combine(folder, "documents", keys[kept]), orphan); // a file without a row is not moved
            var onDisk = StoredDocuments.Files(Path.Combine(folder, "documents"));

            // The same installation started again with the database store.
            await using var after = new TrajetApp(provider, new Dictionary<string, string?>(place) { ["Documents:Store"] = "Database" }, before.ConnectionString);
            await after.InitializeAsync();
            using var moved = await after.ApiClientAsync(email);

            Assert.Equal(pdf, await moved.GetByteArrayAsync($"/api/cases/{id}/documents/{kept}/file"));
            Assert.Equal(HttpStatusCode.NotFound, (await moved.GetAsync($"/api/cases/{id}/documents/{lost}/file")).StatusCode);
            var stored = await after.WithDbAsync((db, _) => db.DocumentContents.Select(c => c.DocumentKey).Distinct().ToListAsync());
            Assert.Contains(keys[kept], stored);
            Assert.DoesNotContain(keys[lost], stored);
            Assert.DoesNotContain(Path.GetFileName(orphan), stored);
            Assert.Equal(onDisk, StoredDocuments.Files(Path.Combine(folder, "documents")));

            // An instance not upgraded yet (rolling upgrade) still writes to its own folder; once upgraded, it moves that in too.
            var laggard = new Dictionary<string, string?>(place) { ["Documents:Path"] = Path.Combine(folder, "laggard") };
            await using (var old = new TrajetApp(provider, laggard, before.ConnectionString))
            {
                await old.InitializeAsync();
                using var oldClient = await old.ApiClientAsync(email);
                var late = await UploadAsync(oldClient, id, Png(), "late.png", "image/png");
                await using var upgraded = new TrajetApp(provider, new Dictionary<string, string?>(laggard) { ["Documents:Store"] = "Database" }, before.ConnectionString);
                await upgraded.InitializeAsync();
                Assert.Equal(Png(), await moved.GetByteArrayAsync($"/api/cases/{id}/documents/{late}/file"));
            }

            // New uploads go to the database only.
            var added = await UploadAsync(moved, id, Png(), "scan.png", "image/png");
            Assert.Equal(Png(), await moved.GetByteArrayAsync($"/api/cases/{id}/documents/{added}/file"));
            Assert.Equal(onDisk, StoredDocuments.Files(Path.Combine(folder, "documents")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<Guid> UploadAsync(HttpClient client, Guid caseId, byte[] file, string fileName = "letter.pdf", string type = "application/pdf")
    {
        var created = await client.PostAsync($"/api/cases/{caseId}/documents", Form(file: file, fileName: fileName, declaredType: type)).Succeeded();
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}

public sealed class MoveFilesToDatabaseTestsOnSqlite() : MoveFilesToDatabaseTests(DatabaseProvider.Sqlite);

public sealed class MoveFilesToDatabaseTestsOnPostgres() : MoveFilesToDatabaseTests(DatabaseProvider.Postgres);
