using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Trajet.Web.Features.Accounts;

/// <summary>
/// A phone an organisation hands out for rounds and home visits. Field workers who sign in on it get a field session
/// (<see cref="FieldSessions"/>); the phone holds a random token in its <c>trajet.device</c> cookie, the table only its hash.
/// </summary>
public sealed class RegisteredDevice
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    /// <summary>What the team calls it: "Round phone 2".</summary>
    public required string Name { get; set; }
    /// <summary>SHA-256 of the token, lower-case hex (<see cref="DeviceToken"/>).</summary>
    public required string TokenHash { get; set; }
    public Guid RegisteredByUserId { get; set; }
    public DateTime RegisteredAt { get; set; }
    /// <summary>From then on the phone gives no field session, and the field sessions it gave end at their next request.</summary>
    public DateTime? RevokedAt { get; set; }
}

public sealed class RegisteredDeviceConfiguration : IEntityTypeConfiguration<RegisteredDevice>
{
    public void Configure(EntityTypeBuilder<RegisteredDevice> d)
    {
        d.ToTable("RegisteredDevices");
        d.Property(x => x.Name).HasMaxLength(RegisterDevice.NameLength);
        d.Property(x => x.TokenHash).HasMaxLength(64);
        d.HasIndex(x => x.TokenHash).IsUnique();
        d.HasIndex(x => x.OrganisationId);
        d.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        d.HasOne<User>().WithMany().HasForeignKey(x => x.RegisteredByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>Who manages an organisation's phones: its coordinators, and administrators (who manage every organisation).</summary>
public static class DeviceAccess
{
    public static bool MayManage(UserContext user) => user.IsAdministrator || (user.IsCoordinator && user.OrganisationId is not null);

    /// <summary>The phones the user may see and revoke; another organisation's phone is not among them (404).</summary>
    public static IQueryable<RegisteredDevice> Visible(this IQueryable<RegisteredDevice> devices, UserContext user) =>
        user.IsAdministrator ? devices : devices.Where(d => d.OrganisationId == user.OrganisationId);
}

/// <summary>A phone as the pages show it; <see cref="IsThisPhone"/> when it is the one the request comes from.</summary>
public sealed record RegisteredDeviceView(Guid Id, string Name, string Organisation, string RegisteredBy, DateTime RegisteredAt, DateTime? RevokedAt, bool IsThisPhone)
{
    public static IQueryable<RegisteredDeviceView> Read(TrajetDbContext db, IQueryable<RegisteredDevice> devices, string? thisPhoneHash) =>
        devices.OrderBy(d => d.RevokedAt != null).ThenByDescending(d => d.RegisteredAt).Select(d => new RegisteredDeviceView(
            d.Id,
            d.Name,
            db.Organisations.Where(o => o.Id == d.OrganisationId).Select(o => o.Name).FirstOrDefault() ?? "",
            db.Users.Where(u => u.Id == d.RegisteredByUserId).Select(u => u.DisplayName).FirstOrDefault() ?? "",
            d.RegisteredAt,
            d.RevokedAt,
            thisPhoneHash != null && d.TokenHash == thisPhoneHash));
}
