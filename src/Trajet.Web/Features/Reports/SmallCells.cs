namespace Trajet.Web.Features.Reports;

/// <summary>
/// Which counts of a report to hide from a reader outside the programme's coordination. Pure.
/// A count under the threshold is hidden; then, in every published sum (a row and its total) where one count alone is
/// hidden, the next smallest is hidden too, until no hidden count follows from the others (docs/evaluation.md).
/// </summary>
public static class SmallCells
{
    /// <summary>The published fact that the <paramref name="Parts"/> add up to the <paramref name="Totals"/>.</summary>
    public sealed record Sum(IReadOnlyList<string> Parts, IReadOnlyList<string> Totals);

    public static HashSet<string> Hide(IReadOnlyDictionary<string, int> cells, IEnumerable<Sum> sums, int threshold)
    {
        var hidden = cells.Where(c => c.Value > 0 && c.Value < threshold).Select(c => c.Key).ToHashSet();
        var rows = sums.Select(s => s with { Parts = [.. s.Parts.Where(cells.ContainsKey)], Totals = [.. s.Totals.Where(cells.ContainsKey)] }).ToList();
        for (var changed = hidden.Count > 0; changed;)
        {
            changed = false;
            foreach (var row in rows)
            {
                if (row.Parts.Concat(row.Totals).Count(hidden.Contains) != 1)
                {
                    continue;
                }
                // A zero is the last choice: a hidden pair whose sum is the small count alone would give it away.
                var next = Smallest(row.Parts, cells, hidden) ?? Smallest(row.Totals, cells, hidden);
                if (next is not null)
                {
                    hidden.Add(next);
                    changed = true;
                }
            }
        }
        return hidden;
    }

    private static string? Smallest(IEnumerable<string> keys, IReadOnlyDictionary<string, int> cells, HashSet<string> hidden) =>
        keys.Where(k => !hidden.Contains(k)).OrderBy(k => cells[k] == 0).ThenBy(k => cells[k]).FirstOrDefault();
}
