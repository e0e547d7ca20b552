using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Trajet.Web.Features.Coaching;

public enum Region { Brussels, Flanders, Wallonia, Other }

/// <summary>A walk-in desk of a coaching programme: a place with an address and weekly opening slots.</summary>
public sealed class Desk : IProgrammeRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid ProgrammeId { get; set; }
    /// <summary>The default name: shown where the reader's language has none.</summary>
    public required string Name { get; set; }
    public LocalizedText Names { get; set; } = new();
    public required string Address { get; set; }
    public Region Region { get; set; }
    /// <summary>What a letter gives as the contact: phone, e-mail.</summary>
    public string? Contact { get; set; }
    public bool IsActive { get; set; } = true;
    public List<DeskOpening> Openings { get; set; } = [];
}

/// <summary>One weekly opening slot, e.g. Wednesday 09:00–12:00.</summary>
public sealed class DeskOpening
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid DeskId { get; set; }
    public DayOfWeek Day { get; set; }
    public TimeOnly Opens { get; set; }
    public TimeOnly Closes { get; set; }
}

/// <summary>Opening hours. Pure.</summary>
public static class OpeningHours
{
    /// <summary>Someone arriving at this time finds the desk open.</summary>
    public static bool IsOpen(IEnumerable<DeskOpening> openings, DateOnly date, TimeOnly time) =>
        openings.Any(o => o.Day == date.DayOfWeek && o.Opens <= time && time < o.Closes);

    /// <summary>The whole of [start, end) falls within one opening slot of that day.</summary>
    public static bool Covers(IEnumerable<DeskOpening> openings, DateOnly date, TimeOnly start, TimeOnly end) =>
        openings.Any(o => o.Day == date.DayOfWeek && o.Opens <= start && end <= o.Closes);

    public static string Describe(IEnumerable<DeskOpening> openings, Func<DayOfWeek, string> dayName) =>
        string.Join(", ", openings.OrderBy(o => ((int)o.Day + 6) % 7).ThenBy(o => o.Opens)
            .Select(o => $"{dayName(o.Day)} {o.Opens:HH\\:mm}–{o.Closes:HH\\:mm}"));
}

public sealed class DeskConfiguration : IEntityTypeConfiguration<Desk>
{
    public void Configure(EntityTypeBuilder<Desk> d)
    {
        d.ToTable("Desks");
        d.Property(x => x.Name).HasMaxLength(200);
        d.HasLocalized(x => x.Names, "Name", 200);
        d.Property(x => x.Address).HasMaxLength(300);
        d.Property(x => x.Contact).HasMaxLength(300);
        d.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        d.HasOne<Programme>().WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        d.HasMany(x => x.Openings).WithOne().HasForeignKey(x => x.DeskId).OnDelete(DeleteBehavior.Cascade);
        d.HasIndex(x => new { x.OrganisationId, x.ProgrammeId });
        d.HasIndex(x => x.ProgrammeId);
    }
}

public sealed class DeskOpeningConfiguration : IEntityTypeConfiguration<DeskOpening>
{
    public void Configure(EntityTypeBuilder<DeskOpening> o)
    {
        o.ToTable("DeskOpenings");
        o.HasIndex(x => x.DeskId);
    }
}
