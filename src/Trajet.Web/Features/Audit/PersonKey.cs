using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Trajet.Web.Features.Audit;

/// <summary>
/// A person's own key (crypto-shredding). The audit trail keeps old and new values of a person's names, but
/// sealed with this key; erasing the person deletes the key, which makes those values unreadable forever
/// without touching the append-only, hash-chained entries. The key itself is stored encrypted
/// (<see cref="ConfidentialText"/>), so the database file alone opens nothing.
/// </summary>
public sealed class PersonKey
{
    /// <summary>The person's id: a <c>Member</c> or an <c>OutreachPerson</c>.</summary>
    public Guid SubjectId { get; set; }
    public required string Key { get; set; }
    public DateTime CreatedAt { get; set; } = Clock.UtcNow;
}

/// <summary>Sealing and opening of values with a person's key (AES-GCM): <c>pk1:</c> + base64(nonce | tag | cipher).</summary>
public static class PersonSeal
{
    private const string Prefix = "pk1:";

    /// <summary>Shown in the audit instead of a value whose person was erased.</summary>
    public const string Erased = "[erased]";

    /// <summary>Properties so marked identify a person: the audit seals their values with the person's key.</summary>
    public const string Annotation = "Trajet:Identifying";

    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static string Seal(string key, string plain)
    {
        var text = Encoding.UTF8.GetBytes(plain);
        var sealedBytes = new byte[12 + 16 + text.Length];
        var nonce = sealedBytes.AsSpan(0, 12);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(Convert.FromBase64String(key), 16);
        aes.Encrypt(nonce, text, sealedBytes.AsSpan(28), sealedBytes.AsSpan(12, 16));
        return Prefix + Convert.ToBase64String(sealedBytes);
    }

    public static bool IsSealed(string? value) => value?.StartsWith(Prefix, StringComparison.Ordinal) == true;

    /// <summary>The plain value, or null when the key is gone or does not fit.</summary>
    public static string? Open(string? key, string value)
    {
        if (key is null || !IsSealed(value))
        {
            return null;
        }
        try
        {
            var sealedBytes = Convert.FromBase64String(value[Prefix.Length..]);
            var plain = new byte[sealedBytes.Length - 28];
            using var aes = new AesGcm(Convert.FromBase64String(key), 16);
            aes.Decrypt(sealedBytes.AsSpan(0, 12), sealedBytes.AsSpan(28), sealedBytes.AsSpan(12, 16), plain);
            return Encoding.UTF8.GetString(plain);
        }
        catch (Exception e) when (e is CryptographicException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The keys of these people, creating (and adding to the context) those that do not exist yet.</summary>
    public static async Task<Dictionary<Guid, string>> KeysForWritingAsync(TrajetDbContext db, IReadOnlyCollection<Guid> subjects, CancellationToken ct)
    {
        var keys = await db.PersonKeys.AsNoTracking().Where(k => subjects.Contains(k.SubjectId)).ToDictionaryAsync(k => k.SubjectId, k => k.Key, ct);
        foreach (var tracked in db.ChangeTracker.Entries<PersonKey>().Where(e => e.State == EntityState.Added))
        {
            keys[tracked.Entity.SubjectId] = tracked.Entity.Key;
        }
        foreach (var subject in subjects.Where(s => !keys.ContainsKey(s)))
        {
            var key = new PersonKey { SubjectId = subject, Key = NewKey() };
            db.PersonKeys.Add(key);
            keys[subject] = key.Key;
        }
        return keys;
    }

    /// <summary>Replaces, in these entries (read without tracking), each sealed value by its plain JSON or by <see cref="Erased"/>.</summary>
    public static async Task OpenAllAsync(TrajetDbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        var sealedEntries = entries.Where(e => e.Details?.Contains(Prefix, StringComparison.Ordinal) == true && Guid.TryParse(e.EntityId, out _)).ToList();
        if (sealedEntries.Count == 0)
        {
            return;
        }
        var subjects = sealedEntries.Select(e => Guid.Parse(e.EntityId!)).Distinct().ToList();
        var keys = await db.PersonKeys.AsNoTracking().Where(k => subjects.Contains(k.SubjectId)).ToDictionaryAsync(k => k.SubjectId, k => k.Key, ct);
        foreach (var entry in sealedEntries)
        {
            var key = keys.GetValueOrDefault(Guid.Parse(entry.EntityId!));
            var details = JsonNode.Parse(entry.Details!)!;
            if (details["changes"] is JsonObject changes)
            {
                foreach (var (_, change) in changes)
                {
                    foreach (var side in new[] { "old", "new" })
                    {
                        if (change?[side] is JsonValue value && value.TryGetValue<string>(out var text) && IsSealed(text))
                        {
                            change[side] = Open(key, text) is { } plain ? JsonNode.Parse(plain) : Erased;
                        }
                    }
                }
            }
            entry.Details = details.ToJsonString();
        }
    }
}

public sealed class PersonKeyConfiguration : IEntityTypeConfiguration<PersonKey>
{
    public void Configure(EntityTypeBuilder<PersonKey> k)
    {
        k.ToTable("PersonKeys");
        k.HasKey(x => x.SubjectId);
        k.Property(x => x.Key).IsConfidential();
    }
}
