using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Trajet.Web.Data;

/// <summary>
/// Free-text notes about people are encrypted in the database with the Data Protection keys (Infrastructure/KeyRing.cs):
/// outside it on SQLite; inside it on PostgreSQL, where only a key-encryption certificate keeps a copy of the database
/// alone from reading them.
/// Stored as <c>enc1:</c> + the protected payload; rows written before encryption are read as they are
/// and encrypted at start-up (<see cref="EncryptLegacyRowsAsync"/>).
/// </summary>
public sealed class ConfidentialText(IDataProtectionProvider provider)
{
    private const string Prefix = "enc1:";
    private readonly IDataProtector protector = provider.CreateProtector("Trajet.ConfidentialText.v1");

    public string Protect(string plain) => Prefix + protector.Protect(plain);

    /// <summary>Shown instead of a note whose key this installation does not have (e.g. a backup restored without its keys).</summary>
    public const string Unreadable = "[encrypted with a key this installation does not have]";

    public string Unprotect(string stored)
    {
        if (!stored.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return stored;
        }
        try
        {
            return protector.Unprotect(stored[Prefix.Length..]);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return Unreadable;
        }
    }

    public static bool IsProtected(string? stored) => stored?.StartsWith(Prefix, StringComparison.Ordinal) == true;

    /// <summary>
    /// Gives every property marked <see cref="ModelMarks.IsConfidential"/> its encryption, when the context has the keys
    /// (a context built without them, e.g. to compare the model with the migrations, only shapes the columns).
    /// </summary>
    public static void Encrypt(ModelBuilder builder, ConfidentialText? text)
    {
        if (text is null)
        {
            return;
        }
        var converter = new ValueConverter<string?, string?>(v => v == null ? null : text.Protect(v), v => v == null ? null : text.Unprotect(v));
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(e => e.GetDeclaredProperties()).Where(p => p.FindAnnotation(Annotation) is not null))
        {
            property.SetValueConverter(converter);
        }
    }

    public const string Annotation = "Trajet:Confidential";

    /// <summary>Encrypts, in place, notes written in clear by an earlier version.</summary>
    public async Task EncryptLegacyRowsAsync(TrajetDbContext db, CancellationToken ct = default)
    {
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var columns = entity.GetProperties().Where(p => p.FindAnnotation(Annotation) is not null).ToList();
            var key = entity.FindPrimaryKey()?.Properties;
            if (columns.Count == 0 || key is null || entity.GetTableName() is not { } table)
            {
                continue;
            }
            var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
            foreach (var column in columns.Select(c => c.GetColumnName(store)!))
            {
                await EncryptColumnAsync(db, table, column, key.Select(k => k.GetColumnName(store)!).ToList(), ct);
            }
        }
    }

    private async Task EncryptColumnAsync(TrajetDbContext db, string table, string column, List<string> key, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(ct);
        }
        var keys = string.Join(", ", key.Select(k => $"\"{k}\""));
        var rows = new List<(object[] Key, string Text)>();
        await using (var select = connection.CreateCommand())
        {
            select.CommandText = $"SELECT {keys}, \"{column}\" FROM \"{table}\" WHERE \"{column}\" IS NOT NULL AND \"{column}\" NOT LIKE '{Prefix}%'";
            await using var reader = await select.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                rows.Add((Enumerable.Range(0, key.Count).Select(reader.GetValue).ToArray(), reader.GetString(key.Count)));
            }
        }
        if (rows.Count == 0)
        {
            return;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var (ids, text) in rows)
        {
            await using var update = connection.CreateCommand();
            update.Transaction = transaction.GetDbTransaction();
            update.CommandText = $"UPDATE \"{table}\" SET \"{column}\" = @text WHERE " + string.Join(" AND ", key.Select((k, i) => $"\"{k}\" = @k{i}"));
            update.AddParameter("@text", Protect(text));
            for (var i = 0; i < ids.Length; i++)
            {
                update.AddParameter($"@k{i}", ids[i]);
            }
            await update.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
    }
}

/// <summary>Each encryption key set gets its own model, since the model holds the converters (several apps share a process in tests).</summary>
public sealed class ConfidentialModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), (context as TrajetDbContext)?.Confidential, designTime);
}
