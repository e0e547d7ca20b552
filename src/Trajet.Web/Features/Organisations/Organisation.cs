namespace Trajet.Web.Features.Organisations;

public enum OrganisationKind { System, Ngo, Authority, Agency }

/// <summary>The wall: every record belongs to exactly one organisation and never leaves it unless shared.</summary>
public sealed class Organisation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public OrganisationKind Kind { get; set; }
    /// <summary>ISO 3166-1 alpha-2: BE or FR.</summary>
    public string Country { get; set; } = "BE";
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public List<Programme> Programmes { get; set; } = [];
}

public enum ProgrammeKind { FamilyCaseManagement, IndividualCoaching, Outreach }

public sealed class Programme
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    /// <summary>Stable identifier used by the API, e.g. <c>plan-together</c>.</summary>
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public ProgrammeKind Kind { get; set; }
    /// <summary>Prefix of case numbers, e.g. PT gives PT-2026-0001.</summary>
    public required string CasePrefix { get; set; }
    public bool IsActive { get; set; } = true;
}
