using Trajet.Web.Features.Cases;

namespace Trajet.Tests.Features.Cases;

public sealed class SupportTimeTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    [Fact]
    public void Days_OfAReopenedCase_LeaveOutTheTimeItWasClosed() =>
        Assert.Equal(30 + 10, SupportTime.Days([new(new(2026, 1, 1), new DateOnly(2026, 1, 31)), new(new(2026, 11, 21), null)], Today));

    [Fact]
    public void Days_AreCountedUpToTheDayAsked_NotBeyond() =>
        Assert.Equal(14, SupportTime.Days([new(new(2026, 1, 1), new DateOnly(2026, 1, 31)), new(new(2026, 6, 1), null)], new DateOnly(2026, 1, 15)));

    [Fact]
    public void Months_WithoutAnyPeriod_AreNone() => Assert.Equal(0, SupportTime.Months([], Today));
}
