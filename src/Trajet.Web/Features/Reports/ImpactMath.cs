namespace Trajet.Web.Features.Reports;

/// <summary>The briefing note's arithmetic. Pure.</summary>
public static class ImpactMath
{
    /// <summary>(some + considerable) / all sheets × 100, one decimal; "don't know" stays in the denominator.</summary>
    public static double PositivePercent(int some, int considerable, int sheets) =>
        sheets == 0 ? 0 : Math.Round((some + considerable) * 100.0 / sheets, 1, MidpointRounding.AwayFromZero);

    /// <summary>A count as an export shows it to someone outside the programme's coordination: small cells hidden.</summary>
    public static string Suppressed(int count, int threshold) =>
        count > 0 && count < threshold ? $"< {threshold}" : count.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
