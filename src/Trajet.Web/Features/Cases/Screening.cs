namespace Trajet.Web.Features.Cases;

public enum CriterionAnswer { Met, NotMet, Unknown }

/// <summary>An admission criterion of a programme: configuration, edited by its coordinator.</summary>
public sealed class AdmissionCriterion
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ProgrammeId { get; set; }
    public int Position { get; set; }
    public required string Text { get; set; }
    public bool IsActive { get; set; } = true;
}

/// <summary>How a case meets one criterion, with the worker's note.</summary>
public sealed class ScreeningAnswer
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public Guid CriterionId { get; set; }
    public AdmissionCriterion? Criterion { get; set; }
    public CriterionAnswer Answer { get; set; } = CriterionAnswer.Unknown;
    public string? Note { get; set; }
    public DateTime RecordedAt { get; set; } = DateTime.UtcNow;
    public Guid? RecordedByUserId { get; set; }
}
