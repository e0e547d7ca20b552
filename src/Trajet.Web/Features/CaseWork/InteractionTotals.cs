using Microsoft.EntityFrameworkCore;
using Trajet.Web.Data;
using Trajet.Web.Features.Cases;

namespace Trajet.Web.Features.CaseWork;

/// <summary>
/// Keeps each case's interaction totals (<see cref="Case.InteractionCount"/>, <see cref="Case.HomeVisitCount"/> and the
/// bounds of their dates) true: every save that adds, changes or removes interactions moves them, in its own transaction.
/// The evaluation report then counts a national caseload's contacts from 100,000 case rows instead of 1.8 million
/// interactions, reading the interactions only of the cases whose interactions are not all within its period.
/// </summary>
public static class InteractionTotals
{
    /// <summary>What one save does to one case's totals.</summary>
    public sealed record Change(Guid CaseId, int Interactions, int HomeVisits, DateOnly? First, DateOnly? Last);

    /// <summary>Adds one interaction to a case's totals, on the case itself (a case being built, as the benchmark's generator does).</summary>
    public static void Add(Case c, Interaction interaction)
    {
        c.InteractionCount++;
        c.HomeVisitCount += interaction.Type == InteractionType.HomeVisit ? 1 : 0;
        c.FirstInteractionOn = Earlier(c.FirstInteractionOn, interaction.Date);
        c.LastInteractionOn = Later(c.LastInteractionOn, interaction.Date);
    }

    /// <summary>Read before saving: the pending interactions' effect on their cases' totals.</summary>
    public static List<Change> Collect(TrajetDbContext db)
    {
        var moves = new List<(Guid CaseId, int Sign, InteractionType Type, DateOnly Date)>();
        foreach (var entry in db.ChangeTracker.Entries<Interaction>())
        {
            var (caseId, type, date) = (entry.Property(i => i.CaseId), entry.Property(i => i.Type), entry.Property(i => i.Date));
            var removed = entry.State == EntityState.Deleted
                || (entry.State == EntityState.Modified && (caseId.IsModified || type.IsModified || date.IsModified));
            if (removed)
            {
                moves.Add((caseId.OriginalValue, -1, type.OriginalValue, date.OriginalValue));
            }
            if (entry.State == EntityState.Added || (removed && entry.State == EntityState.Modified))
            {
                moves.Add((caseId.CurrentValue, 1, type.CurrentValue, date.CurrentValue));
            }
        }
        return moves.GroupBy(m => m.CaseId).Select(g => new Change(g.Key, g.Sum(m => m.Sign),
                g.Where(m => m.Type == InteractionType.HomeVisit).Sum(m => m.Sign),
                g.Where(m => m.Sign > 0).Select(m => (DateOnly?)m.Date).Min(), g.Where(m => m.Sign > 0).Select(m => (DateOnly?)m.Date).Max()))
            .ToList();
    }

    /// <summary>Moves the totals, after the interactions are saved and inside the same transaction.</summary>
    public static async Task ApplyAsync(TrajetDbContext db, IReadOnlyList<Change> changes, CancellationToken ct)
    {
        foreach (var (caseId, interactions, homeVisits, first, last) in changes)
        {
            // A removal leaves the bounds as they are: wider bounds only send the report to read that case's interactions.
            await db.Cases.Where(c => c.Id == caseId).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.InteractionCount, c => c.InteractionCount + interactions)
                .SetProperty(c => c.HomeVisitCount, c => c.HomeVisitCount + homeVisits)
                .SetProperty(c => c.FirstInteractionOn, c => first == null || (c.FirstInteractionOn != null && c.FirstInteractionOn <= first) ? c.FirstInteractionOn : first)
                .SetProperty(c => c.LastInteractionOn, c => last == null || (c.LastInteractionOn != null && c.LastInteractionOn >= last) ? c.LastInteractionOn : last), ct);
        }
    }

    /// <summary>The totals of every case counted again from its interactions (migration 0023, and a check in the tests).</summary>
    public const string RecountSql = """
        UPDATE "Cases" SET
            "InteractionCount" = (SELECT COUNT(*) FROM "Interactions" AS i WHERE i."CaseId" = "Cases"."Id"),
            "HomeVisitCount" = (SELECT COUNT(*) FROM "Interactions" AS i WHERE i."CaseId" = "Cases"."Id" AND i."Type" = 'HomeVisit'),
            "FirstInteractionOn" = (SELECT MIN(i."Date") FROM "Interactions" AS i WHERE i."CaseId" = "Cases"."Id"),
            "LastInteractionOn" = (SELECT MAX(i."Date") FROM "Interactions" AS i WHERE i."CaseId" = "Cases"."Id");
        """;

    private static DateOnly Earlier(DateOnly? a, DateOnly b) => a is { } x && x < b ? x : b;

    private static DateOnly Later(DateOnly? a, DateOnly b) => a is { } x && x > b ? x : b;
}
