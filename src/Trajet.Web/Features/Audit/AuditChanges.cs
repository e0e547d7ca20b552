using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Trajet.Web.Features.Audit;

/// <summary>Turns what SaveChanges is about to write into audit drafts: one per record, with old and new values.</summary>
public static class AuditChanges
{
    // Identity's bookkeeping (tokens, claims, stamps, sessions), the name index and roles themselves are noise or secrets.
    private static readonly HashSet<Type> Skipped =
    [
        typeof(AuditEntry), typeof(Role), typeof(PersonNameKey), typeof(IdentityUserClaim<Guid>),
        typeof(IdentityUserLogin<Guid>), typeof(IdentityUserToken<Guid>), typeof(IdentityRoleClaim<Guid>), typeof(PersonKey), typeof(StartupTask), typeof(UserSession), typeof(IdempotentRequest), typeof(DeviceKey), typeof(Features.Imports.PendingImport),
        typeof(Features.Reminders.OutgoingMail), typeof(Features.Reminders.ReminderPreference), typeof(Infrastructure.Jobs.JobLease),
    ];

    // Of an account, what matters: who it is, where, whether it may sign in, and that its password changed.
    private static readonly HashSet<string> UserProperties =
    [
        nameof(User.Email), nameof(User.DisplayName), nameof(User.OrganisationId), nameof(User.IsActive),
        nameof(User.LockoutEnd), nameof(User.PasswordHash), nameof(User.TwoFactorEnabled),
    ];

    private static readonly JsonSerializerOptions Json = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private sealed class Builder(string type, string id)
    {
        public string Type { get; } = type;
        public string Id { get; } = id;
        public AuditAction? Action { get; set; }
        public Guid? CaseId { get; set; }
        public Guid? OrganisationId { get; set; }
        public JsonObject Changes { get; } = [];
    }

    public static async Task<List<AuditDraft>> CollectAsync(TrajetDbContext db, CancellationToken ct)
    {
        var builders = new Dictionary<(string, string), Builder>();
        var keys = await PersonKeysAsync(db, ct);
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || Skipped.Contains(entry.Metadata.ClrType))
            {
                continue;
            }
            var ownership = entry.Metadata.FindOwnership();
            var root = ownership?.PrincipalEntityType ?? entry.Metadata;
            var prefix = ownership is null ? "" : ownership.PrincipalToDependent?.Name + ".";
            var key = string.Join("/", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Convert.ToString(Value(entry, p.Name), System.Globalization.CultureInfo.InvariantCulture)));
            var name = TypeName(root.ClrType);
            if (!builders.TryGetValue((name, key), out var builder))
            {
                builders[(name, key)] = builder = new Builder(name, key);
            }
            if (ownership is null)
            {
                builder.Action = entry.State switch { EntityState.Added => AuditAction.Create, EntityState.Deleted => AuditAction.Delete, _ => AuditAction.Update };
            }
            builder.CaseId ??= root.ClrType == typeof(Case) ? Guid.Parse(key) : Value(entry, "CaseId") as Guid?;
            builder.OrganisationId ??= root.ClrType == typeof(Organisation) ? Guid.Parse(key) : Value(entry, "OrganisationId") as Guid?;
            AddChanges(entry, builder.Changes, prefix, root.ClrType == typeof(User), SubjectOf(entry) is { } subject ? keys.GetValueOrDefault(subject) : null);
        }

        var drafts = builders.Values.Where(b => b.Changes.Count > 0 || b.Action is AuditAction.Create or AuditAction.Delete).ToList();
        await FillOrganisationsAsync(db, drafts, ct);
        return drafts.Select(b => new AuditDraft(b.Action ?? AuditAction.Update, b.Type, b.Id, b.CaseId, b.OrganisationId,
            new JsonObject { ["changes"] = b.Changes }.ToJsonString(Json))).ToList();
    }

    /// <summary>Free text (notes, observations, long descriptions) and secrets are recorded as changed, never by value.</summary>
    public static bool IsRedacted(IProperty property) =>
        property.Name is nameof(User.PasswordHash) or nameof(RegisteredDevice.TokenHash) ||
        (property.ClrType == typeof(string) && (property.Name.Contains("Note", StringComparison.OrdinalIgnoreCase)
            || property.Name.Contains("Text", StringComparison.OrdinalIgnoreCase)
            || property.GetMaxLength() is null or >= 1000));

    // The people whose identifying values (names, nickname, phone…) are about to be written get their key first.
    private static async Task<Dictionary<Guid, string>> PersonKeysAsync(TrajetDbContext db, CancellationToken ct)
    {
        var subjects = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(SubjectOf).OfType<Guid>()
            .ToList();
        return subjects.Count == 0 ? [] : await PersonSeal.KeysForWritingAsync(db, subjects, ct);
    }

    // The person a row identifies (a member, an outreach person): the rows whose type has identifying properties.
    private static Guid? SubjectOf(EntityEntry entry) =>
        entry.Metadata.GetProperties().Any(p => p.FindAnnotation(PersonSeal.Annotation) is not null) ? (Guid)entry.Property("Id").CurrentValue! : null;

    private static void AddChanges(EntityEntry entry, JsonObject changes, string prefix, bool isUser, string? personKey)
    {
        var keys = entry.Metadata.FindPrimaryKey()!.Properties;
        foreach (var property in entry.Properties)
        {
            var meta = property.Metadata;
            if (keys.Contains(meta) || (meta.IsConcurrencyToken && meta.Name == "Version") || (isUser && !UserProperties.Contains(meta.Name))
                || meta.FindAnnotation(ModelMarks.Derived) is not null)
            {
                continue;
            }
            object? before = entry.State == EntityState.Added ? null : property.OriginalValue;
            object? after = entry.State == EntityState.Deleted ? null : property.CurrentValue;
            if (Equals(before, after) || (entry.State == EntityState.Modified && !property.IsModified))
            {
                continue;
            }
            var change = new JsonObject();
            if (IsRedacted(meta))
            {
                change["redacted"] = true;
            }
            else
            {
                // A person's identifying values are sealed with their key: erasing the person makes them unreadable.
                JsonNode? Node(object? value) => personKey is not null && meta.FindAnnotation(PersonSeal.Annotation) is not null && value is not null
                    ? PersonSeal.Seal(personKey, JsonSerializer.Serialize(value, Json))
                    : JsonSerializer.SerializeToNode(value, Json);
                if (entry.State != EntityState.Added)
                {
                    change["old"] = Node(before);
                }
                if (entry.State != EntityState.Deleted)
                {
                    change["new"] = Node(after);
                }
            }
            changes[prefix + meta.Name] = change;
        }
    }

    // Rows that do not carry their organisation get it from their case, or (roles, programmes of a user) from the user.
    /// <summary>The organisation of each of these cases (an id that is not a case's is left out).</summary>
    public static Task<Dictionary<Guid, Guid>> CaseOrganisationsAsync(TrajetDbContext db, IReadOnlyCollection<Guid> caseIds, CancellationToken ct) =>
        db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.OrganisationId, ct);

    private static async Task FillOrganisationsAsync(TrajetDbContext db, List<Builder> drafts, CancellationToken ct)
    {
        var caseIds = drafts.Where(d => d.OrganisationId is null && d.CaseId is not null).Select(d => d.CaseId!.Value).Distinct().ToList();
        if (caseIds.Count > 0)
        {
            var owners = await CaseOrganisationsAsync(db, caseIds, ct);
            foreach (var d in drafts.Where(d => d.OrganisationId is null && d.CaseId is not null))
            {
                d.OrganisationId = owners.TryGetValue(d.CaseId!.Value, out var o) ? o : null;
            }
        }
        var userRows = drafts.Where(d => d.Type is "UserRole" or nameof(UserProgramme)).ToList();
        if (userRows.Count > 0)
        {
            var userIds = userRows.Select(d => Guid.Parse(d.Id.Split('/')[0])).Distinct().ToList();
            var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.OrganisationId, ct);
            var roleIds = userRows.Where(d => d.Type == "UserRole").Select(d => Guid.Parse(d.Id.Split('/')[1])).Distinct().ToList();
            var roles = await db.Roles.AsNoTracking().Where(r => roleIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
            foreach (var d in userRows)
            {
                var parts = d.Id.Split('/');
                d.OrganisationId ??= users.GetValueOrDefault(Guid.Parse(parts[0]));
                if (d.Type == "UserRole" && roles.TryGetValue(Guid.Parse(parts[1]), out var role))
                {
                    d.Changes["Role"] = new JsonObject { [d.Action == AuditAction.Delete ? "old" : "new"] = role };
                }
            }
        }
    }

    private static string TypeName(Type type) => type == typeof(IdentityUserRole<Guid>) ? "UserRole" : type.Name;

    private static object? Value(EntityEntry entry, string property) =>
        entry.Metadata.FindProperty(property) is null ? null
            : entry.State == EntityState.Deleted ? entry.Property(property).OriginalValue : entry.Property(property).CurrentValue;
}
