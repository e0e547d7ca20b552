namespace Trajet.Web.Features;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string RequestId { get; private set; } = "";

    /// <summary>The read-only database (a standby) did not answer: a wait, not a fault to report.</summary>
    public bool ReadOnlyDatabaseDown { get; private set; }

    public void OnGet()
    {
        RequestId = HttpContext.TraceIdentifier;
        ReadOnlyDatabaseDown = HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Error is ReadOnlyDatabaseUnavailableException;
    }

    public void OnPost() => OnGet();
}
