namespace Trajet.Web.Features.Interactions;

public sealed record InteractionView(
    Guid Id, InteractionType Type, AccompanimentTo? AccompanimentTo, DateOnly Date, int? DurationMinutes, string? Participants,
    string? Language, bool InterpreterPresent, bool MediatorPresent, string? Notes, string? NextSteps,
    string? FileChecked, string? MissingItems, string? Conclusions)
{
    /// <param name="hideNotes">Leaves out what was typed about the family (evaluators).</param>
    public static InteractionView Of(Interaction i, bool hideNotes) => new(i.Id, i.Type, i.AccompanimentTo, i.Date, i.DurationMinutes,
        hideNotes ? null : i.Participants, i.Language, i.InterpreterPresent, i.MediatorPresent, hideNotes ? null : i.Notes, hideNotes ? null : i.NextSteps,
        hideNotes ? null : i.FileChecked, hideNotes ? null : i.MissingItems, hideNotes ? null : i.Conclusions);
}

/// <summary>The counts a worker always sees: visits, all contacts, months supported; and the latest interactions.</summary>
public sealed record InteractionSummary(int HomeVisits, int Interactions, double MonthsSupported, IReadOnlyList<InteractionView> Items)
{
    /// <summary>The counts of all the case's interactions (the totals of <paramref name="c"/>, read from the database), and
    /// the <paramref name="latest"/> ones (all when null), newest first.</summary>
    public static async Task<InteractionSummary> ReadAsync(TrajetDbContext db, Case c, bool hideNotes, DateOnly today, CancellationToken ct, int? latest = null)
    {
        var newest = db.Set<Interaction>().AsNoTracking().Where(i => i.CaseId == c.Id).OrderByDescending(i => i.Date).ThenByDescending(i => i.CreatedAt);
        var items = await (latest is { } count ? newest.Take(count) : newest).ToListAsync(ct);
        var periods = await db.CaseSupportPeriods.Where(p => p.CaseId == c.Id).Select(p => new SupportPeriodDto(p.From, p.To)).ToListAsync(ct);
        var months = Math.Round(SupportTime.Months(periods, today), 1);
        return new InteractionSummary(c.HomeVisitCount, c.InteractionCount, months, items.Select(i => InteractionView.Of(i, hideNotes)).ToList());
    }
}
