using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Trajet.Web.Features.Accounts;

public sealed class User : IdentityUser<Guid>
{
    public User() => Id = Guid.CreateVersion7();

    public string DisplayName { get; set; } = "";
    /// <summary>Null only for system administrators, who belong to no organisation.</summary>
    public Guid? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public bool IsActive { get; set; } = true;
    /// <summary>Set only by the demo seed, whose published accounts sign in with a password alone; no page or endpoint changes it.</summary>
    public bool TwoFactorExempt { get; set; }
    public DateTime CreatedAt { get; set; } = Clock.UtcNow;
    public List<UserProgramme> Programmes { get; set; } = [];
}

public sealed class Role : IdentityRole<Guid>
{
    public Role() => Id = Guid.CreateVersion7();
}

public sealed class UserProgramme
{
    public Guid UserId { get; set; }
    public Guid ProgrammeId { get; set; }
    public Programme? Programme { get; set; }
}

public static class Roles
{
    public const string Administrator = nameof(Administrator);
    public const string Coordinator = nameof(Coordinator);
    public const string CaseManager = nameof(CaseManager);
    public const string OutreachWorker = nameof(OutreachWorker);
    public const string Mediator = nameof(Mediator);
    public const string Evaluator = nameof(Evaluator);

    public static readonly IReadOnlyList<string> All =
        [Administrator, Coordinator, CaseManager, OutreachWorker, Mediator, Evaluator];
}

public sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> u)
    {
        u.Property(x => x.DisplayName).HasMaxLength(200);
        u.HasOne(x => x.Organisation).WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        u.HasMany(x => x.Programmes).WithOne().HasForeignKey(x => x.UserId);
        u.HasIndex(x => x.OrganisationId);
    }
}

public sealed class UserProgrammeConfiguration : IEntityTypeConfiguration<UserProgramme>
{
    public void Configure(EntityTypeBuilder<UserProgramme> up)
    {
        up.ToTable("UserProgrammes");
        up.HasKey(x => new { x.UserId, x.ProgrammeId });
        up.HasOne(x => x.Programme).WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        up.HasIndex(x => x.ProgrammeId);
    }
}

/// <summary>The authenticator keys of two-factor sign-in are Identity's tokens: encrypted at rest.</summary>
public sealed class AuthenticatorKeyConfiguration : IEntityTypeConfiguration<IdentityUserToken<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityUserToken<Guid>> token) => token.Property(x => x.Value).IsConfidential();
}
