using Microsoft.Extensions.Caching.Memory;

namespace Trajet.Web.Features.Cases;

public static class CasesSetup
{
    public static IServiceCollection AddTrajetCases(this IServiceCollection services) => services.AddSharedCache<CaseCounts>();
}

/// <summary>
/// The totals of the case list without a search, kept <c>Cases:CountCacheSeconds</c> (10; 0 turns it off) so that
/// every page of the list does not count the caseload again; a save of a case or an assignment empties it in every instance.
/// </summary>
public sealed class CaseCounts(TimeProvider clock, IConfiguration configuration) : SharedCache(configuration), IDisposable
{
    // As in UserContextCache: the generation kept with a count refuses one counted before a change but kept after it.
    private sealed record Entry(int Count, int Generation);

    private const int MaxEntries = 10_000;
    private readonly MemoryCache entries = clock.NewMemoryCache(sizeLimit: MaxEntries);
    private readonly TimeSpan lifetime = TimeSpan.FromSeconds(configuration.GetValue("Cases:CountCacheSeconds", 10));

    public override string Name => "case-counts";

    protected override void Clear() => entries.Clear();

    /// <summary>The count kept under <paramref name="key"/> (a value: a record), or else counted now (and kept unless a change was saved meanwhile).</summary>
    public async Task<int> CountAsync(object key, Func<Task<int>> count)
    {
        var now = clock.GetUtcNow();
        var current = Generation;
        if (entries.TryGetValue(key, out Entry? entry) && IsCurrent(entry!.Generation))
        {
            return entry.Count;
        }
        var counted = await count();
        if (lifetime > TimeSpan.Zero && IsCurrent(current))
        {
            entries.Set(key, new Entry(counted, current), new MemoryCacheEntryOptions { AbsoluteExpiration = now + lifetime, Size = 1 });
        }
        return counted;
    }

    public void Dispose() => entries.Dispose();
}

/// <summary>A saved change of a case or its assignments empties <see cref="CaseCounts"/>.</summary>
public sealed class EmptyCaseCounts() : EmptySharedCache<CaseCounts>(e => e is Case or CaseAssignment);
