
namespace Trajet.Web.Features.Accounts;

/// <summary>The second step of signing in: a code from the authenticator app, or one of the recovery codes.</summary>
[AllowAnonymous]
[SignInAttempt]
public sealed class LoginWithCodeModel(SignInManager<User> signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class InputModel
    {
        public string? Code { get; set; }
        public string? RecoveryCode { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? BackToLogin() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var code = TwoFactorPolicy.CleanCode(Input.Code);
        if (code.Length == 0)
        {
            ModelState.AddModelError("Input.Code", l["Enter the code shown by your app."]);
            return Page();
        }
        return await ResultAsync(await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false), "Input.Code");
    }

    public async Task<IActionResult> OnPostRecoveryAsync()
    {
        var code = TwoFactorPolicy.CleanRecoveryCode(Input.RecoveryCode);
        if (code.Length == 0)
        {
            ModelState.AddModelError("Input.RecoveryCode", l["Enter one of your recovery codes."]);
            return Page();
        }
        return await ResultAsync(await signIn.TwoFactorRecoveryCodeSignInAsync(code), "Input.RecoveryCode");
    }

    private async Task<IActionResult> ResultAsync(Microsoft.AspNetCore.Identity.SignInResult result, string field)
    {
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }
        if (result.IsLockedOut)
        {
            ModelState.AddModelError("", l["Too many failed attempts: this account is locked for 15 minutes."]);
            return Page();
        }
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return BackToLogin(); // the five minutes between password and code have run out
        }
        ModelState.AddModelError(field, l["This code is not valid. Check that your phone shows the right time, and try again."]);
        return Page();
    }

    private RedirectToPageResult BackToLogin() => RedirectToPage("Login", new { ReturnUrl });
}
