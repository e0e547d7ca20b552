using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Trajet.Web.Features.Outreach;

public enum AgeBand { Under18, From18To25, From26To35, From36To50, Over50, Unknown }

public enum InformationTopic { InternationalProtection, Dublin, Reception, VoluntaryReturn, Other }

public enum OrientationService { Legal, Social, Medical, Shelter }

/// <summary>
/// One meeting of an outreach worker with a person, mid-round. Many people met never become a
/// case: the unit of outreach work is the contact, often anonymous (a nickname is enough).
/// </summary>
public sealed class OutreachContact : IProgrammeRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid ProgrammeId { get; set; }
    public Guid? SessionId { get; set; }
    public Guid? PlaceId { get; set; }
    /// <summary>The person met again, when named; null for an anonymous contact.</summary>
    public Guid? PersonId { get; set; }
    public DateOnly Date { get; set; }
    /// <summary>Where, by name (copied from the place): "Gare du Nord (Brussels)".</summary>
    public required string Place { get; set; }
    public string? Nickname { get; set; }
    public Gender Gender { get; set; } = Gender.Unknown;
    public AgeBand AgeBand { get; set; } = AgeBand.Unknown;
    public string Nationality { get; set; } = Codes.Unknown;
    /// <summary>ISO 639-1 code of the language the conversation was held in.</summary>
    public string? Language { get; set; }
    public bool MediatorInterpreted { get; set; }
    /// <summary>Topics of information given, comma-separated kebab-case names.</summary>
    public string InformationGiven { get; set; } = "";
    /// <summary>What the "other" information was about.</summary>
    public string? InformationOther { get; set; }
    /// <summary>First-line services the person was oriented to, comma-separated.</summary>
    public string Orientation { get; set; } = "";
    /// <summary>The partner (from the organisation's directory) the person was oriented to.</summary>
    public Guid? PartnerId { get; set; }
    public bool FollowUp { get; set; }
    public Guid? RecordedByUserId { get; set; }
    public DateTime CreatedAt { get; set; } = Clock.UtcNow;
}

public sealed class OutreachContactConfiguration : IEntityTypeConfiguration<OutreachContact>
{
    public void Configure(EntityTypeBuilder<OutreachContact> o)
    {
        o.ToTable("OutreachContacts");
        o.Property(x => x.Place).HasMaxLength(200);
        o.Property(x => x.Nickname).HasMaxLength(100);
        o.Property(x => x.Nationality).HasMaxLength(10);
        o.Property(x => x.Language).HasMaxLength(10);
        o.Property(x => x.InformationGiven).HasMaxLength(200);
        o.Property(x => x.Orientation).HasMaxLength(200);
        o.Property(x => x.InformationOther).HasMaxLength(200);
        o.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        o.HasOne<Programme>().WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        o.HasIndex(x => new { x.OrganisationId, x.ProgrammeId, x.Date });
        o.HasIndex(x => x.SessionId);
        o.HasIndex(x => x.PersonId);
        o.Property(x => x.InformationOther).IsConfidential();
    }
}
