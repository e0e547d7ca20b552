using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trajet.Web.Features.Partners;

namespace Trajet.Web.Features.Outreach;

/// <summary>
/// Someone the team meets again: a nickname is enough. Contacts and outcomes hang on the person;
/// the person becomes a case only when they want accompaniment.
/// </summary>
public sealed class OutreachPerson : IProgrammeRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid ProgrammeId { get; set; }
    public required string Nickname { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Phone { get; set; }
    /// <summary>The phone's digits only, to find the person whatever the spacing.</summary>
    public string? PhoneDigits { get; set; }
    public Gender Gender { get; set; } = Gender.Unknown;
    public AgeBand AgeBand { get; set; } = AgeBand.Unknown;
    public string Nationality { get; set; } = Codes.Unknown;
    /// <summary>ISO 639-1 codes, comma-separated.</summary>
    public string Languages { get; set; } = "";
    /// <summary>Normalized nickname and names, for substring search.</summary>
    public string SearchName { get; set; } = "";
    /// <summary>Sound-alike keys (<see cref="NameMatcher.Key"/>) of nickname and names, space-delimited: " mhmt ysf ".</summary>
    public string SoundKeys { get; set; } = "";
    /// <summary>The case opened when the person asked for accompaniment.</summary>
    public Guid? CaseId { get; set; }
    /// <summary>When the person's identity was erased with the case they became.</summary>
    public DateOnly? ErasedOn { get; set; }
    public DateTime CreatedAt { get; set; } = Clock.UtcNow;
    public int Version { get; set; }

    public void Index()
    {
        SearchName = string.Join(" | ", new[] { NameKey.Normalize(Nickname), NameKey.Normalize($"{FirstName} {LastName}") }.Where(s => s.Trim().Length > 0));
        if (SearchName.Length > 300)
        {
            SearchName = SearchName[..300];
        }
        var keys = NameMatcher.Keys(Nickname, $"{FirstName} {LastName}").Where(k => k.Length <= 30).Take(8);
        SoundKeys = " " + string.Join(' ', keys) + " ";
        PhoneDigits = Digits(Phone);
    }

    public static string? Digits(string? phone)
    {
        var digits = new string((phone ?? "").Where(char.IsAsciiDigit).ToArray());
        return digits.Length == 0 ? null : digits.Length > 30 ? digits[^30..] : digits;
    }
}

public enum OutcomeKind
{
    ProtectionApplicationBelgium, ProtectionApplicationFrance, VoluntaryReturnApplication, ReceptionBelgium, ReceptionFrance,
}

/// <summary>The person (re)entered the regular track: what the dashboard counts for funders.</summary>
public sealed class OutreachOutcome : IProgrammeRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid ProgrammeId { get; set; }
    public Guid PersonId { get; set; }
    public OutcomeKind Kind { get; set; }
    public DateOnly Date { get; set; }
    public string? Notes { get; set; }
    public Guid? RecordedByUserId { get; set; }
    public DateTime CreatedAt { get; set; } = Clock.UtcNow;
}

public enum InboundReferralStatus { Waiting, Contacted, Closed }

/// <summary>A person a partner referred to the team: waits in the queue until someone meets them.</summary>
public sealed class InboundReferral : IProgrammeRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid ProgrammeId { get; set; }
    public Guid PartnerId { get; set; }
    public DateOnly Date { get; set; }
    /// <summary>How the partner named the person (a nickname is fine).</summary>
    public required string Name { get; set; }
    public string? Phone { get; set; }
    public string? Language { get; set; }
    public required string Reason { get; set; }
    public InboundReferralStatus Status { get; set; } = InboundReferralStatus.Waiting;
    public Guid? PersonId { get; set; }
    public Guid? ContactId { get; set; }
    public DateOnly? HandledOn { get; set; }
    public Guid? RecordedByUserId { get; set; }
    public DateTime CreatedAt { get; set; } = Clock.UtcNow;
}

public sealed class OutreachPersonConfiguration : IEntityTypeConfiguration<OutreachPerson>
{
    public void Configure(EntityTypeBuilder<OutreachPerson> p)
    {
        p.ToTable("OutreachPeople");
        p.Property(x => x.Nickname).HasMaxLength(100);
        p.Property(x => x.FirstName).HasMaxLength(100);
        p.Property(x => x.LastName).HasMaxLength(100);
        p.Property(x => x.Phone).HasMaxLength(50);
        p.Property(x => x.PhoneDigits).HasMaxLength(30);
        p.Property(x => x.Nationality).HasMaxLength(10);
        p.Property(x => x.Languages).HasMaxLength(100);
        p.Property(x => x.SearchName).HasMaxLength(300);
        p.Property(x => x.SoundKeys).HasMaxLength(300);
        p.Property(x => x.Version).IsConcurrencyToken();
        p.HasOne<Programme>().WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        p.HasIndex(x => new { x.ProgrammeId, x.SearchName });
        p.HasIndex(x => new { x.ProgrammeId, x.PhoneDigits });
        p.Property(x => x.Nickname).IsIdentifying();
        p.Property(x => x.FirstName).IsIdentifying();
        p.Property(x => x.LastName).IsIdentifying();
        p.Property(x => x.Phone).IsIdentifying();
        p.Property(x => x.PhoneDigits).IsIdentifying();
        p.Property(x => x.SearchName).IsIdentifying();
        p.Property(x => x.SoundKeys).IsIdentifying();
    }
}

public sealed class OutreachOutcomeConfiguration : IEntityTypeConfiguration<OutreachOutcome>
{
    public void Configure(EntityTypeBuilder<OutreachOutcome> o)
    {
        o.ToTable("OutreachOutcomes");
        o.Property(x => x.Notes).HasMaxLength(1000);
        o.HasOne<OutreachPerson>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        o.HasIndex(x => new { x.PersonId, x.Date });
        o.HasIndex(x => new { x.ProgrammeId, x.Date });
        o.Property(x => x.Notes).IsConfidential();
    }
}

public sealed class InboundReferralConfiguration : IEntityTypeConfiguration<InboundReferral>
{
    public void Configure(EntityTypeBuilder<InboundReferral> r)
    {
        r.ToTable("InboundReferrals");
        r.Property(x => x.Name).HasMaxLength(100);
        r.Property(x => x.Phone).HasMaxLength(50);
        r.Property(x => x.Language).HasMaxLength(10);
        r.Property(x => x.Reason).HasMaxLength(1000);
        r.HasOne<Partner>().WithMany().HasForeignKey(x => x.PartnerId).OnDelete(DeleteBehavior.Restrict);
        r.HasIndex(x => new { x.ProgrammeId, x.Status, x.Date });
        r.HasIndex(x => x.PartnerId);
        r.Property(x => x.Reason).IsConfidential();
    }
}
