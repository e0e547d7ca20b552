using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Trajet.Web.Features.Accounts;

/// <summary>One signed-in browser: its sign-in cookie names this row, and opens nothing once the row is gone.</summary>
public sealed class UserSession
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid UserId { get; set; }
    public DateTime StartedAt { get; set; }
    /// <summary>A field session's registered phone (<see cref="FieldSessions"/>): the session ends when the phone is revoked.</summary>
    public Guid? DeviceId { get; set; }
    /// <summary>A field session's hard end, however active; null for an ordinary session.</summary>
    public DateTime? EndsAt { get; set; }
}

public sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> session)
    {
        session.ToTable("UserSessions");
        session.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        session.HasIndex(s => s.UserId);
        // No foreign key: SQLite cannot add one to an existing table; the session check joins on it.
        session.HasIndex(s => s.DeviceId);
    }
}
