namespace Trajet.Web.Features.Cases;

public enum BulkAction { Assign, Reassign, Close }

/// <summary>
/// A coordinator's change to several cases at once: add a worker, hand the cases over to one worker, or close them.
/// Each case goes through its own use case (and so its own audit entries); one refusal saves nothing.
/// </summary>
public static class BulkChange
{
    public const int MaxCases = 100;

    public sealed record Input
    {
        public List<Guid>? CaseIds { get; init; }
        public BulkAction? Action { get; init; }
        /// <summary>Assign, reassign: the worker.</summary>
        public Guid? UserId { get; init; }
        /// <summary>Close: as a single closure asks.</summary>
        public DateOnly? Date { get; init; }
        public string? Reason { get; init; }
        public ClosureOutcome? Outcome { get; init; }
        public DurableSolution? DurableSolution { get; init; }
    }

    public sealed record Done(int Changed);

    public static async Task<Result<Done>> ExecuteAsync(TrajetDbContext db, UserContext user, Input input, DateOnly today, IEnumerable<ICaseClosureHold> holds, CancellationToken ct)
    {
        if (!user.IsCoordinator)
        {
            return Failure.Forbidden;
        }
        var ids = (input.CaseIds ?? []).Distinct().ToList();
        var errors = new List<FieldError>();
        if (ids.Count == 0)
        {
            errors.Add(new("caseIds", "Choose at least one case."));
        }
        else if (ids.Count > MaxCases)
        {
            errors.Add(new("caseIds", "At most 100 cases at once."));
        }
        if (input.Action is null)
        {
            errors.Add(FieldError.NotAccepted("action"));
        }
        else if (input.Action != BulkAction.Close && input.UserId is null)
        {
            errors.Add(new("userId", "Choose the case worker."));
        }
        else if (input.Action == BulkAction.Close)
        {
            errors.AddRange(CaseWorkflow.OwnFields(Closing(input, today))); // said once for all the cases
        }
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }
        var cases = await db.Cases.Visible(user).Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        if (cases.Count != ids.Count)
        {
            return Failure.NotFound; // another organisation's case is no case at all
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        for (var i = 0; i < ids.Count; i++)
        {
            var @case = cases.Single(c => c.Id == ids[i]);
            var failed = await ApplyAsync(db, user, @case, input, today, holds, ct);
            errors.AddRange(failed.Select(e => e with { Field = $"caseIds[{i}].{e.Field}" }));
        }
        if (errors.Count > 0)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return Failure.Invalid(errors);
        }
        await transaction.CommitAsync(ct);
        return new Done(ids.Count);
    }

    private static async Task<IReadOnlyList<FieldError>> ApplyAsync(TrajetDbContext db, UserContext user, Case @case, Input input, DateOnly today, IEnumerable<ICaseClosureHold> holds, CancellationToken ct)
    {
        switch (input.Action)
        {
            case BulkAction.Close:
                return (await ChangeStatus.ExecuteAsync(db, user, @case, Closing(input, today), today, holds, ct)).Failed?.Errors ?? [];
            case BulkAction.Assign:
                return await AssignWorkers.AddAsync(db, user, @case, input.UserId!.Value, ct);
            default:
                return await AssignWorkers.ExecuteAsync(db, user, @case, [input.UserId!.Value], ct);
        }
    }

    private static CaseWorkflow.Change Closing(Input input, DateOnly today) => new()
    {
        To = CaseStatus.Closed,
        Date = input.Date ?? today,
        Reason = input.Reason,
        Outcome = input.Outcome,
        DurableSolution = input.DurableSolution,
    };
}
