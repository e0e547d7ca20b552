namespace Trajet.Web.Features.Reports;

/// <summary>The briefing note's arithmetic. Pure.</summary>
public static class ImpactMath
{
    /// <summary>(some + considerable) / all sheets × 100, one decimal; "don't know" stays in the denominator.</summary>
    public static double PositivePercent(int some, int considerable, int sheets) => Percent(some + considerable, sheets) ?? 0;

    /// <summary>count / all sheets × 100, one decimal, halves away from zero (6.25 → 6.3); none without sheets.</summary>
    public static double? Percent(int count, int sheets) =>
        sheets == 0 ? null : Math.Round(count * 100.0 / sheets, 1, MidpointRounding.AwayFromZero);

    /// <summary>The percentage of each answer of a prompting question, over all sheets (no answer included).</summary>
    public static Dictionary<string, double?> Percents(IReadOnlyDictionary<string, int?> counts, int sheets) =>
        counts.ToDictionary(c => c.Key, c => Percent(c.Value ?? 0, sheets));
}
