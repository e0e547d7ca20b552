using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Trajet.Web.Features.Accounts;

/// <summary>
/// The key pair that seals what a user's phones keep offline (docs/architecture.md, "Offline"). A phone keeps only the
/// public half, to seal; the private half is handed to a signed-in page, in memory, to open. Signing the user out
/// everywhere deletes the pair, so that nothing a phone kept can be opened again.
/// </summary>
public sealed class DeviceKey
{
    public Guid UserId { get; set; }
    /// <summary>Names the pair on the phone (hex of the public key's SHA-256, first 16 bytes): a new pair means wipe.</summary>
    public required string KeyId { get; set; }
    /// <summary>SubjectPublicKeyInfo, base64 (WebCrypto "spki").</summary>
    public required string PublicKey { get; set; }
    /// <summary>PKCS #8, base64 (WebCrypto "pkcs8"); encrypted at rest.</summary>
    public required string PrivateKey { get; set; }
    public DateTime CreatedAt { get; set; }

    public static DeviceKey Create(Guid userId, DateTime now)
    {
        using var rsa = RSA.Create(2048);
        var spki = rsa.ExportSubjectPublicKeyInfo();
        return new DeviceKey
        {
            UserId = userId,
            KeyId = Convert.ToHexStringLower(SHA256.HashData(spki)[..16]),
            PublicKey = Convert.ToBase64String(spki),
            PrivateKey = Convert.ToBase64String(rsa.ExportPkcs8PrivateKey()),
            CreatedAt = now,
        };
    }

    /// <summary>The user's pair, made at the first ask (two racing asks: the second reads the first's).</summary>
    public static async Task<DeviceKey> ForAsync(TrajetDbContext db, Guid userId, DateTime now, CancellationToken ct)
    {
        if (await db.Set<DeviceKey>().AsNoTracking().SingleOrDefaultAsync(k => k.UserId == userId, ct) is { } existing)
        {
            return existing;
        }
        var made = Create(userId, now);
        db.Add(made);
        try
        {
            await db.SaveChangesAsync(ct);
            return made;
        }
        catch (DbUpdateException)
        {
            db.Entry(made).State = EntityState.Detached;
            return await db.Set<DeviceKey>().AsNoTracking().SingleAsync(k => k.UserId == userId, ct);
        }
    }

    public static Task<int> DeleteAsync(TrajetDbContext db, Guid userId, CancellationToken ct) =>
        db.Set<DeviceKey>().Where(k => k.UserId == userId).ExecuteDeleteAsync(ct);
}

public sealed class DeviceKeyConfiguration : IEntityTypeConfiguration<DeviceKey>
{
    public void Configure(EntityTypeBuilder<DeviceKey> key)
    {
        key.ToTable("DeviceKeys");
        key.HasKey(k => k.UserId);
        key.HasOne<User>().WithMany().HasForeignKey(k => k.UserId).OnDelete(DeleteBehavior.Cascade);
        key.Property(k => k.KeyId).HasMaxLength(32);
        key.Property(k => k.PublicKey).HasMaxLength(600);
        key.Property(k => k.PrivateKey).IsConfidential();
    }
}
