using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Trajet.Web.Features.Reminders;

/// <summary>A worker's e-mail reminders: on or off, the hour they arrive, and the language they are written in.</summary>
public sealed class ReminderPreference
{
    public const int DefaultHour = 7;

    public Guid UserId { get; set; }
    public bool Enabled { get; set; } = true;
    /// <summary>The local hour (0–23) from which the day's digest is sent.</summary>
    public int Hour { get; set; } = DefaultHour;
    /// <summary>fr, nl or en: the language the worker last chose in Trajet.</summary>
    public string Language { get; set; } = "en";
    /// <summary>The last day whose reminders were written for this person (or found empty).</summary>
    public DateOnly? DoneOn { get; set; }
}

public sealed class ReminderPreferenceConfiguration : IEntityTypeConfiguration<ReminderPreference>
{
    public void Configure(EntityTypeBuilder<ReminderPreference> p)
    {
        p.ToTable("ReminderPreferences");
        p.HasKey(x => x.UserId);
        p.Property(x => x.Language).HasMaxLength(5);
        p.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
