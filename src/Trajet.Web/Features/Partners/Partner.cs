using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Trajet.Web.Features.Partners;

public enum PartnerKind { Lawyer, Ngo, SocialServices, Medical, Psychologist, School, Embassy, Authority, Other }

public enum ReferralStatus { Proposed, Sent, Accepted, Declined, Completed }

/// <summary>A partner in the organisation's own directory (never shared with another organisation).</summary>
public sealed class Partner
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public required string Name { get; set; }
    public PartnerKind Kind { get; set; }
    public string? Contact { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Notes { get; set; }
    public bool IsActive { get; set; } = true;
}

/// <summary>A case referred to a partner, with the family's agreement recorded before anything is sent.</summary>
public sealed class PartnerReferral : IProgrammeRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public Guid OrganisationId { get; set; }
    public Guid ProgrammeId { get; set; }
    public Guid PartnerId { get; set; }
    public Partner? Partner { get; set; }
    public DateOnly Date { get; set; }
    public required string Reason { get; set; }
    public ReferralStatus Status { get; set; } = ReferralStatus.Proposed;
    public DateOnly? FamilyAgreedOn { get; set; }
    public DateOnly StatusOn { get; set; }
    public string? Notes { get; set; }
    public DateTime CreatedAt { get; set; } = Clock.UtcNow;
}

/// <summary>Referral rules. Pure.</summary>
public static class ReferralRules
{
    /// <summary>Nothing leaves the organisation (sent, accepted, completed) without the family's recorded agreement.</summary>
    public static bool NeedsAgreement(ReferralStatus status) => status is ReferralStatus.Sent or ReferralStatus.Accepted or ReferralStatus.Completed;

    public static bool CanMove(ReferralStatus from, ReferralStatus to) => (from, to) switch
    {
        (ReferralStatus.Proposed, ReferralStatus.Sent or ReferralStatus.Declined) => true,
        (ReferralStatus.Sent, ReferralStatus.Accepted or ReferralStatus.Declined) => true,
        (ReferralStatus.Accepted, ReferralStatus.Completed or ReferralStatus.Declined) => true,
        _ => false,
    };
}

public sealed class PartnerConfiguration : IEntityTypeConfiguration<Partner>
{
    public void Configure(EntityTypeBuilder<Partner> p)
    {
        p.ToTable("Partners");
        p.Property(x => x.Name).HasMaxLength(200);
        p.Property(x => x.Contact).HasMaxLength(200);
        p.Property(x => x.Phone).HasMaxLength(50);
        p.Property(x => x.Email).HasMaxLength(200);
        p.Property(x => x.Notes).HasMaxLength(2000);
        p.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        p.HasIndex(x => new { x.OrganisationId, x.Name });
    }
}

public sealed class PartnerReferralConfiguration : IEntityTypeConfiguration<PartnerReferral>
{
    public void Configure(EntityTypeBuilder<PartnerReferral> r)
    {
        r.ToTable("PartnerReferrals");
        r.Property(x => x.Reason).HasMaxLength(1000);
        r.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        r.HasOne(x => x.Partner).WithMany().HasForeignKey(x => x.PartnerId).OnDelete(DeleteBehavior.Restrict);
        r.HasIndex(x => x.CaseId);
        r.HasIndex(x => x.PartnerId);
        r.Property(x => x.Notes).IsConfidential();
    }
}
