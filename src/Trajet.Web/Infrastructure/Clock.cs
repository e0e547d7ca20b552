using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Internal;

namespace Trajet.Web.Infrastructure;

/// <summary>Trajet's one clock is the injected <see cref="TimeProvider"/> (tests set it); DateTime.Now and the like are banned.</summary>
public static class Clock
{
    private static readonly AsyncLocal<TimeProvider?> Current = new();

    /// <summary>Today's date where Trajet works: the local date of the app's clock.</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().Date);

    /// <summary>Now, where no clock can be injected (an entity's creation time): the request's clock, else the system's.</summary>
    public static DateTime UtcNow => (Current.Value ?? TimeProvider.System).GetUtcNow().UtcDateTime;

    /// <summary>Makes the app's clock the one <see cref="UtcNow"/> reads for the rest of the request.</summary>
    public static IApplicationBuilder UseAppClock(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            Current.Value = context.RequestServices.GetRequiredService<TimeProvider>();
            return next(context);
        });

    /// <summary>A cache whose entries expire by the app's clock: its options take an ISystemClock, not a TimeProvider.</summary>
    public static MemoryCache NewMemoryCache(this TimeProvider clock, long? sizeLimit = null) =>
        new(new MemoryCacheOptions { Clock = new CacheClock(clock), SizeLimit = sizeLimit });

    private sealed class CacheClock(TimeProvider clock) : ISystemClock
    {
        public DateTimeOffset UtcNow => clock.GetUtcNow();
    }
}
