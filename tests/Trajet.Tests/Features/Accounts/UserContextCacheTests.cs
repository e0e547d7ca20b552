using Microsoft.Extensions.Configuration;
using Trajet.Web.Features.Accounts;

namespace Trajet.Tests.Features.Accounts;

public sealed class UserContextCacheTests
{
    private static readonly UserContextCache.Account Someone =
        new(new UserContext(Guid.NewGuid(), "a@example.org", "A", null, null, null, [Roles.CaseManager], []), "stamp");

    private static UserContextCache Cache(SessionTimeoutTests.TestClock clock, int seconds = 10) =>
        new(clock, new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Security:UserCacheSeconds"] = $"{seconds}" }).Build());

    [Fact]
    public void AnAccount_IsKeptForItsSeconds_ThenReadAgain()
    {
        var clock = new SessionTimeoutTests.TestClock();
        var cache = Cache(clock);
        cache.Keep(Someone.User.Id, Someone, cache.Generation);

        Assert.Same(Someone, cache.Find(Someone.User.Id));
        clock.Advance(TimeSpan.FromSeconds(11));
        Assert.Null(cache.Find(Someone.User.Id));
    }

    [Fact]
    public void AChangeToAccounts_EmptiesIt_AndALoadBegunBeforeTheChangeIsNotKept()
    {
        var cache = Cache(new SessionTimeoutTests.TestClock());
        cache.Keep(Someone.User.Id, Someone, cache.Generation);
        var loadBegan = cache.Generation;

        cache.Changed();

        Assert.Null(cache.Find(Someone.User.Id));
        cache.Keep(Someone.User.Id, Someone, loadBegan);
        Assert.Null(cache.Find(Someone.User.Id));
    }

    [Fact]
    public void ZeroSeconds_KeepsNothing()
    {
        var cache = Cache(new SessionTimeoutTests.TestClock(), seconds: 0);
        cache.Keep(Someone.User.Id, Someone, cache.Generation);

        Assert.Null(cache.Find(Someone.User.Id));
    }
}
