using Trajet.Web.Features.Organisations;

namespace Trajet.Web.Features.Cases;

public enum CaseKind { Family, Individual }

public enum CaseStatus { Referred, Screening, Admitted, Declined, Active, Paused, Closed }

public enum ReferralSource { Community, Detention, Organisation, Self, Other }

public enum RiskLevel { High, Medium, Low, DontKnow }

public sealed class Case : IProgrammeRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid ProgrammeId { get; set; }
    public Programme? Programme { get; set; }
    /// <summary>Human reference such as PT-2026-0007, unique within the programme.</summary>
    public required string Number { get; set; }
    public CaseKind Kind { get; set; }
    public CaseStatus Status { get; set; } = CaseStatus.Referred;
    public required Referral Referral { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;
    /// <summary>Optimistic concurrency: bumped on every save, a stale save is a 409.</summary>
    public int Version { get; set; }
    public List<Member> Members { get; set; } = [];
    public List<CaseStatusChange> StatusChanges { get; set; } = [];
}

/// <summary>How the case came in; kept even when the case is declined so the funnel can be counted.</summary>
public sealed class Referral
{
    public ReferralSource Source { get; set; }
    public string? ReferredBy { get; set; }
    public DateOnly Date { get; set; }
    public bool? KnownBefore { get; set; }
    public RiskLevel RiskAtIntake { get; set; } = RiskLevel.DontKnow;
}

public sealed class CaseStatusChange
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public CaseStatus? From { get; set; }
    public CaseStatus To { get; set; }
    public DateTime At { get; set; } = DateTime.UtcNow;
    public Guid? ByUserId { get; set; }
    public string? Reason { get; set; }
}
