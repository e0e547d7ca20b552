namespace Trajet.Web.Features;

/// <summary>The HTML page behind an empty 4xx/5xx response of a page (the API answers problem details instead).</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    /// <summary>After too many sign-in attempts: how long to wait (set by the rate limiter).</summary>
    public int? WaitSeconds { get; private set; }

    public void OnGet([FromQuery] int code) => Read(code);

    public void OnPost([FromQuery] int code) => Read(code);

    private void Read(int code)
    {
        Code = code;
        WaitSeconds = HttpContext.Items[RateLimits.RetryAfterItem] is TimeSpan wait ? (int)Math.Ceiling(wait.TotalSeconds) : null;
    }
}
