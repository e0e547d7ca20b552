namespace Trajet.Web.Infrastructure;

public static class Clock
{
    /// <summary>Today's date where Trajet works: the local date of the app's clock (which tests set).</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().Date);
}
