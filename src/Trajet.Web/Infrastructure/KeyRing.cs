using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Trajet.Web.Features.Operations;

namespace Trajet.Web.Infrastructure;

/// <summary>
/// The Data Protection keys that protect cookies, tokens, notes and files. On SQLite (one instance) they live in
/// <c>DataProtection:KeysPath</c>; on PostgreSQL in the database, so that every instance reads what another protected.
/// Either way they are encrypted with the certificate of <c>DataProtection:CertificatePath</c> when there is one
/// (docs/operations.md).
/// </summary>
public static class KeyRing
{
    public static IServiceCollection AddTrajetKeyRing(this IServiceCollection services, IConfiguration configuration)
    {
        var keys = services.AddDataProtection().SetApplicationName("Trajet");
        if (InDatabase(configuration))
        {
            services.AddDbContext<KeyRingDbContext>(o => o.UseNpgsql(configuration.GetConnectionString("Trajet")));
            keys.PersistKeysToDbContext<KeyRingDbContext>();
        }
        else
        {
            keys.PersistKeysToFileSystem(new DirectoryInfo(FolderOf(configuration)));
        }
        if (configuration["DataProtection:CertificatePath"] is { Length: > 0 } path)
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration["DataProtection:CertificatePassword"]);
            if (!certificate.HasPrivateKey)
            {
                throw new InvalidOperationException($"DataProtection:CertificatePath ({path}) has no private key: the keys could not be read back.");
            }
            // On Linux the certificate is not in a store that Data Protection searches: it is given for reading too.
            keys.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
        return services;
    }

    public static bool InDatabase(IConfiguration configuration) => DatabaseSetup.ProviderOf(configuration) == DatabaseProvider.Postgres;

    public static string FolderOf(IConfiguration configuration) => configuration["DataProtection:KeysPath"] ?? BackupTarget.DefaultKeysPath;

    /// <summary>
    /// Before the key ring is first read: keys in <c>DataProtection:KeysPath</c> that the database lacks (an installation
    /// from before the keys moved, or a restored folder) are copied in, so nothing they protected is lost. Then a key is
    /// made if there is none, under the start-up lock, so that instances started at once share one first key.
    /// </summary>
    public static async Task PrepareAsync(IServiceProvider services, IConfiguration configuration, ILogger logger, CancellationToken ct = default)
    {
        if (InDatabase(configuration))
        {
            var db = services.GetRequiredService<KeyRingDbContext>();
            var copied = await CopyFilesAsync(db, FolderOf(configuration), ct);
            if (copied > 0)
            {
                logger.LogInformation("Copied {Count} Data Protection key(s) from {Folder} into the database.", copied, Path.GetFullPath(FolderOf(configuration)));
            }
            if (string.IsNullOrEmpty(configuration["DataProtection:CertificatePath"]))
            {
                logger.LogWarning("The Data Protection keys are in the database without DataProtection:CertificatePath: a copy of the database alone can read its notes and files (docs/operations.md, The keys).");
            }
        }
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Trajet.KeyRing").Protect([]);
    }

    public static async Task<int> CopyFilesAsync(KeyRingDbContext db, string folder, CancellationToken ct)
    {
        if (!Directory.Exists(folder))
        {
            return 0;
        }
        // Keys and revocations alike: a key revoked on disk must not come back valid.
        var files = Directory.GetFiles(folder, "*.xml").Where(f => Path.GetFileName(f).StartsWith("key-", StringComparison.Ordinal)
            || Path.GetFileName(f).StartsWith("revocation-", StringComparison.Ordinal)).ToArray();
        if (files.Length == 0)
        {
            return 0;
        }
        // The file system repository names a key's file after its friendly name, as the database repository does.
        return await AddMissingAsync(db, files.Select(Path.GetFileNameWithoutExtension).OfType<string>(),
            async name => await File.ReadAllTextAsync(Path.Combine(folder, name + ".xml"), ct), ct);
    }

    /// <summary>
    /// Adds, by friendly name, the keys the table lacks, reading each one's XML only then; returns how many. Keys are only
    /// ever added: one the table already holds is left as it is.
    /// </summary>
    public static async Task<int> AddMissingAsync(KeyRingDbContext db, IEnumerable<string> names, Func<string, Task<string?>> xmlOf, CancellationToken ct)
    {
        var known = (await db.DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var missing = names.Where(n => !known.Contains(n)).Order(StringComparer.Ordinal).ToList();
        foreach (var name in missing)
        {
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = name, Xml = await xmlOf(name) });
        }
        await db.SaveChangesAsync(ct);
        return missing.Count;
    }
}

/// <summary>
/// The key ring's own context (table <c>DataProtectionKeys</c>, created by the migrations of <see cref="TrajetDbContext"/>):
/// apart from the app's model so that no export or audit rule ever reads a key, and saved without the app's save rules.
/// </summary>
public sealed class KeyRingDbContext(DbContextOptions<KeyRingDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
}
