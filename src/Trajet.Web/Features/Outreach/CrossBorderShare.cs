using Trajet.Web.Features.Organisations;

namespace Trajet.Web.Features.Outreach;

/// <summary>
/// The person's agreement that the team shares their contacts and outcomes with one named team
/// across the border: when, how it was explained and in which language. Withdrawn, it stops every share it allowed.
/// </summary>
public sealed class SharingAgreement : IProgrammeRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid ProgrammeId { get; set; }
    public Guid PersonId { get; set; }
    /// <summary>The other team's programme the person agreed to share with.</summary>
    public Guid RecipientProgrammeId { get; set; }
    public DateOnly Date { get; set; }
    public required string ExplainedHow { get; set; }
    /// <summary>ISO 639-1 code of the language the explanation was given in.</summary>
    public required string Language { get; set; }
    public DateOnly? WithdrawnOn { get; set; }
    public Guid? RecordedByUserId { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}

/// <summary>A person's record shared, read-only, with the other team, under an agreement.</summary>
public sealed class CrossBorderShare : IProgrammeRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid ProgrammeId { get; set; }
    public Guid PersonId { get; set; }
    public Guid AgreementId { get; set; }
    public SharingAgreement? Agreement { get; set; }
    public Guid RecipientOrganisationId { get; set; }
    public Guid RecipientProgrammeId { get; set; }
    public DateOnly SharedOn { get; set; }
    public DateOnly? StoppedOn { get; set; }
    public Guid? SharedByUserId { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}
