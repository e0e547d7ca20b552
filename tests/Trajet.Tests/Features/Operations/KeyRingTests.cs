using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Data;
using Trajet.Web.Features.Accounts;

namespace Trajet.Tests.Features.Operations;

/// <summary>With a certificate configured, the stored key ring is encrypted, and the app still reads what it protected.</summary>
public sealed class KeyRingTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]   // files in DataProtection:KeysPath
    [InlineData(DatabaseProvider.Postgres)] // rows of DataProtectionKeys
    public async Task WithACertificate_TheStoredKeysAreEncrypted_AndSignInStillWorks(DatabaseProvider provider)
    {
        var folder = Directory.CreateTempSubdirectory("trajet-keyring-").FullName;
        await using var app = new TrajetApp(provider, await CertificateAsync(folder));
        await app.InitializeAsync();

        using var browser = await app.SignedInBrowserAsync(await app.CreateUserAsync(Roles.CaseManager));

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Cases")).StatusCode); // the cookie was read back with the key
        var keys = provider == DatabaseProvider.Sqlite
            ? Directory.GetFiles(app.KeysPath, "key-*.xml").Select(File.ReadAllText).ToList()
            : await app.WithDbAsync((db, _) => db.Database.SqlQueryRaw<string>("""SELECT "Xml" AS "Value" FROM "DataProtectionKeys" """).ToListAsync());
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("<EncryptedData", xml);
            Assert.DoesNotContain("unencrypted form", xml);
        });
        Directory.Delete(folder, recursive: true);
    }

    private static async Task<Dictionary<string, string?>> CertificateAsync(string folder)
    {
        var pfx = Path.Combine(folder, "keys.pfx");
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Trajet key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
        await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "Pfx-Passw0rd!"));
        return new() { ["DataProtection:CertificatePath"] = pfx, ["DataProtection:CertificatePassword"] = "Pfx-Passw0rd!" };
    }

    [Fact]
    public async Task WithoutACertificate_TheKeysAreReadableFiles()
    {
        await using var app = new TrajetApp(DatabaseProvider.Sqlite);
        await app.InitializeAsync();

        using var browser = await app.SignedInBrowserAsync(await app.CreateUserAsync(Roles.CaseManager));

        Assert.Contains(Directory.GetFiles(app.KeysPath, "key-*.xml").Select(File.ReadAllText), xml => xml.Contains("unencrypted form", StringComparison.Ordinal));
    }
}
