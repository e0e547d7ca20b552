using Microsoft.EntityFrameworkCore.Metadata.Builders;
namespace Trajet.Web.Features.Privacy;

/// <summary>What a person agreed to. Each purpose is asked and recorded separately.</summary>
public enum ConsentPurpose
{
    /// <summary>Being accompanied and having a case file kept.</summary>
    CaseManagement,
    /// <summary>Sharing information with one named partner of the organisation's directory.</summary>
    PartnerSharing,
    /// <summary>Sharing with another organisation (e.g. the outreach team across the border).</summary>
    CrossBorderExchange,
    /// <summary>Counting in the pseudonymised evaluation report.</summary>
    Evaluation,
    /// <summary>Being sent invitation letters and reminders at the person's own e-mail address (Cases/HouseholdContact).</summary>
    EmailReminders,
}

/// <summary>
/// A person's consent to one purpose, with how and in which language it was explained, and its withdrawal.
/// The subject is a case member, a whole household (member not named: given by the family), or an outreach person.
/// </summary>
public sealed class Consent
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid? CaseId { get; set; }
    public Guid? MemberId { get; set; }
    public Guid? OutreachPersonId { get; set; }
    public ConsentPurpose Purpose { get; set; }
    /// <summary>The named partner, for <see cref="ConsentPurpose.PartnerSharing"/>.</summary>
    public Guid? PartnerId { get; set; }
    /// <summary>The receiving organisation, for <see cref="ConsentPurpose.CrossBorderExchange"/>.</summary>
    public Guid? RecipientOrganisationId { get; set; }
    public DateOnly GivenOn { get; set; }
    public required string ExplainedHow { get; set; }
    /// <summary>ISO 639-1 code of the language it was explained in (not known for agreements recorded with a referral).</summary>
    public string? Language { get; set; }
    public Guid RecordedById { get; set; }
    public DateOnly? WithdrawnOn { get; set; }
    public string? WithdrawalNote { get; set; }
    public DateTime CreatedAt { get; set; } = Clock.UtcNow;
    public int Version { get; set; }
}

/// <summary>When a consent covers a sharing. Pure.</summary>
public static class ConsentRules
{
    /// <summary>A consent counts from the day it was given until (not including) the day it was withdrawn.</summary>
    public static bool IsActive(DateOnly givenOn, DateOnly? withdrawnOn, DateOnly on) => givenOn <= on && (withdrawnOn is null || on < withdrawnOn);

    /// <summary>The same rule for the database: the consents in force on that day.</summary>
    public static System.Linq.Expressions.Expression<Func<Consent, bool>> ActiveOn(DateOnly on) =>
        c => c.GivenOn <= on && (c.WithdrawnOn == null || c.WithdrawnOn > on);

    /// <summary>Purposes that name who receives the information.</summary>
    public static bool NeedsPartner(ConsentPurpose purpose) => purpose == ConsentPurpose.PartnerSharing;

    public static bool NeedsRecipientOrganisation(ConsentPurpose purpose) => purpose == ConsentPurpose.CrossBorderExchange;
}

public sealed class ConsentConfiguration : IEntityTypeConfiguration<Consent>
{
    public void Configure(EntityTypeBuilder<Consent> c)
    {
        c.ToTable("Consents");
        c.Property(x => x.Purpose).HasMaxLength(40);
        c.Property(x => x.ExplainedHow).HasMaxLength(1000);
        c.Property(x => x.Language).HasMaxLength(10);
        c.Property(x => x.Version).IsConcurrencyToken();
        c.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        c.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        c.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Cascade);
        c.HasIndex(x => new { x.CaseId, x.Purpose });
        c.HasIndex(x => new { x.OrganisationId, x.OutreachPersonId });
        c.Property(x => x.WithdrawalNote).IsConfidential();
    }
}
