using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Trajet.Web.Features.Coaching;

public enum AppointmentStatus { Booked, Cancelled, Attended, Missed }

public enum BookedBy { Coach, Person }

public enum AppointmentKind { FirstInterview, FollowUp }

/// <summary>An interview of a case with a coach, at a desk or elsewhere.</summary>
public sealed class Appointment : IProgrammeRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid ProgrammeId { get; set; }
    public Guid CaseId { get; set; }
    public Guid CoachUserId { get; set; }
    public DateOnly Date { get; set; }
    public TimeOnly Start { get; set; }
    public TimeOnly End { get; set; }
    /// <summary>The desk, or null when the interview is elsewhere (<see cref="Place"/>).</summary>
    public Guid? DeskId { get; set; }
    public Desk? Desk { get; set; }
    public string? Place { get; set; }
    public AppointmentKind Kind { get; set; }
    public BookedBy BookedBy { get; set; }
    public string? Purpose { get; set; }
    public AppointmentStatus Status { get; set; } = AppointmentStatus.Booked;
    public string? CancelReason { get; set; }
    public Guid? BookedByUserId { get; set; }
    public DateTime CreatedAt { get; set; } = Clock.UtcNow;
    public int Version { get; set; }
}

/// <summary>A letter inviting the person to the appointment, in the language the person reads.</summary>
public sealed class Invitation : IProgrammeRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid ProgrammeId { get; set; }
    public Guid CaseId { get; set; }
    public Guid AppointmentId { get; set; }
    public Appointment? Appointment { get; set; }
    /// <summary>fr, nl or en: chosen for the reader, not the coach's interface language.</summary>
    public required string Language { get; set; }
    public required string Addressee { get; set; }
    public string? Contact { get; set; }
    public DateOnly IssuedOn { get; set; }
    public Guid? CreatedByUserId { get; set; }
    public DateTime CreatedAt { get; set; } = Clock.UtcNow;
}

/// <summary>When a coach is already busy. Pure.</summary>
public static class Agenda
{
    public static bool Overlaps(TimeOnly start, TimeOnly end, TimeOnly otherStart, TimeOnly otherEnd) => start < otherEnd && otherStart < end;

    /// <summary>The first of the coach's live appointments that day overlapping [start, end).</summary>
    public static Appointment? Clash(IEnumerable<Appointment> sameCoachSameDay, TimeOnly start, TimeOnly end) =>
        sameCoachSameDay.Where(a => a.Status != AppointmentStatus.Cancelled).OrderBy(a => a.Start)
            .FirstOrDefault(a => Overlaps(start, end, a.Start, a.End));
}

public sealed class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    public void Configure(EntityTypeBuilder<Appointment> a)
    {
        a.ToTable("Appointments");
        a.Property(x => x.Place).HasMaxLength(300);
        a.Property(x => x.Purpose).HasMaxLength(1000);
        a.Property(x => x.CancelReason).HasMaxLength(1000);
        a.Property(x => x.Version).IsConcurrencyToken();
        a.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        a.HasOne(x => x.Desk).WithMany().HasForeignKey(x => x.DeskId).OnDelete(DeleteBehavior.Restrict);
        a.HasOne<User>().WithMany().HasForeignKey(x => x.CoachUserId).OnDelete(DeleteBehavior.Restrict);
        a.HasIndex(x => new { x.CoachUserId, x.Date });
        a.HasIndex(x => new { x.DeskId, x.Date });
        a.HasIndex(x => x.CaseId);
        a.Property(x => x.CancelReason).IsConfidential();
    }
}

public sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> i)
    {
        i.ToTable("Invitations");
        i.Property(x => x.Language).HasMaxLength(2);
        i.Property(x => x.Addressee).HasMaxLength(200);
        i.Property(x => x.Contact).HasMaxLength(300);
        i.HasOne(x => x.Appointment).WithMany().HasForeignKey(x => x.AppointmentId).OnDelete(DeleteBehavior.Cascade);
        i.HasIndex(x => x.AppointmentId);
        i.HasIndex(x => x.CaseId);
    }
}
