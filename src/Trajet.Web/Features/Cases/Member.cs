using Microsoft.EntityFrameworkCore.Metadata.Builders;
namespace Trajet.Web.Features.Cases;

public enum MemberRole { Parent, Child, Other }

public enum Gender { Female, Male, Other, Unknown }

/// <summary>The EPIM vulnerabilities checklist (client summary sheet, profile).</summary>
public enum Vulnerability
{
    Child, PregnantOrNursing, SoleCarer, GenderBasedViolence, SexualOrientationGenderIdentity, HealthProblems, SuicideRisk,
    Disability, OlderPerson, SubstanceAddiction, Destitution, RefugeeAsylumSeeker, TortureSurvivor, ViolentCrimeSurvivor,
    TraffickingVictim, Stateless, MinorityAtRisk,
}

/// <summary>A person in a case's household (the only person of an individual case).</summary>
public sealed class Member
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public Guid OrganisationId { get; set; }
    public MemberRole Role { get; set; }
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public Gender Gender { get; set; } = Gender.Unknown;
    public DateOnly? BirthDate { get; set; }
    public int? EstimatedAge { get; set; }
    /// <summary>ISO 3166-1 alpha-2, or <c>stateless</c> / <c>unknown</c>.</summary>
    public string Nationality { get; set; } = "unknown";
    /// <summary>ISO 639-1 codes, comma-separated.</summary>
    public string Languages { get; set; } = "";
    /// <summary>Other spellings the person is known under, one per line.</summary>
    public string Aliases { get; set; } = "";
    /// <summary>EPIM vulnerabilities, comma-separated kebab-case names.</summary>
    public string Vulnerabilities { get; set; } = "";
    /// <summary>Family and community links in the country.</summary>
    public string? FamilyLinks { get; set; }
    public int? ArrivalYear { get; set; }
    public bool? EverHadLegalStay { get; set; }
    public bool? AskedAsylumOnArrival { get; set; }
    /// <summary>Total days spent in detention, and how many times re-detained.</summary>
    public int? DetentionDays { get; set; }
    public int? ReDetentions { get; set; }
    /// <summary>Conditions imposed by the authority (reporting, residence…).</summary>
    public string? ConditionsImposed { get; set; }
    /// <summary>Lower-case, accent-free names and aliases, both orders, for substring search.</summary>
    public string SearchName { get; set; } = "";
    public DateTime CreatedAt { get; set; } = Clock.UtcNow;
    public DateTime UpdatedAt { get; set; } = Clock.UtcNow;
    /// <summary>When the person's identity was erased (subject request or retention): names gone, counted facts kept.</summary>
    public DateOnly? ErasedOn { get; set; }
    public int Version { get; set; }
    public List<PersonNameKey> NameKeys { get; set; } = [];
}

/// <summary>One sound-alike key of a person's name (<see cref="NameMatcher.Key"/>): finds transliteration variants by equality.</summary>
public sealed class PersonNameKey
{
    public Guid MemberId { get; set; }
    public Guid OrganisationId { get; set; }
    /// <summary>The member's case, so that a search goes from keys to cases without reading the people.</summary>
    public Guid CaseId { get; set; }
    public required string Key { get; set; }
}

public sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> m)
    {
        m.ToTable("Members");
        m.Property(x => x.FirstName).HasMaxLength(100);
        m.Property(x => x.LastName).HasMaxLength(100);
        m.Property(x => x.Nationality).HasMaxLength(10);
        m.Property(x => x.Languages).HasMaxLength(100);
        m.Property(x => x.SearchName).HasMaxLength(300);
        m.Property(x => x.Aliases).HasMaxLength(500);
        m.Property(x => x.Vulnerabilities).HasMaxLength(1000);
        m.Property(x => x.Version).IsConcurrencyToken();
        m.HasMany(x => x.NameKeys).WithOne().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Cascade);
        m.HasIndex(x => x.CaseId);
        m.HasIndex(x => new { x.OrganisationId, x.SearchName });
        m.Property(x => x.FamilyLinks).IsConfidential();
        m.Property(x => x.ConditionsImposed).IsConfidential();
        m.Property(x => x.FirstName).IsIdentifying();
        m.Property(x => x.LastName).IsIdentifying();
        m.Property(x => x.Aliases).IsIdentifying();
        m.Property(x => x.BirthDate).IsIdentifying();
        m.Property(x => x.SearchName).IsIdentifying();
    }
}

public sealed class PersonNameKeyConfiguration : IEntityTypeConfiguration<PersonNameKey>
{
    public void Configure(EntityTypeBuilder<PersonNameKey> k)
    {
        k.ToTable("PersonNameKeys");
        k.HasKey(x => new { x.MemberId, x.Key });
        k.Property(x => x.Key).HasMaxLength(60);
        // Covers the search: keys to members and their cases without reading the table (Schema0021SearchIndexes).
        k.HasIndex(x => new { x.OrganisationId, x.Key, x.MemberId, x.CaseId });
    }
}
