using Trajet.Web.Features.Organisations;

namespace Trajet.Web.Features.CaseWork;

public enum InteractionType { HomeVisit, PhoneCall, Message, OfficeMeeting, Accompaniment, DeskVisit, DetentionVisit }

public enum AccompanimentTo { Lawyer, Embassy, Court, Administration, Medical }

/// <summary>One contact of the case worker with the family: a home visit, a call, an accompaniment…</summary>
public sealed class Interaction : IProgrammeRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public Guid OrganisationId { get; set; }
    public Guid ProgrammeId { get; set; }
    public InteractionType Type { get; set; }
    public AccompanimentTo? AccompanimentTo { get; set; }
    public DateOnly Date { get; set; }
    public int? DurationMinutes { get; set; }
    /// <summary>Who took part, as the worker writes it ("mother, two children, lawyer").</summary>
    public string? Participants { get; set; }
    /// <summary>ISO 639-1 code of the language used.</summary>
    public string? Language { get; set; }
    public bool InterpreterPresent { get; set; }
    public bool MediatorPresent { get; set; }
    public string? Notes { get; set; }
    public string? NextSteps { get; set; }
    public Guid? RecordedByUserId { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}
