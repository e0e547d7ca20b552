using System.Text.Json;

namespace Trajet.Web.Features.Audit;

/// <summary>The details of an entry as short lines for people; values only for those who may see the case.</summary>
public static class AuditDetails
{
    public sealed record Line(string Name, string? Old, string? New, bool Redacted);

    /// <summary>
    /// One line per changed property (<c>Status: referred → screening</c>) or per other detail (<c>path</c>).
    /// Without values (an administrator, who sees no case data), changed properties are named only.
    /// </summary>
    public static IReadOnlyList<Line> Describe(string? details, bool withValues)
    {
        if (string.IsNullOrEmpty(details))
        {
            return [];
        }
        using var json = JsonDocument.Parse(details);
        var lines = new List<Line>();
        foreach (var property in json.RootElement.EnumerateObject())
        {
            if (property.Name == "changes" && property.Value.ValueKind == JsonValueKind.Object)
            {
                foreach (var change in property.Value.EnumerateObject())
                {
                    var redacted = change.Value.TryGetProperty("redacted", out _);
                    lines.Add(withValues && !redacted
                        ? new Line(change.Name, Text(change.Value, "old"), Text(change.Value, "new"), false)
                        : new Line(change.Name, null, null, redacted));
                }
            }
            else if (withValues || property.Name is "path" or "via" or "reason" or "format")
            {
                lines.Add(new Line(property.Name, null, Text(property.Value), false));
            }
        }
        return lines;
    }

    /// <summary>Administrators see no case data: values only of accounts, organisations and sign-ins.</summary>
    public static bool AdministratorSeesValues(AuditEntry entry) =>
        entry.Action is AuditAction.SignIn or AuditAction.SignInFailed or AuditAction.SignOut
        || entry.EntityType is "User" or "UserRole" or "UserProgramme" or "Organisation" or "Programme";

    private static string? Text(JsonElement change, string side) =>
        change.TryGetProperty(side, out var value) ? Text(value) : null;

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => value.GetString(),
        _ => value.GetRawText(),
    };
}
