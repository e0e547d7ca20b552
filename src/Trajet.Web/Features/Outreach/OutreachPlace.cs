using Trajet.Web.Features.Organisations;

namespace Trajet.Web.Features.Outreach;

public enum PlaceType { Shelter, Squat, StreetSpot, Station, DayCentre, Other }

/// <summary>Where the team meets people: a shelter, squat, street spot, station or day centre.</summary>
public sealed class OutreachPlace : IProgrammeRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid ProgrammeId { get; set; }
    public required string Name { get; set; }
    public PlaceType Type { get; set; }
    public required string City { get; set; }
    /// <summary>Brussels, Flanders, Wallonia, Hauts-de-France…</summary>
    public string? Region { get; set; }
    /// <summary>ISO 3166-1 alpha-2: BE or FR.</summary>
    public string Country { get; set; } = "BE";
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}
