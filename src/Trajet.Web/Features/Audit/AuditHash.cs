using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Trajet.Web.Features.Audit;

/// <summary>
/// The hash of an entry: SHA-256 over a canonical text of its fields in a fixed order, each written as
/// its length, a colon and its value (so no field can bleed into the next), ending with the previous hash.
/// </summary>
public static class AuditHash
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Compute(AuditEntry e) => Compute(Canonical(e));

    public static string Canonical(AuditEntry e)
    {
        var text = new StringBuilder("trajet-audit-v1\n");
        Field(text, e.Sequence.ToString(CultureInfo.InvariantCulture));
        Field(text, e.At.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
        Field(text, e.ActorId?.ToString("D"));
        Field(text, e.ActorEmail);
        Field(text, e.ActorOrganisationId?.ToString("D"));
        Field(text, e.Action.ToString());
        Field(text, e.EntityType);
        Field(text, e.EntityId);
        Field(text, e.CaseId?.ToString("D"));
        Field(text, e.OrganisationId?.ToString("D"));
        Field(text, e.Details);
        Field(text, e.PreviousHash);
        return text.ToString();
    }

    /// <summary>Truncates to whole microseconds, the precision both databases keep.</summary>
    public static DateTime Normalize(DateTime at)
    {
        var utc = at.Kind == DateTimeKind.Local ? at.ToUniversalTime() : at;
        return new DateTime(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);
    }

    private static string Compute(string canonical) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));

    // A null field is "-"; any value (even empty) is "length:value".
    private static void Field(StringBuilder text, string? value) =>
        text.Append(value is null ? "-" : $"{value.Length.ToString(CultureInfo.InvariantCulture)}:{value}").Append('\n');
}
