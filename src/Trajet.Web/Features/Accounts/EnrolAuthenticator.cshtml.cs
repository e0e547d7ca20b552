namespace Trajet.Web.Features.Accounts;

/// <summary>Enrols an authenticator app: shows the shared key, checks one code, then turns two-factor sign-in on.</summary>
public sealed class EnrolAuthenticatorModel(UserManager<User> users, IUserStore<User> store, SignInManager<User> signIn, CurrentUser current, IStringLocalizer<SharedResource> l) : PageModel
{
    public const string RecoveryCodesKey = "RecoveryCodes";

    public sealed class InputModel
    {
        public string? Code { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string SharedKey { get; private set; } = "";
    public string AuthenticatorUri { get; private set; } = "";
    /// <summary>The role requires it: the user was sent here and can go nowhere else until done.</summary>
    public bool Required { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (user.TwoFactorEnabled)
        {
            return RedirectToPage("TwoFactor");
        }
        await LoadKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (user.TwoFactorEnabled)
        {
            return RedirectToPage("TwoFactor");
        }
        var code = TwoFactorPolicy.CleanCode(Input.Code);
        if (code.Length == 0 || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError("Input.Code", l["This code is not valid. Check that your phone shows the right time, and try again."]);
            await LoadKeyAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var recoveryCodes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
        await signIn.RefreshSignInAsync(user); // the new security stamp ends the other sessions, not this one
        TempData[RecoveryCodesKey] = recoveryCodes?.ToArray() ?? [];
        return RedirectToPage("TwoFactor");
    }

    private async Task LoadKeyAsync(User user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // Not through ResetAuthenticatorKeyAsync: a first key for an account without two-factor
            // sign-in need not end the user's other sessions (turning it on will).
            key = users.GenerateNewAuthenticatorKey();
            await ((IUserAuthenticatorKeyStore<User>)store).SetAuthenticatorKeyAsync(user, key, HttpContext.RequestAborted);
            await users.UpdateAsync(user);
        }
        SharedKey = key!;
        AuthenticatorUri = TwoFactorPolicy.AuthenticatorUri(user.Email!, SharedKey);
        Required = (await current.GetAsync(HttpContext.RequestAborted))?.MustEnrolTwoFactor == true;
    }
}
