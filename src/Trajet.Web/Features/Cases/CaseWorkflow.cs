namespace Trajet.Web.Features.Cases;

/// <summary>
/// From referral to closure: referred → screening → admitted/declined → active ⇄ paused → closed; a coordinator may
/// reopen a closed case (→ active) or a declined one (→ referred). Pure: the caller gathers the facts, this says whether
/// a change is allowed.
/// </summary>
public static class CaseWorkflow
{
    private static readonly Dictionary<CaseStatus, CaseStatus[]> Allowed = new()
    {
        [CaseStatus.Referred] = [CaseStatus.Screening, CaseStatus.Declined],
        [CaseStatus.Screening] = [CaseStatus.Admitted, CaseStatus.Declined],
        [CaseStatus.Admitted] = [CaseStatus.Active, CaseStatus.Closed],
        [CaseStatus.Active] = [CaseStatus.Paused, CaseStatus.Closed],
        [CaseStatus.Paused] = [CaseStatus.Active, CaseStatus.Closed],
        [CaseStatus.Declined] = [],
        [CaseStatus.Closed] = [],
    };

    // A family that comes back: the same case continues, its closure kept in the history.
    private static readonly Dictionary<CaseStatus, CaseStatus> Reopenings = new()
    {
        [CaseStatus.Closed] = CaseStatus.Active,
        [CaseStatus.Declined] = CaseStatus.Referred,
    };

    /// <param name="mayReopen">The user is a coordinator, who alone may reopen a closed or declined case.</param>
    public static IReadOnlyList<CaseStatus> Next(CaseStatus current, bool mayReopen = false) =>
        mayReopen && Reopenings.TryGetValue(current, out var reopened) ? [.. Allowed[current], reopened] : Allowed[current];

    /// <summary>The change reopens a closed or declined case.</summary>
    public static bool Reopens(CaseStatus from, CaseStatus to) => Reopenings.TryGetValue(from, out var reopened) && reopened == to;

    /// <summary>What is known of the case when a change is asked for.</summary>
    /// <param name="PathwayBlocksClosure">The case is on coaching pathway 3 without the explanation of the consequences recorded.</param>
    public sealed record Facts(CaseStatus Current, DateOnly ReferralDate, DateOnly? LastChange, int CriteriaUnanswered, int CriteriaNotMet, bool PathwayBlocksClosure = false);

    /// <summary>What the form and the API send to move a case on; <see cref="Version"/> is the case's version the user saw.</summary>
    public sealed record Change
    {
        public CaseStatus? To { get; init; }
        public DateOnly? Date { get; init; }
        public string? Reason { get; init; }
        public ClosureOutcome? Outcome { get; init; }
        public DurableSolution? DurableSolution { get; init; }
        public int? Version { get; init; }
    }

    public static List<FieldError> Validate(Facts facts, Change change, DateOnly today)
    {
        var errors = new List<FieldError>();
        if (change.To is not { } to)
        {
            errors.Add(new("to", "Choose the new status."));
            return errors;
        }
        var reopens = Reopens(facts.Current, to);
        if (!Allowed[facts.Current].Contains(to) && !reopens)
        {
            errors.Add(new("to", "This status change is not possible from the current status."));
            return errors;
        }
        var earliest = facts.LastChange is { } last && last > facts.ReferralDate ? last : facts.ReferralDate;
        if (change.Date is not { } date)
        {
            errors.Add(new("date", "The date is required."));
        }
        else if (date > today)
        {
            errors.Add(new("date", "The date cannot be in the future."));
        }
        else if (date < earliest)
        {
            errors.Add(new("date", "The date cannot be before the previous step of the case."));
        }

        errors.AddRange(OwnFields(change));
        var hasReason = !string.IsNullOrWhiteSpace(change.Reason);
        if (to == CaseStatus.Admitted)
        {
            if (facts.CriteriaUnanswered > 0)
            {
                errors.Add(new("to", "Record every admission criterion before admitting."));
            }
            else if (facts.CriteriaNotMet > 0 && !hasReason)
            {
                errors.Add(new("reason", "Explain why the case is admitted although a criterion is not met or unknown."));
            }
        }
        if (reopens && !hasReason)
        {
            errors.Add(new("reason", "Give the reason for reopening the case."));
        }
        if (to == CaseStatus.Closed && facts.PathwayBlocksClosure)
        {
            errors.Add(new("to", "The case is on pathway 3: record that the consequences (forced return, possible entry ban) were explained before closing it."));
        }
        return errors;
    }

    /// <summary>
    /// The checks of a change that need no case: a reason where one is asked (and its length), the outcome and the
    /// durable solution at closure. A bulk closure says them once for all its cases.
    /// </summary>
    public static IEnumerable<FieldError> OwnFields(Change change)
    {
        if (change.To is CaseStatus.Declined or CaseStatus.Paused or CaseStatus.Closed && string.IsNullOrWhiteSpace(change.Reason))
        {
            yield return new("reason", "Give the reason.");
        }
        if (change.Reason?.Length > 1000)
        {
            yield return new("reason", "At most 1000 characters.");
        }
        if (change.To == CaseStatus.Closed)
        {
            if (change.Outcome is null)
            {
                yield return new("outcome", "Choose the outcome at closure.");
            }
            if (change.DurableSolution is null)
            {
                yield return new("durableSolution", "Choose the durable solution reached (or none).");
            }
        }
    }
}
