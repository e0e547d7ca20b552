using System.Globalization;

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
    public static Dictionary<string, double?> Percents(IReadOnlyDictionary<string, int> counts, int sheets) =>
        counts.ToDictionary(c => c.Key, c => Percent(c.Value, sheets));

    /// <summary>A count as an export shows it to someone outside the programme's coordination: small cells hidden.</summary>
    public static string Suppressed(int count, int threshold) =>
        count > 0 && count < threshold ? $"< {threshold}" : count.ToString(CultureInfo.InvariantCulture);

    /// <summary>Whether the reader sees the count itself: a hidden count is written otherwise (see <see cref="ReportAccess.CellWriter"/>).</summary>
    public static bool Shown(int count, ReportExports.Cell cell) => cell(count) == count.ToString(CultureInfo.InvariantCulture);

    /// <summary>The percentage beside a count, hidden with it: the sheets are shown, so the count could be worked back from it.</summary>
    public static double? ShownPercent(int count, double? percent, ReportExports.Cell cell) => Shown(count, cell) ? percent : null;
}
