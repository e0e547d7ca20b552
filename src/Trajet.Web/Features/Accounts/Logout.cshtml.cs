namespace Trajet.Web.Features.Accounts;

[AllowAnonymous]
public sealed class LogoutModel(SignInManager<User> signIn) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        Response.Headers["Clear-Site-Data"] = Sessions.ClearSiteData;
        return LocalRedirect("/Accounts/Login");
    }
}
