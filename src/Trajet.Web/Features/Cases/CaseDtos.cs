namespace Trajet.Web.Features.Cases;

public sealed record ReferralDto(ReferralSource Source, string? ReferredBy, DateOnly Date, bool? KnownBefore, RiskLevel RiskAtIntake);

public sealed record MemberDto(
    Guid Id, MemberRole Role, string? FirstName, string? LastName, IReadOnlyList<string> Aliases, Gender Gender,
    DateOnly? BirthDate, int? EstimatedAge, int? Age, string Nationality, IReadOnlyList<string> Languages,
    IReadOnlyList<string> Vulnerabilities, string? FamilyLinks, int? ArrivalYear, int? YearsInCountry,
    bool? EverHadLegalStay, bool? AskedAsylumOnArrival, int? DetentionDays, int? ReDetentions, string? ConditionsImposed, int Version)
{
    /// <summary>The person as the API shows them; evaluators get no identifying detail.</summary>
    public static MemberDto From(Member m, DateOnly today, bool hideNames) => new(
        m.Id, m.Role, hideNames ? null : m.FirstName, hideNames ? null : m.LastName,
        hideNames ? [] : Split(m.Aliases, '\n'), m.Gender, hideNames ? null : m.BirthDate, m.EstimatedAge,
        MemberRules.AgeOn(m.BirthDate, m.EstimatedAge, today), m.Nationality, Split(m.Languages, ','),
        Split(m.Vulnerabilities, ','), hideNames ? null : m.FamilyLinks, m.ArrivalYear,
        m.ArrivalYear is { } year ? today.Year - year : null, m.EverHadLegalStay, m.AskedAsylumOnArrival,
        m.DetentionDays, m.ReDetentions, hideNames ? null : m.ConditionsImposed, m.Version);

    private static string[] Split(string text, char separator) => text.Split(separator, StringSplitOptions.RemoveEmptyEntries);
}

public sealed record AssigneeDto(Guid Id, string Name);

/// <summary>One criterion's answer; <c>criterion</c> is its default text, <c>criterionTexts</c> its text per language.</summary>
public sealed record ScreeningDto(Guid CriterionId, string Criterion, CriterionAnswer? Answer, string? Note, LocalizedText CriterionTexts);

/// <summary>One step of the history; <c>by</c> is who recorded it (not for evaluators), <c>reopening</c> marks a closed or declined case reopened.</summary>
public sealed record StatusChangeDto(CaseStatus? From, CaseStatus To, DateOnly Date, string? Reason,
    ClosureOutcome? Outcome = null, DurableSolution? DurableSolution = null, string? By = null, bool Reopening = false);

/// <summary>Another case of the same family: the one this case follows, or one that follows it.</summary>
public sealed record CaseLinkDto(Guid Id, string Number);

public sealed record SupportPeriodDto(DateOnly From, DateOnly? To);

public sealed record CaseDto(
    Guid Id, string Number, CaseStatus Status, CaseKind Kind, string Programme, ReferralDto Referral,
    DateOnly? AdmittedOn, DateOnly? ClosedOn, ClosureOutcome? Outcome, DurableSolution? DurableSolution,
    IReadOnlyList<MemberDto> Members, IReadOnlyList<AssigneeDto> Assignees, IReadOnlyList<ScreeningDto> Screening,
    IReadOnlyList<StatusChangeDto> History, IReadOnlyList<CaseStatus> NextStatuses, int Version,
    ContactDto? Contact)
{
    /// <summary>The earlier case this one follows (a family that came back), if the caller may see it.</summary>
    public CaseLinkDto? PreviousCase { get; init; }
    /// <summary>The later referrals that follow this case.</summary>
    public IReadOnlyList<CaseLinkDto> NextCases { get; init; } = [];
    /// <summary>From each admission or reopening to the closure that ended it (<c>to</c> null while open).</summary>
    public IReadOnlyList<SupportPeriodDto> SupportPeriods { get; init; } = [];
}

public static class MemberBodies
{
    /// <summary>The API's person: lists where the form has text (aliases one per line, languages comma-separated).</summary>
    public sealed record Body(
        MemberRole? Role, string? FirstName, string? LastName, List<string>? Aliases, Gender? Gender, DateOnly? BirthDate,
        int? EstimatedAge, string? Nationality, List<string>? Languages, List<Vulnerability>? Vulnerabilities, string? FamilyLinks,
        int? ArrivalYear, bool? EverHadLegalStay, bool? AskedAsylumOnArrival, int? DetentionDays, int? ReDetentions,
        string? ConditionsImposed, int? Version)
    {
        public MemberRules.Input ToInput() => new(Role, FirstName, LastName, Gender, BirthDate, EstimatedAge, Nationality, Languages,
            Aliases, Vulnerabilities ?? [], FamilyLinks, ArrivalYear, EverHadLegalStay, AskedAsylumOnArrival, DetentionDays, ReDetentions, ConditionsImposed);
    }
}
