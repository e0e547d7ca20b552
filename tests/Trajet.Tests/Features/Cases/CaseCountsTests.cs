using Microsoft.Extensions.Configuration;
using Trajet.Tests.Features.Accounts;
using Trajet.Web.Features.Cases;

namespace Trajet.Tests.Features.Cases;

public sealed class CaseCountsTests
{
    private static CaseCounts Counts(SessionTimeoutTests.TestClock clock, int seconds = 10) =>
        new(clock, new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Cases:CountCacheSeconds"] = $"{seconds}" }).Build());

    [Fact]
    public async Task ACount_IsKeptForItsSeconds_ThenCountedAgain()
    {
        var clock = new SessionTimeoutTests.TestClock();
        using var counts = Counts(clock);

        Assert.Equal(1, await counts.CountAsync("all", () => Task.FromResult(1)));
        Assert.Equal(1, await counts.CountAsync("all", () => Task.FromResult(2)));
        Assert.Equal(3, await counts.CountAsync("other", () => Task.FromResult(3)));
        clock.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(2, await counts.CountAsync("all", () => Task.FromResult(2)));
    }

    [Fact]
    public async Task AChange_EmptiesIt_AndACountBegunBeforeTheChangeIsNotKept()
    {
        using var counts = Counts(new SessionTimeoutTests.TestClock());

        Assert.Equal(1, await counts.CountAsync("all", () =>
        {
            counts.Changed();
            return Task.FromResult(1);
        }));
        Assert.Equal(2, await counts.CountAsync("all", () => Task.FromResult(2)));
        Assert.Equal(2, await counts.CountAsync("all", () => Task.FromResult(3)));
        counts.Changed();
        Assert.Equal(4, await counts.CountAsync("all", () => Task.FromResult(4)));
    }

    [Fact]
    public async Task ZeroSeconds_KeepsNothing()
    {
        using var counts = Counts(new SessionTimeoutTests.TestClock(), seconds: 0);
        await counts.CountAsync("all", () => Task.FromResult(1));

        Assert.Equal(2, await counts.CountAsync("all", () => Task.FromResult(2)));
    }
}
