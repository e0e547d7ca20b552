namespace Trajet.Web.Features.Accounts;

public sealed class AccessDeniedModel : PageModel
{
    public void OnGet()
    {
    }
}
