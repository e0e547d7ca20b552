namespace Trajet.Web.Features.Cases;

/// <summary>
/// What can hold a case open whatever its status (coaching's pathway 3 before the consequences are explained): a slice that
/// has such a rule registers it, so that this one need not know the slice.
/// </summary>
public interface ICaseClosureHold
{
    Task<bool> HoldsAsync(TrajetDbContext db, Guid caseId, CancellationToken ct);
}

/// <summary>
/// Moves a case to its next status, dated, with who and why, and keeps its periods of support: an admission or a
/// reopening to active opens one, a closure ends it.
/// </summary>
public static class ChangeStatus
{
    /// <remarks>A newer version in the database than the change's is a conflict (409).</remarks>
    public static async Task<Result<Case>> ExecuteAsync(TrajetDbContext db, UserContext user, Case @case, CaseWorkflow.Change change, DateOnly today, IEnumerable<ICaseClosureHold> holds, CancellationToken ct)
    {
        // Undoing a closure or a refusal is the coordinator's decision.
        if (change.To is { } asked && CaseWorkflow.Reopens(@case.Status, asked) && !user.IsCoordinator)
        {
            return Failure.Forbidden;
        }
        var lastChange = await db.CaseStatusChanges.Where(s => s.CaseId == @case.Id)
            .OrderByDescending(s => s.Date).Select(s => (DateOnly?)s.Date).FirstOrDefaultAsync(ct);
        var criteria = await ScreeningFacts.CountAsync(db, @case, ct);
        var blocks = false;
        foreach (var hold in change.To == CaseStatus.Closed ? holds : [])
        {
            blocks = blocks || await hold.HoldsAsync(db, @case.Id, ct);
        }
        var facts = new CaseWorkflow.Facts(@case.Status, @case.Referral.Date, lastChange, criteria.Unanswered, criteria.NotMet, blocks);
        var errors = CaseWorkflow.Validate(facts, change, today);
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }

        if (change.Version is { } version)
        {
            db.Entry(@case).Property(c => c.Version).OriginalValue = version;
        }
        var to = change.To!.Value;
        var date = change.Date!.Value;
        var closing = to == CaseStatus.Closed;
        var reopening = CaseWorkflow.Reopens(@case.Status, to);
        db.CaseStatusChanges.Add(new CaseStatusChange
        {
            CaseId = @case.Id,
            From = @case.Status,
            To = to,
            Date = date,
            ByUserId = user.Id,
            Reason = string.IsNullOrWhiteSpace(change.Reason) ? null : change.Reason.Trim(),
            Outcome = closing ? change.Outcome : null,
            DurableSolution = closing ? change.DurableSolution : null,
        });
        @case.Status = to;
        @case.UpdatedAt = Clock.UtcNow;
        if (to == CaseStatus.Admitted)
        {
            @case.AdmittedOn ??= date; // the first admission; a declined case reopened and admitted later has no earlier one
        }
        if (to == CaseStatus.Admitted || (reopening && to == CaseStatus.Active))
        {
            db.CaseSupportPeriods.Add(new CaseSupportPeriod { CaseId = @case.Id, ProgrammeId = @case.ProgrammeId, From = date });
        }
        if (closing)
        {
            @case.ClosedOn = date;
            @case.Outcome = change.Outcome;
            @case.DurableSolution = change.DurableSolution;
            foreach (var open in await db.CaseSupportPeriods.Where(p => p.CaseId == @case.Id && p.To == null).ToListAsync(ct))
            {
                open.To = date;
            }
        }
        if (reopening)
        {
            (@case.ClosedOn, @case.Outcome, @case.DurableSolution) = (null, null, null);
        }
        await db.SaveChangesAsync(ct);
        return @case;
    }
}

/// <summary>How far the screening of a case is against its programme's active criteria.</summary>
public static class ScreeningFacts
{
    public static async Task<(int Unanswered, int NotMet)> CountAsync(TrajetDbContext db, Case @case, CancellationToken ct)
    {
        var criteria = await db.AdmissionCriteria.Where(c => c.ProgrammeId == @case.ProgrammeId && c.IsActive)
            .Select(c => new
            {
                Answer = db.ScreeningAnswers.Where(a => a.CaseId == @case.Id && a.CriterionId == c.Id).Select(a => (CriterionAnswer?)a.Answer).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return (criteria.Count(c => c.Answer is null), criteria.Count(c => c.Answer is CriterionAnswer.NotMet or CriterionAnswer.Unknown));
    }
}
