namespace Trajet.Web.Features.CaseFile;

public enum TimelineKind { Status, Interaction, Plan, Legal, Document, Referral, Sheet }

/// <summary>Everything that happened in a case, in one chronological list; each source read in one query.</summary>
public static class Timeline
{
    public sealed record Entry(DateOnly Date, TimelineKind Kind, string Title, string? Detail);

    public static async Task<List<Entry>> BuildAsync(TrajetDbContext db, Guid caseId, bool hideDetails, IReadOnlySet<TimelineKind>? only, CancellationToken ct)
    {
        bool Wanted(TimelineKind kind) => only is null || only.Count == 0 || only.Contains(kind);
        string? Detail(string? text) => hideDetails ? null : text;
        var entries = new List<Entry>();
        if (Wanted(TimelineKind.Status))
        {
            entries.AddRange((await db.CaseStatusChanges.AsNoTracking().Where(s => s.CaseId == caseId).ToListAsync(ct))
                .Select(s => new Entry(s.Date, TimelineKind.Status,
                    s.From is { } from && Cases.CaseWorkflow.Reopens(from, s.To) ? "status:reopened" : $"status:{s.To.ToKebab()}", Detail(s.Reason))));
        }
        if (Wanted(TimelineKind.Interaction))
        {
            entries.AddRange((await db.Interactions.AsNoTracking().Where(i => i.CaseId == caseId).ToListAsync(ct))
                .Select(i => new Entry(i.Date, TimelineKind.Interaction, $"interaction:{i.Type.ToKebab()}", Detail(i.Notes))));
        }
        if (Wanted(TimelineKind.Plan))
        {
            entries.AddRange((await db.PlanGoals.AsNoTracking().Where(g => g.CaseId == caseId).ToListAsync(ct))
                .Select(g => new Entry(g.AgreedOn, TimelineKind.Plan, $"goal:{g.Option.ToKebab()}", Detail(g.Description))));
            entries.AddRange((await db.PlanReviews.AsNoTracking().Where(r => r.CaseId == caseId).ToListAsync(ct))
                .Select(r => new Entry(r.Date, TimelineKind.Plan, "review", Detail(r.Progress))));
            entries.AddRange((await db.PlanActions.AsNoTracking().Where(a => a.CaseId == caseId && a.ClosedOn != null).ToListAsync(ct))
                .Select(a => new Entry(a.ClosedOn!.Value, TimelineKind.Plan, $"action:{a.Status.ToKebab()}", Detail(a.Description))));
        }
        if (Wanted(TimelineKind.Legal))
        {
            entries.AddRange((await db.LegalEvents.AsNoTracking().Where(e => e.CaseId == caseId).ToListAsync(ct))
                .Select(e => new Entry(e.Date, TimelineKind.Legal, $"legal:{e.Type.ToKebab()}", Detail(string.Join(" · ", new[] { e.Outcome?.ToKebab(), e.Authority, e.Reference }.Where(x => x is not null))))));
        }
        if (Wanted(TimelineKind.Document))
        {
            entries.AddRange((await db.CaseDocuments.AsNoTracking().Where(d => d.CaseId == caseId).ToListAsync(ct))
                .Select(d => new Entry(d.IssueDate, TimelineKind.Document, $"document:{d.Type.ToKebab()}", Detail(d.Title))));
        }
        if (Wanted(TimelineKind.Referral))
        {
            entries.AddRange((await db.PartnerReferrals.AsNoTracking().Include(r => r.Partner).Where(r => r.CaseId == caseId).ToListAsync(ct))
                .Select(r => new Entry(r.Date, TimelineKind.Referral, $"referral:{r.Status.ToKebab()}", Detail($"{r.Partner!.Name}: {r.Reason}"))));
        }
        if (Wanted(TimelineKind.Sheet))
        {
            entries.AddRange((await db.BaselineSheets.AsNoTracking().Where(s => s.CaseId == caseId).Select(s => s.Date).ToListAsync(ct))
                .Select(d => new Entry(d, TimelineKind.Sheet, "sheet:baseline", null)));
            entries.AddRange((await db.SummarySheets.AsNoTracking().Where(s => s.CaseId == caseId).Select(s => s.Date).ToListAsync(ct))
                .Select(d => new Entry(d, TimelineKind.Sheet, "sheet:summary", null)));
        }
        return entries.OrderBy(e => e.Date).ThenBy(e => e.Kind).ToList();
    }
}
