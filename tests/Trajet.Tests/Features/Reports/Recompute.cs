namespace Trajet.Tests.Features.Reports;

/// <summary>
/// What a reader can work out from a published table with hidden counts (null): every count is at least 0 (or 1, as a
/// reader who knows that zeros are shown may assume), and each published sum narrows the range of the hidden ones. A hidden count whose range closes on one value is recovered.
/// </summary>
public static class Recompute
{
    /// <summary>The parts add up to the totals plus <paramref name="Constant"/> (a count given back by a percentage, say).</summary>
    public sealed record Sum(IReadOnlyList<string> Parts, IReadOnlyList<string> Totals, int Constant = 0);

    /// <param name="hiddenAtLeast">What a reader may assume of a hidden count: 0, or 1 where zeros are shown.</param>
    public static List<string> Recoverable(IReadOnlyDictionary<string, int?> cells, IEnumerable<Sum> sums, int hiddenAtLeast = 0)
    {
        const long Unknown = 1_000_000;
        var lo = cells.ToDictionary(c => c.Key, c => (long)(c.Value ?? hiddenAtLeast));
        var hi = cells.ToDictionary(c => c.Key, c => c.Value ?? Unknown);
        var rows = sums.Where(s => s.Parts.Concat(s.Totals).All(cells.ContainsKey))
            .Select(s => (Terms: s.Parts.Select(k => (Key: k, Sign: 1)).Concat(s.Totals.Select(k => (Key: k, Sign: -1))).ToList(), s.Constant)).ToList();
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var (terms, constant) in rows)
            {
                for (var i = 0; i < terms.Count; i++)
                {
                    long min = 0, max = 0;
                    for (var j = 0; j < terms.Count; j++)
                    {
                        if (j != i)
                        {
                            var (key, sign) = terms[j];
                            min += sign > 0 ? lo[key] : -hi[key];
                            max += sign > 0 ? hi[key] : -lo[key];
                        }
                    }
                    // sign × x = constant − (the others), so x lies between these two.
                    var (from, to) = terms[i].Sign > 0 ? (constant - max, constant - min) : (min - constant, max - constant);
                    var k = terms[i].Key;
                    if (from > lo[k])
                    {
                        (lo[k], changed) = (from, true);
                    }
                    if (to < hi[k])
                    {
                        (hi[k], changed) = (to, true);
                    }
                }
            }
        }
        return [.. cells.Where(c => c.Value is null && lo[c.Key] == hi[c.Key]).Select(c => c.Key)];
    }
}
