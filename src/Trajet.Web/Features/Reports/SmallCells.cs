namespace Trajet.Web.Features.Reports;

/// <summary>
/// Which counts of a report to hide from a reader outside the programme's coordination. Pure.
/// A count under the threshold is hidden; then, in every published sum (a row and its total) where one count alone is
/// hidden, or where the hidden ones could only all be 1, the next smallest is hidden too, until no hidden count follows
/// from the others (docs/evaluation.md).
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
                if (!Exposed(row, cells, hidden))
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
        // Rows together can still pin a count down (a breakdown of a hidden total, say): hide more until a reader who
        // knows every sum, and which hidden counts are not zero, can narrow none of them to one value.
        while (Recovered(cells, rows, hidden) is { Count: > 0 } found)
        {
            var next = rows.Where(r => found.Any(k => r.Parts.Contains(k) || r.Totals.Contains(k)))
                .Select(r => Smallest(r.Parts, cells, hidden) ?? Smallest(r.Totals, cells, hidden)).FirstOrDefault(k => k is not null);
            if (next is null)
            {
                break;
            }
            hidden.Add(next);
        }
        return hidden;
    }

    /// <summary>The hidden counts that the sums narrow to one value (bounds propagated through every row).</summary>
    private static List<string> Recovered(IReadOnlyDictionary<string, int> cells, List<Sum> rows, HashSet<string> hidden)
    {
        var total = cells.Values.Sum();
        var lo = cells.ToDictionary(c => c.Key, c => hidden.Contains(c.Key) ? Math.Min(c.Value, 1) : c.Value);
        var hi = cells.ToDictionary(c => c.Key, c => hidden.Contains(c.Key) ? total : c.Value);
        var terms = rows.Select(r => r.Parts.Select(k => (Key: k, Sign: 1)).Concat(r.Totals.Select(k => (Key: k, Sign: -1))).ToList()).ToList();
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var row in terms)
            {
                for (var i = 0; i < row.Count; i++)
                {
                    var (key, sign) = row[i];
                    if (!hidden.Contains(key))
                    {
                        continue;
                    }
                    int min = 0, max = 0;
                    for (var j = 0; j < row.Count; j++)
                    {
                        if (j != i)
                        {
                            min += row[j].Sign > 0 ? lo[row[j].Key] : -hi[row[j].Key];
                            max += row[j].Sign > 0 ? hi[row[j].Key] : -lo[row[j].Key];
                        }
                    }
                    var (from, to) = sign > 0 ? (-max, -min) : (min, max);
                    if (from > lo[key])
                    {
                        (lo[key], changed) = (from, true);
                    }
                    if (to < hi[key])
                    {
                        (hi[key], changed) = (to, true);
                    }
                }
            }
        }
        return [.. hidden.Where(k => lo[k] >= hi[k])];
    }

    /// <summary>
    /// A row gives a hidden count away when it hides only one, or when its hidden counts (all parts) add up to no more
    /// than their number: zero is shown, so each hidden one is at least 1, and 1 + 1 = 2 leaves no choice.
    /// </summary>
    private static bool Exposed(Sum row, IReadOnlyDictionary<string, int> cells, HashSet<string> hidden)
    {
        var count = row.Parts.Concat(row.Totals).Count(hidden.Contains);
        var parts = row.Parts.Where(hidden.Contains).ToList();
        return count == 1 || (count > 1 && parts.Count == count && parts.Sum(k => cells[k]) <= count);
    }

    private static string? Smallest(IEnumerable<string> keys, IReadOnlyDictionary<string, int> cells, HashSet<string> hidden) =>
        keys.Where(k => !hidden.Contains(k)).OrderBy(k => cells[k] == 0).ThenBy(k => cells[k]).FirstOrDefault();
}
