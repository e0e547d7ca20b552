using System.ComponentModel.DataAnnotations;

namespace Trajet.Web.Features.Accounts;

[AllowAnonymous]
[SignInAttempt]
public sealed class LoginModel(SignInManager<User> signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "The e-mail is required.")]
        [EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "The password is required.")]
        public string Password { get; set; } = "";
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        // A disabled account is refused by TrajetSignInManager like a wrong password.
        var result = await signIn.PasswordSignInAsync(Input.Email, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("LoginWithCode", new { ReturnUrl });
        }
        ModelState.AddModelError("", result.IsLockedOut
            ? l["Too many failed attempts: this account is locked for 15 minutes."]
            : l["Wrong e-mail or password."]);
        return Page();
    }
}
