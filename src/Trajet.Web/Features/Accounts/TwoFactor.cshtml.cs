namespace Trajet.Web.Features.Accounts;

/// <summary>One's own two-factor sign-in: its state, recovery codes (shown once), turning it off where the role allows.</summary>
public sealed class TwoFactorModel(UserManager<User> users, SignInManager<User> signIn, CurrentUser current) : PageModel
{
    public bool Enabled { get; private set; }
    public bool Required { get; private set; }
    public bool Exempt { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    /// <summary>Only on the page that follows their making (TempData is read once); never shown again.</summary>
    public IReadOnlyList<string> NewRecoveryCodes { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? message)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        var me = await current.RequireAsync(HttpContext.RequestAborted);
        Enabled = user.TwoFactorEnabled;
        Exempt = user.TwoFactorExempt;
        Required = TwoFactorPolicy.IsRequired(me.Roles, user.TwoFactorExempt);
        RecoveryCodesLeft = Enabled ? await users.CountRecoveryCodesAsync(user) : 0;
        NewRecoveryCodes = TempData[EnrolAuthenticatorModel.RecoveryCodesKey] as string[] ?? [];
        Message = message;
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (user.TwoFactorEnabled)
        {
            TempData[EnrolAuthenticatorModel.RecoveryCodesKey] = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToArray() ?? [];
        }
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        var me = await current.RequireAsync(HttpContext.RequestAborted);
        if (!TwoFactorPolicy.MayDisable(me.Roles, user.TwoFactorExempt))
        {
            return RedirectToPage(new { message = "Your role requires two-factor sign-in: it cannot be turned off." });
        }
        await users.TurnOffTwoFactorAsync(user);
        await signIn.RefreshSignInAsync(user);
        return RedirectToPage(new { message = "Two-factor sign-in is off." });
    }
}
