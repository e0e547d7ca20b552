using Microsoft.EntityFrameworkCore.Metadata.Builders;
namespace Trajet.Web.Features.Organisations;

public enum OrganisationKind { System, Ngo, Authority, Agency }

/// <summary>The wall: every record belongs to exactly one organisation and never leaves it unless shared.</summary>
public sealed class Organisation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>The default name, unique; letters use the name in their own language when there is one.</summary>
    public required string Name { get; set; }
    public LocalizedText Names { get; set; } = new();
    public OrganisationKind Kind { get; set; }
    /// <summary>ISO 3166-1 alpha-2: BE or FR.</summary>
    public string Country { get; set; } = "BE";
    public DateTime CreatedAt { get; set; } = Clock.UtcNow;
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

public sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> o)
    {
        o.ToTable("Organisations");
        o.Property(x => x.Name).HasMaxLength(200);
        o.HasLocalized(x => x.Names, "Name", 200);
        o.Property(x => x.Country).HasMaxLength(2);
        o.HasIndex(x => x.Name).IsUnique();
        o.HasMany(x => x.Programmes).WithOne(x => x.Organisation).HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ProgrammeConfiguration : IEntityTypeConfiguration<Programme>
{
    public void Configure(EntityTypeBuilder<Programme> p)
    {
        p.ToTable("Programmes");
        p.Property(x => x.Slug).HasMaxLength(60);
        p.Property(x => x.Name).HasMaxLength(200);
        p.Property(x => x.CasePrefix).HasMaxLength(10);
        p.HasIndex(x => x.Slug).IsUnique();
        p.HasIndex(x => x.OrganisationId);
    }
}
