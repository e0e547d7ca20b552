using Trajet.Web.Features.Interactions;

namespace Trajet.Web.Features.Instruments;

/// <summary>
/// What the case's own records answer on the sheet's profile, as they stood on the sheet's date: the interactions
/// (question 10) and the legal chronology (question 12).
/// </summary>
public sealed record SummaryFacts(InteractionFrequency.Tally Interactions, PromptAnswer? ReleasedAfterDetention)
{
    public static readonly SummaryFacts None = new(InteractionFrequency.Tally.None, null);

    public static async Task<SummaryFacts> ReadAsync(TrajetDbContext db, Guid caseId, DateOnly on, CancellationToken ct)
    {
        // A household has tens of interactions, a few hundred at most: counting them here is simpler than in SQL.
        var interactions = (await db.Interactions.AsNoTracking().Where(i => i.CaseId == caseId && i.Date <= on)
            .Select(i => new { i.Date, i.Type, i.DurationMinutes }).ToListAsync(ct))
            .Select(i => (i.Date, i.Type, i.DurationMinutes)).ToList();
        var chronology = (await db.LegalEvents.AsNoTracking().Where(e => e.CaseId == caseId && e.Date <= on)
            .Select(e => new { e.Date, e.Type }).ToListAsync(ct))
            .Select(e => (e.Date, e.Type));
        return new(InteractionFrequency.Tally.Of(interactions), ReleaseAfterDetention.From(chronology));
    }
}
