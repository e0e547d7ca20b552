using Microsoft.EntityFrameworkCore.Metadata.Builders;
namespace Trajet.Web.Features.Audit;

public enum AuditAction { Read, Create, Update, Delete, Export, SignIn, SignInFailed, SignOut }

/// <summary>
/// One line of the append-only audit trail. Each entry carries the hash of the one before it, so
/// that editing or deleting any entry in the database breaks the chain (see <see cref="AuditHash"/>).
/// </summary>
public sealed class AuditEntry
{
    public long Sequence { get; set; }
    /// <summary>UTC, whole microseconds (what PostgreSQL keeps), so that the hash survives a round trip.</summary>
    public DateTime At { get; set; }
    public Guid? ActorId { get; set; }
    /// <summary>The actor's e-mail at the time (or the e-mail typed, for a failed sign-in).</summary>
    public string? ActorEmail { get; set; }
    public Guid? ActorOrganisationId { get; set; }
    public AuditAction Action { get; set; }
    public string? EntityType { get; set; }
    public string? EntityId { get; set; }
    public Guid? CaseId { get; set; }
    /// <summary>The organisation that owns the record read or changed.</summary>
    public Guid? OrganisationId { get; set; }
    /// <summary>JSON: for changes <c>{"changes":{"Property":{"old":…,"new":…}}}</c>; free text only as <c>{"redacted":true}</c>.</summary>
    public string? Details { get; set; }
    public string PreviousHash { get; set; } = AuditHash.Genesis;
    public string Hash { get; set; } = "";
}

/// <summary>Who did it: a signed-in user, nobody yet (a failed sign-in), or the system (start-up, seeding).</summary>
public sealed record AuditActor(Guid? Id, string? Email, Guid? OrganisationId)
{
    public static readonly AuditActor System = new(null, null, null);
}

/// <summary>An entry to append, before the chain gives it a sequence number and a hash.</summary>
public sealed record AuditDraft(AuditAction Action, string? EntityType, string? EntityId, Guid? CaseId, Guid? OrganisationId, string? Details, AuditActor? Actor = null);

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> a)
    {
        a.ToTable("AuditEntries");
        a.HasKey(x => x.Sequence);
        a.Property(x => x.Sequence).ValueGeneratedNever();
        a.Property(x => x.ActorEmail).HasMaxLength(256);
        a.Property(x => x.EntityType).HasMaxLength(60);
        a.Property(x => x.EntityId).HasMaxLength(100);
        a.Property(x => x.PreviousHash).HasMaxLength(64);
        a.Property(x => x.Hash).HasMaxLength(64);
        a.HasIndex(x => x.At);
        a.HasIndex(x => new { x.CaseId, x.Sequence });
        a.HasIndex(x => new { x.OrganisationId, x.Sequence });
        a.HasIndex(x => new { x.ActorEmail, x.Sequence });
        a.HasIndex(x => new { x.Action, x.Sequence });
    }
}
