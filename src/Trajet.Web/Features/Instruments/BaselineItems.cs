namespace Trajet.Web.Features.Instruments;

/// <summary>The 14 items of the baseline sheet and which way is better. Pure.</summary>
public static class BaselineItems
{
    public sealed record Item(int Number, string Key, string Label, bool HigherIsWorse);

    public static readonly IReadOnlyList<Item> All =
    [
        new(1, "risk-of-leaving", "Risk that the family leaves the programme", true),
        new(2, "autonomy", "Autonomy, independence", false),
        new(3, "trust-in-authorities", "Trust in the authorities and procedures", false),
        new(4, "trust-in-lawyer", "Trust in their lawyer, lawyers in general", false),
        new(5, "information", "Level of information on the procedures", false),
        new(6, "able-to-act", "Still able to act and decide by themselves", false),
        new(7, "enthusiasm", "Enthusiasm to cooperate with the case manager", false),
        new(8, "well-being", "General well-being", false),
        new(9, "vulnerability", "Degree of vulnerability", true),
        new(10, "hope", "Hope in the future", false),
        new(11, "housing", "Quality of housing", false),
        new(12, "social-network", "Extent of the social network", false),
        new(13, "stability", "Stability of the living situation", false),
        new(14, "risk-of-detention", "Risk of detention", true),
    ];

    public enum Trend { Better, Worse, Same }

    /// <summary>How an item moved from one sheet to a later one, knowing its direction.</summary>
    public static Trend Compare(Item item, int before, int after) =>
        before == after ? Trend.Same : (after > before) ^ item.HigherIsWorse ? Trend.Better : Trend.Worse;
}
