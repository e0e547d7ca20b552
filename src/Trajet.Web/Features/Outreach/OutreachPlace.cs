using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Trajet.Web.Features.Outreach;

public enum PlaceType { Shelter, Squat, StreetSpot, Station, DayCentre, Other }

/// <summary>Where the team meets people: a shelter, squat, street spot, station or day centre.</summary>
public sealed class OutreachPlace : IProgrammeRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid ProgrammeId { get; set; }
    /// <summary>The default name: shown where the reader's language has none.</summary>
    public required string Name { get; set; }
    public LocalizedText Names { get; set; } = new();
    public PlaceType Type { get; set; }
    public required string City { get; set; }
    /// <summary>Brussels, Flanders, Wallonia, Hauts-de-France…</summary>
    public string? Region { get; set; }
    /// <summary>ISO 3166-1 alpha-2: BE or FR.</summary>
    public string Country { get; set; } = "BE";
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; } = Clock.UtcNow;
}

public sealed class OutreachPlaceConfiguration : IEntityTypeConfiguration<OutreachPlace>
{
    public void Configure(EntityTypeBuilder<OutreachPlace> p)
    {
        p.ToTable("OutreachPlaces");
        p.Property(x => x.Name).HasMaxLength(200);
        p.HasLocalized(x => x.Names, "Name", 200);
        p.Property(x => x.City).HasMaxLength(100);
        p.Property(x => x.Region).HasMaxLength(100);
        p.Property(x => x.Country).HasMaxLength(2);
        p.HasOne<Programme>().WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        p.HasIndex(x => new { x.ProgrammeId, x.Name });
    }
}
