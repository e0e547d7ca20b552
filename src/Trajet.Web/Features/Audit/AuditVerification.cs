using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Storage;

namespace Trajet.Web.Features.Audit;

/// <summary>
/// Walks the hash chain in batches and stops at the first entry missing, unlinked, changed or unreadable. Rows are read
/// raw, not through the model, so that anything an intruder writes in a column is that entry's fault, never an error.
/// </summary>
public static class AuditVerification
{
    public sealed record Invalid(long Sequence, string Reason);

    public sealed record Verification(bool Valid, long Entries, Invalid? FirstInvalid);

    public const string Missing = "This entry is missing.";
    public const string Unlinked = "The link to the previous entry is broken.";
    public const string Changed = "The entry was changed after it was written.";

    private const string Select = """
        SELECT "Sequence", "At", "ActorId", "ActorEmail", "ActorOrganisationId", "Action", "EntityType", "EntityId",
               "CaseId", "OrganisationId", "Details", "PreviousHash", "Hash"
        FROM "AuditEntries" WHERE "Sequence" > @after ORDER BY "Sequence" LIMIT @take
        """;

    public static async Task<Verification> VerifyAsync(TrajetDbContext db, CancellationToken ct, int batchSize = 1000)
    {
        long expected = 1, count = 0;
        var previous = AuditHash.Genesis;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            while (true)
            {
                var read = 0;
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = Select;
                command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
                command.AddParameter("@after", expected - 1);
                command.AddParameter("@take", batchSize);
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    read++;
                    var sequence = reader.GetInt64(0);
                    var entry = Entry(reader);
                    var problem = sequence != expected ? new Invalid(expected, Missing)
                        : entry is null ? new Invalid(sequence, Changed)
                        : entry.PreviousHash != previous ? new Invalid(sequence, Unlinked)
                        : AuditHash.Compute(entry) != entry.Hash ? new Invalid(sequence, Changed)
                        : null;
                    if (problem is not null)
                    {
                        return new Verification(false, count, problem);
                    }
                    previous = entry!.Hash;
                    expected++;
                    count++;
                }
                if (read < batchSize)
                {
                    return new Verification(true, count, null);
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The entry as written, or null when a column holds what the app never writes there.</summary>
    private static AuditEntry? Entry(DbDataReader row)
    {
        if (!When(row, 1, out var at) || !Id(row, 2, out var actorId) || !Text(row, 3, out var actorEmail) || !Id(row, 4, out var actorOrganisation)
            || !Text(row, 5, out var actionText) || !Enum.TryParse<AuditAction>(actionText, out var action) || action.ToString() != actionText
            || !Text(row, 6, out var entityType) || !Text(row, 7, out var entityId) || !Id(row, 8, out var caseId)
            || !Id(row, 9, out var organisationId) || !Text(row, 10, out var details) || !IsJson(details)
            || !Text(row, 11, out var previousHash) || previousHash is null || !Text(row, 12, out var hash) || hash is null)
        {
            return null;
        }
        return new AuditEntry
        {
            Sequence = row.GetInt64(0),
            At = at,
            ActorId = actorId,
            ActorEmail = actorEmail,
            ActorOrganisationId = actorOrganisation,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            CaseId = caseId,
            OrganisationId = organisationId,
            Details = details,
            PreviousHash = previousHash,
            Hash = hash,
        };
    }

    // Text or NULL; SQLite would hand back a number or bytes written into a text column as they are.
    private static bool Text(DbDataReader row, int column, out string? value)
    {
        var raw = row.GetValue(column);
        value = raw as string;
        return raw is string or DBNull;
    }

    // PostgreSQL's timestamp, or SQLite's text.
    private static bool When(DbDataReader row, int column, out DateTime value)
    {
        value = default;
        switch (row.GetValue(column))
        {
            case DateTime stored:
                value = stored;
                return true;
            case string text:
                return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out value);
            default:
                return false;
        }
    }

    // A GUID (PostgreSQL's uuid, SQLite's text) or NULL.
    private static bool Id(DbDataReader row, int column, out Guid? value)
    {
        value = null;
        switch (row.GetValue(column))
        {
            case DBNull:
                return true;
            case Guid id:
                value = id;
                return true;
            case string text when Guid.TryParse(text, out var parsed):
                value = parsed;
                return true;
            default:
                return false;
        }
    }

    private static bool IsJson(string? text)
    {
        if (text is null)
        {
            return true;
        }
        try
        {
            using var _ = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
