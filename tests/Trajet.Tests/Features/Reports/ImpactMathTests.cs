using Trajet.Web.Features.Reports;

namespace Trajet.Tests.Features.Reports;

public sealed class ImpactMathTests
{
    [Theory]
    [InlineData(7, 12, 58.3)]
    [InlineData(12, 12, 100.0)]
    [InlineData(0, 12, 0.0)]
    [InlineData(1, 16, 6.3)]   // 6.25: a half goes up, not to the even 6.2
    [InlineData(3, 16, 18.8)]  // 18.75
    [InlineData(1, 3, 33.3)]
    [InlineData(2, 3, 66.7)]
    public void Percent_IsOverAllSheets_OneDecimal_HalvesAwayFromZero(int count, int sheets, double expected) =>
        Assert.Equal(expected, ImpactMath.Percent(count, sheets));

    [Fact]
    public void Percent_IsRoundedAsThePositivePercent()
    {
        Assert.Equal(ImpactMath.PositivePercent(1, 0, 16), ImpactMath.Percent(1, 16));
        Assert.Equal(ImpactMath.PositivePercent(5, 2, 12), ImpactMath.Percent(7, 12));
    }

    [Fact]
    public void Percents_WithoutSheets_AreNone()
    {
        var percents = ImpactMath.Percents(new Dictionary<string, int?> { ["yes"] = 0, ["no"] = 0, ["no-answer"] = 0 }, 0);

        Assert.Equal(["yes", "no", "no-answer"], percents.Keys);
        Assert.All(percents.Values, p => Assert.Null(p));
        Assert.Equal(0, ImpactMath.PositivePercent(0, 0, 0));
    }

    [Fact]
    public void Percents_GiveEachAnswerOverAllSheets()
    {
        var percents = ImpactMath.Percents(new Dictionary<string, int?> { ["yes"] = 1, ["no"] = 3, ["dont-know"] = 7, ["not-applicable"] = 0, ["no-answer"] = 1 }, 12);

        Assert.Equal([8.3, 25.0, 58.3, 0.0, 8.3], percents.Values);
    }
}
