using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trajet.Tests.Features.Cases;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Data;
using Trajet.Web.Features.Accounts;

namespace Trajet.Tests.Features.Privacy;

public abstract class EncryptionAtRestTests(TrajetApp app)
{
    private const string Secret = "Father hides at his cousin's in Schaerbeek";

    private Task<string> StoredNotesAsync(Guid caseId) =>
        app.WithDbAsync((db, _) => db.Database.SqlQueryRaw<string>("""SELECT "Notes" AS "Value" FROM "Interactions" WHERE "CaseId" = {0}""", caseId).SingleAsync());

    private static async Task<Guid> CaseWithNoteAsync(HttpClient client, string programme)
    {
        var (id, _) = await CaseBuilder.OpenAsync(client, programme, date: "2026-01-10");
        var response = await client.PostAsJsonAsync($"/api/cases/{id}/interactions", new { type = "home-visit", date = "2026-02-01", notes = Secret });
        response.EnsureSuccessStatusCode();
        return id;
    }

    [Fact]
    public async Task Notes_AreUnreadableInTheDatabase_ButReadableInTheApp()
    {
        var (client, _, programme) = await app.NewUserClientAsync(Roles.CaseManager);
        var id = await CaseWithNoteAsync(client, programme.Slug);

        var stored = await StoredNotesAsync(id);

        Assert.DoesNotContain("Schaerbeek", stored);
        Assert.StartsWith("enc1:", stored);
        var shown = await client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/interactions");
        Assert.Equal(Secret, shown.GetProperty("items")[0].GetProperty("notes").GetString());
    }

    [Fact]
    public async Task Notes_CannotBeReadWithOtherKeys()
    {
        var (client, _, programme) = await app.NewUserClientAsync(Roles.CaseManager);
        var stored = await StoredNotesAsync(await CaseWithNoteAsync(client, programme.Slug));
        var strangerKeys = DataProtectionProvider.Create(new DirectoryInfo(Path.Combine(Path.GetTempPath(), "trajet-other-keys-" + Guid.NewGuid().ToString("N"))));

        Assert.Equal(ConfidentialText.Unreadable, new ConfidentialText(strangerKeys).Unprotect(stored));
    }

    [Fact]
    public async Task AuthenticatorKeys_AreEncryptedInTheDatabase_AndCodesStillWork()
    {
        var email = await app.CreateUserAsync(Roles.Coordinator); // enrolled in two-factor sign-in by the test helper

        var stored = await app.WithDbAsync((db, _) => db.Database.SqlQueryRaw<string>(
            """SELECT t."Value" AS "Value" FROM "AspNetUserTokens" t JOIN "AspNetUsers" u ON u."Id" = t."UserId" WHERE u."Email" = {0} AND t."Name" = 'AuthenticatorKey'""", email).SingleAsync());

        Assert.StartsWith("enc1:", stored);
        using var client = await app.ApiClientAsync(email); // signs in with a TOTP code computed from the key
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task NotesWrittenInClearByAnEarlierVersion_AreEncryptedAtStartUp()
    {
        var (client, _, programme) = await app.NewUserClientAsync(Roles.CaseManager);
        var id = await CaseWithNoteAsync(client, programme.Slug);
        await app.WithDbAsync((db, _) => db.Database.ExecuteSqlRawAsync("""UPDATE "Interactions" SET "Notes" = 'Written in clear' WHERE "CaseId" = {0}""", id));
        Assert.Equal("Written in clear", await StoredNotesAsync(id));

        await app.WithDbAsync(async (db, services) =>
        {
            await services.GetRequiredService<ConfidentialText>().EncryptLegacyRowsAsync(db);
            return true;
        });

        Assert.StartsWith("enc1:", await StoredNotesAsync(id));
        var shown = await client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/interactions");
        Assert.Equal("Written in clear", shown.GetProperty("items")[0].GetProperty("notes").GetString());
    }
}

public sealed class EncryptionAtRestTestsOnSqlite(SqliteApp app) : EncryptionAtRestTests(app), IClassFixture<SqliteApp>;

public sealed class EncryptionAtRestTestsOnPostgres(PostgresApp app) : EncryptionAtRestTests(app), IClassFixture<PostgresApp>;
