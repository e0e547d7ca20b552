using System.Formats.Tar;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Trajet.Tests.Features.Cases;
using Trajet.Tests.Features.Documents;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Data;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.Operations;

namespace Trajet.Tests.Features.Operations;

public abstract class BackupTests(DatabaseProvider provider)
{
    /// <summary>A case manager's case with a household member, a visit and a scanned document, seen through the API.</summary>
    private sealed record Casefile(string Email, string Token, Guid CaseId, Guid DocumentId, byte[] Scan)
    {
        public async Task<string> ReadAsync(HttpClient client) =>
            await client.GetStringAsync($"/api/cases/{CaseId}") + await client.GetStringAsync($"/api/cases/{CaseId}/interactions") +
            await client.GetStringAsync($"/api/cases/{CaseId}/documents");
    }

    private static async Task<Casefile> CreateCasefileAsync(TrajetApp app)
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var email = await app.CreateUserAsync(Roles.CaseManager, organisation, programme);
        var login = await (await app.LoginAsync(email)).Content.ReadFromJsonAsync<TrajetApp.TokenResponse>();
        using var client = await app.ApiClientAsync(email);
        var (caseId, _) = await CaseBuilder.OpenAsync(client, programme.Slug, date: "2026-01-10");
        Assert.Equal(HttpStatusCode.Created, (await CaseBuilder.AddMemberAsync(client, caseId, CaseBuilder.Parent())).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/cases/{caseId}/interactions", InteractionWriter.Visit(1))).StatusCode);
        var scan = DocumentFiles.Pdf();
        var upload = await client.PostAsync($"/api/cases/{caseId}/documents", DocumentFiles.Form(file: scan));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var documentId = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        return new(email, login!.AccessToken, caseId, documentId, scan);
    }

    // Deleted by mistake, wherever the store keeps it.
    private static async Task LoseTheScanAsync(TrajetApp app, Casefile casefile)
    {
        var key = await app.WithDbAsync((db, _) => db.CaseDocuments.Where(d => d.Id == casefile.DocumentId).Select(d => d.FileKey!).SingleAsync());
        if (app.Storage().Store == Trajet.Web.Features.Documents.DocumentStoreKind.Files)
        {
            File.Delete(Path.Combine(app.Storage().Folder, key));
        }
        else
        {
            Assert.True(await app.WithDbAsync((db, _) => db.DocumentContents.Where(c => c.DocumentKey == key).ExecuteDeleteAsync()) > 0);
        }
        Assert.False(await StoredDocuments.ExistsAsync(app, key));
    }

    private static HttpClient WithToken(TrajetApp app, string token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    [Fact]
    public async Task Restore_BringsBackTheDataAsAtTheBackup_TakenWhileAnotherClientWrote()
    {
        await using var site = Site.Create(provider);
        var backup = Path.Combine(site.Folder, "backups", "trajet.tar");
        Casefile casefile;
        string atBackup;
        string[] filesAtBackup;
        Guid busyCase;
        InteractionWriter writer;
        int acknowledgedBefore, acknowledgedAfter;
        await using (var app = await site.StartAsync())
        {
            casefile = await CreateCasefileAsync(app);
            using var client = await app.ApiClientAsync(casefile.Email);
            atBackup = await casefile.ReadAsync(client);
            filesAtBackup = StoredDocuments.Files(site.DocumentsPath);

            // Another client keeps writing to another case during the backup.
            var programme = (await client.GetFromJsonAsync<JsonElement>($"/api/cases/{casefile.CaseId}")).GetProperty("programme").GetString()!;
            (busyCase, _) = await CaseBuilder.OpenAsync(client, programme, date: "2026-01-10");
            writer = new InteractionWriter(await app.ApiClientAsync(casefile.Email), busyCase);
            using var stop = new CancellationTokenSource();
            var writing = writer.RunAsync(stop.Token);
            await writer.WaitForAsync(5);
            acknowledgedBefore = writer.Acknowledged.Count;
            var taken = await TakeBackup.ExecuteAsync(site.Target, backup, withKeys: true, CancellationToken.None);
            acknowledgedAfter = writer.Acknowledged.Count;
            await writer.WaitForAsync(acknowledgedAfter + 3);
            await stop.CancelAsync();
            await writing;
            Assert.True(taken.Succeeded, taken.Message);

            // After the backup: additions, a change, a deletion (rows and a file lost by mistake).
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/cases/{casefile.CaseId}/interactions", InteractionWriter.Visit(2))).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsync($"/api/cases/{casefile.CaseId}/documents", DocumentFiles.Form(title: "Later", file: DocumentFiles.Png(), fileName: "later.png", declaredType: "image/png"))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/cases/{casefile.CaseId}/status", new { to = "screening", date = "2026-01-20" })).StatusCode);
            await app.WithDbAsync(async (db, _) => await db.Members.Where(m => m.CaseId == casefile.CaseId).ExecuteDeleteAsync());
            await LoseTheScanAsync(app, casefile);
            Assert.NotEqual(atBackup, await casefile.ReadAsync(client));
        }
        Site.ReleaseConnections();

        var restored = await RestoreBackup.ExecuteAsync(site.Target, backup, CancellationToken.None);

        Assert.True(restored.Succeeded, restored.Message);
        await using (var app = await site.StartAsync())
        {
            using var client = await app.ApiClientAsync(casefile.Email);
            Assert.Equal(atBackup, await casefile.ReadAsync(client));
            Assert.Equal(casefile.Scan, await client.GetByteArrayAsync($"/api/cases/{casefile.CaseId}/documents/{casefile.DocumentId}/file"));
            Assert.Equal(filesAtBackup, StoredDocuments.Files(site.DocumentsPath));

            // Consistent: the writer's visits up to some point, in order, none missing in between.
            var stored = await InteractionWriter.StoredAsync(client, busyCase);
            var all = writer.Acknowledged;
            Assert.InRange(stored.Count, acknowledgedBefore, acknowledgedAfter + 1);
            Assert.Equal(all.Take(stored.Count).Order(), stored.Order());
        }
    }

    [Fact]
    public async Task Restore_OnANewMachine_NeedsTheKeysForTheSessions_AndBringsBackTheDocuments()
    {
        await using var site = Site.Create(provider);
        var withKeys = Path.Combine(site.Folder, "with-keys.tar");
        var withoutKeys = Path.Combine(site.Folder, "without-keys.tar");
        Casefile casefile;
        string atBackup;
        await using (var app = await site.StartAsync())
        {
            casefile = await CreateCasefileAsync(app);
            using var client = WithToken(app, casefile.Token);
            atBackup = await casefile.ReadAsync(client);
            Assert.True((await TakeBackup.ExecuteAsync(site.Target, withKeys, withKeys: true, CancellationToken.None)).Succeeded);
            Assert.True((await TakeBackup.ExecuteAsync(site.Target, withoutKeys, withKeys: false, CancellationToken.None)).Succeeded);
        }

        // Where the keys came back, the sessions signed in before the backup still work.
        await using (var elsewhere = Site.Create(provider))
        {
            var restored = await RestoreBackup.ExecuteAsync(elsewhere.Target, withKeys, CancellationToken.None);
            Assert.True(restored.Succeeded, restored.Message);
            await using var app = await elsewhere.StartAsync();
            using var client = WithToken(app, casefile.Token);
            Assert.Equal(atBackup, await casefile.ReadAsync(client));
            Assert.Equal(casefile.Scan, await client.GetByteArrayAsync($"/api/cases/{casefile.CaseId}/documents/{casefile.DocumentId}/file"));
        }

        // Without them the data is all there, but nothing the old keys protected can be read: sessions, and the encrypted notes.
        await using (var elsewhere = Site.Create(provider))
        {
            var restored = await RestoreBackup.ExecuteAsync(elsewhere.Target, withoutKeys, CancellationToken.None);
            Assert.True(restored.Succeeded, restored.Message);
            await using var app = await elsewhere.StartAsync();
            using var stale = WithToken(app, casefile.Token);
            Assert.Equal(HttpStatusCode.Unauthorized, (await stale.GetAsync($"/api/cases/{casefile.CaseId}")).StatusCode);
            using var client = await app.ApiClientAsync(casefile.Email);
            var read = await casefile.ReadAsync(client);
            Assert.Contains(Trajet.Web.Data.ConfidentialText.Unreadable, read);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/cases/{casefile.CaseId}")).StatusCode);
            Assert.StartsWith(await client.GetStringAsync($"/api/cases/{casefile.CaseId}"), atBackup);
        }
    }

    [Fact]
    public async Task Restore_OfAFileThatIsNotATrajetBackup_IsRefused_AndChangesNothing()
    {
        await using var site = Site.Create(provider);
        Casefile casefile;
        string before;
        await using (var app = await site.StartAsync())
        {
            casefile = await CreateCasefileAsync(app);
            using var client = await app.ApiClientAsync(casefile.Email);
            before = await casefile.ReadAsync(client);
        }
        Site.ReleaseConnections();

        var junk = Path.Combine(site.Folder, "junk.tar");
        await File.WriteAllTextAsync(junk, "not a tar file at all, just words");
        var lookalike = Path.Combine(site.Folder, "lookalike.tar");
        await WriteTarAsync(lookalike, ("trajet-backup.json", """{"format":1,"provider":"sqlite"}"""u8.ToArray()), ("database.sqlite", "hello"u8.ToArray()));
        var notOurs = Path.Combine(site.Folder, "not-ours.tar");
        await WriteTarAsync(notOurs, ("trajet-backup.json", BackupArchive.Serialize(new(1, provider, DateTimeOffset.UtcNow, ["20261122000001_Identity"], 0, false))),
            (BackupArchive.DatabaseName(provider), "SQLite format 3\0 but not really"u8.ToArray()), ("../../etc/evil", "x"u8.ToArray()));
        var traversal = Path.Combine(site.Folder, "traversal.tar");
        await WriteTarAsync(traversal, ("trajet-backup.json", BackupArchive.Serialize(new(1, provider, DateTimeOffset.UtcNow, ["20261122000001_Identity"], 0, false))),
            ("documents/../../escaped", "x"u8.ToArray()));

        foreach (var file in new[] { junk, lookalike, notOurs, traversal, Path.Combine(site.Folder, "missing.tar") })
        {
            var outcome = await RestoreBackup.ExecuteAsync(site.Target, file, CancellationToken.None);
            Assert.False(outcome.Succeeded, file);
        }

        Assert.False(File.Exists(Path.Combine(site.Folder, "escaped")));
        await using (var app = await site.StartAsync())
        {
            using var client = await app.ApiClientAsync(casefile.Email);
            Assert.Equal(before, await casefile.ReadAsync(client));
            Assert.Equal(casefile.Scan, await client.GetByteArrayAsync($"/api/cases/{casefile.CaseId}/documents/{casefile.DocumentId}/file"));
        }
        Assert.Empty(Directory.GetFileSystemEntries(site.Folder, ".*", SearchOption.AllDirectories)); // no staging left behind
    }

    [Fact]
    public async Task BackupAndRestore_RunAsCommandsOfTheApp()
    {
        await using var site = Site.Create(provider);
        var backup = Path.Combine(site.Folder, "trajet backup.tar");
        Casefile casefile;
        string atBackup;
        await using (var app = await site.StartAsync())
        {
            casefile = await CreateCasefileAsync(app);
            using var client = await app.ApiClientAsync(casefile.Email);
            atBackup = await casefile.ReadAsync(client);

            var (code, output) = await AppProcess.RunCommandAsync(["backup", backup], site.Settings);
            Assert.True(code == 0, output);
            var (again, refusal) = await AppProcess.RunCommandAsync(["backup", backup], site.Settings);
            Assert.Equal(1, again);
            Assert.Contains("already exists", refusal);
        }

        await using var elsewhere = Site.Create(provider);
        var (restoreCode, restoreOutput) = await AppProcess.RunCommandAsync(["restore", backup], elsewhere.Settings);
        Assert.True(restoreCode == 0, restoreOutput);
        await using var restored = await elsewhere.StartAsync();
        using var restoredClient = await restored.ApiClientAsync(casefile.Email);
        Assert.Equal(atBackup, await casefile.ReadAsync(restoredClient));
        Assert.Equal(2, (await AppProcess.RunCommandAsync(["backup"], elsewhere.Settings)).ExitCode);
    }

    private static async Task WriteTarAsync(string path, params (string Name, byte[] Content)[] entries)
    {
        await using var stream = File.Create(path);
        await using var tar = new TarWriter(stream, TarEntryFormat.Pax);
        foreach (var (name, content) in entries)
        {
            await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content) });
        }
    }
}

public sealed class BackupTestsOnSqlite() : BackupTests(DatabaseProvider.Sqlite)
{
    [Fact]
    public async Task Restore_WhileTrajetHasTheDatabaseOpen_IsRefused()
    {
        await using var site = Site.Create(DatabaseProvider.Sqlite);
        var backup = Path.Combine(site.Folder, "trajet.tar");
        await using var app = await site.StartAsync();
        var (client, _, programme) = await app.NewUserClientAsync(Roles.CaseManager);
        Assert.True((await TakeBackup.ExecuteAsync(site.Target, backup, withKeys: true, CancellationToken.None)).Succeeded);
        var (caseId, _) = await CaseBuilder.OpenAsync(client, programme.Slug);

        var outcome = await RestoreBackup.ExecuteAsync(site.Target, backup, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Contains("stop Trajet", outcome.Message);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/cases/{caseId}")).StatusCode);
    }
}

public sealed class BackupTestsOnPostgres() : BackupTests(DatabaseProvider.Postgres)
{
    [Fact]
    public async Task Backup_OfTheDatabaseStore_HoldsTheDocumentsInTheDump_NotAsFiles()
    {
        await using var site = Site.Create(DatabaseProvider.Postgres);
        var backup = Path.Combine(site.Folder, "trajet.tar");
        var pdf = DocumentStoreTests.LargePdf();
        string email;
        Guid caseId, documentId;
        await using (var app = await site.StartAsync())
        {
            var (organisation, programme) = await app.CreateOrganisationAsync();
            email = await app.CreateUserAsync(Roles.CaseManager, organisation, programme);
            using var client = await app.ApiClientAsync(email);
            (caseId, _) = await CaseBuilder.OpenAsync(client, programme.Slug);
            var upload = await client.PostAsync($"/api/cases/{caseId}/documents", DocumentFiles.Form(file: pdf)).Succeeded();
            documentId = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            var taken = await TakeBackup.ExecuteAsync(site.Target, backup, withKeys: true, CancellationToken.None);
            Assert.True(taken.Succeeded, taken.Message);
        }
        var names = new List<string>();
        await using (var tar = new TarReader(File.OpenRead(backup)))
        {
            while (await tar.GetNextEntryAsync() is { } entry)
            {
                names.Add(entry.Name);
            }
        }
        Assert.DoesNotContain(names, n => n.StartsWith(BackupArchive.DocumentsFolder, StringComparison.Ordinal));

        await using var elsewhere = Site.Create(DatabaseProvider.Postgres);
        var restored = await RestoreBackup.ExecuteAsync(elsewhere.Target, backup, CancellationToken.None);
        Assert.True(restored.Succeeded, restored.Message);
        await using var restoredApp = await elsewhere.StartAsync();
        using var restoredClient = await restoredApp.ApiClientAsync(email);
        Assert.Equal(pdf, await restoredClient.GetByteArrayAsync($"/api/cases/{caseId}/documents/{documentId}/file"));
        Assert.Empty(StoredDocuments.Files(elsewhere.DocumentsPath));
    }
}
