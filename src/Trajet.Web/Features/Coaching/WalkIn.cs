using Trajet.Web.Features.Organisations;

namespace Trajet.Web.Features.Coaching;

public enum WalkInStatus { Waiting, BeingSeen, Done }

public enum WalkInOutcome { InformationGiven, AppointmentBooked, CaseOpened, ReferredToPartner, LeftBeforeBeingSeen, Other }

/// <summary>One person who came to a desk without an appointment: the desk's register and queue of the day.</summary>
public sealed class WalkIn : IProgrammeRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid ProgrammeId { get; set; }
    public Guid DeskId { get; set; }
    public DateOnly Date { get; set; }
    /// <summary>Local time at the desk.</summary>
    public TimeOnly ArrivedAt { get; set; }
    /// <summary>The name the person gives, when no case is linked yet.</summary>
    public string? Name { get; set; }
    /// <summary>ISO 639-1 code of the language the person speaks.</summary>
    public string? Language { get; set; }
    public bool InterpreterNeeded { get; set; }
    public bool FirstVisit { get; set; }
    /// <summary>The known case, for someone who already has a file.</summary>
    public Guid? CaseId { get; set; }
    public string? Question { get; set; }
    public WalkInStatus Status { get; set; } = WalkInStatus.Waiting;
    public Guid? SeenByUserId { get; set; }
    public TimeOnly? CalledAt { get; set; }
    public WalkInOutcome? Outcome { get; set; }
    public string? OutcomeNotes { get; set; }
    public Guid? RegisteredByUserId { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    /// <summary>Two coaches calling the next person at once: only one gets them.</summary>
    public int Version { get; set; }
}
