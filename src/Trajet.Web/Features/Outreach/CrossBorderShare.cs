using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Trajet.Web.Features.Outreach;

/// <summary>
/// A person's record shared, read-only, with the other team, under the person's consent to that
/// cross-border exchange (<see cref="Privacy.Consent"/>); the share holds only while the consent does.
/// </summary>
public sealed class CrossBorderShare : IProgrammeRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid ProgrammeId { get; set; }
    public Guid PersonId { get; set; }
    /// <summary>The consent (purpose cross-border exchange, naming the recipient organisation) it rests on.</summary>
    public Guid ConsentId { get; set; }
    public Guid RecipientOrganisationId { get; set; }
    public Guid RecipientProgrammeId { get; set; }
    public DateOnly SharedOn { get; set; }
    public DateOnly? StoppedOn { get; set; }
    public Guid? SharedByUserId { get; set; }
    public DateTime CreatedAt { get; set; } = Clock.UtcNow;
}

public sealed class CrossBorderShareConfiguration : IEntityTypeConfiguration<CrossBorderShare>
{
    public void Configure(EntityTypeBuilder<CrossBorderShare> s)
    {
        s.ToTable("CrossBorderShares");
        s.HasOne<OutreachPerson>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        s.HasIndex(x => x.PersonId);
        s.HasIndex(x => x.ConsentId);
        s.HasIndex(x => new { x.RecipientOrganisationId, x.StoppedOn });
    }
}
