using System.Formats.Tar;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Trajet.Web.Features.Operations;

/// <summary>What a backup or restore did, or why it refused, in words for the person who ran it.</summary>
public sealed record BackupOutcome(bool Succeeded, string Message);

/// <summary>
/// A backup is one tar file: <c>trajet-backup.json</c> (first), the database (<c>database.sqlite</c> or
/// <c>database.pgdump</c>), <c>documents/&lt;key&gt;</c> and, unless left out, <c>keys/&lt;name&gt;.xml</c>.
/// </summary>
public static partial class BackupArchive
{
    public const int Format = 1;
    public const string ManifestName = "trajet-backup.json";
    public const string DocumentsFolder = "documents/";
    public const string KeysFolder = "keys/";

    public sealed record Manifest(int Format, DatabaseProvider Provider, DateTimeOffset CreatedAt, IReadOnlyList<string> Migrations, int Documents, bool Keys);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static string DatabaseName(DatabaseProvider provider) => provider == DatabaseProvider.Postgres ? "database.pgdump" : "database.sqlite";

    public static byte[] Serialize(Manifest manifest) => JsonSerializer.SerializeToUtf8Bytes(manifest, Json);

    public static Manifest? Deserialize(Stream content)
    {
        try
        {
            return JsonSerializer.Deserialize<Manifest>(content, Json) is { Migrations: not null } manifest ? manifest : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Document files keep the store's random names: 32 lowercase hex digits and nothing else.</summary>
    public static bool IsDocumentName(string name) => name.Length == 32 && name.All(char.IsAsciiHexDigitLower);

    /// <summary>Data Protection writes <c>key-&lt;guid&gt;.xml</c>; nothing with a path or an odd character is accepted back.</summary>
    public static bool IsKeyName(string name) => KeyName().IsMatch(name);

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,120}\.xml$")]
    private static partial Regex KeyName();

    public static bool IsFile(TarEntry entry) => entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile;
}
