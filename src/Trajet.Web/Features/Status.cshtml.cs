namespace Trajet.Web.Features;

/// <summary>The HTML page behind an empty 4xx/5xx response of a page (the API answers problem details instead).</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    public void OnGet([FromQuery] int code) => Code = code;

    public void OnPost([FromQuery] int code) => Code = code;
}
