using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Trajet.Web.Features.Accounts;

namespace Trajet.Web.Features.Audit;

/// <summary>
/// Identity's sign-in manager, recording every sign-in (cookie or bearer, with or without a second factor),
/// every refused one and every sign-out. Pages and Identity's API endpoints use it unchanged.
/// </summary>
public sealed class AuditedSignInManager(
    UserManager<User> users, IHttpContextAccessor accessor, IUserClaimsPrincipalFactory<User> claims,
    IOptions<IdentityOptions> options, ILogger<SignInManager<User>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<User> confirmation, AuditTrail audit)
    : SignInManager<User>(users, accessor, claims, options, logger, schemes, confirmation)
{
    private bool refreshing;

    private string Via => AuthenticationScheme == IdentityConstants.BearerScheme ? "bearer" : "cookie";

    /// <summary>By e-mail (Identity's /api/auth/login): an unknown e-mail is a refused sign-in too.</summary>
    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            await audit.SignInFailedAsync(userName, null, "unknown-email", Via);
            return SignInResult.Failed;
        }
        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    public override async Task<SignInResult> PasswordSignInAsync(User user, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var result = await base.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        if (!result.Succeeded && !result.RequiresTwoFactor)
        {
            await audit.SignInFailedAsync(null, user, Reason(result, "wrong-password"), Via);
        }
        return result;
    }

    public override async Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient)
    {
        var result = await base.TwoFactorAuthenticatorSignInAsync(code, isPersistent, rememberClient);
        await RecordSecondFactorFailureAsync(result);
        return result;
    }

    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode)
    {
        var result = await base.TwoFactorRecoveryCodeSignInAsync(recoveryCode);
        await RecordSecondFactorFailureAsync(result);
        return result;
    }

    /// <summary>Every successful sign-in ends here (password, second factor); a refreshed cookie is not a new sign-in.</summary>
    public override async Task SignInWithClaimsAsync(User user, AuthenticationProperties? authenticationProperties, IEnumerable<System.Security.Claims.Claim> additionalClaims)
    {
        await base.SignInWithClaimsAsync(user, authenticationProperties, additionalClaims);
        if (!refreshing)
        {
            await audit.SignInAsync(user, Via);
        }
    }

    public override async Task RefreshSignInAsync(User user)
    {
        refreshing = true;
        try
        {
            await base.RefreshSignInAsync(user);
        }
        finally
        {
            refreshing = false;
        }
    }

    public override async Task SignOutAsync()
    {
        if (Context.User.Identity?.IsAuthenticated == true && await UserManager.GetUserAsync(Context.User) is { } user)
        {
            await audit.SignOutAsync(user);
        }
        await base.SignOutAsync();
    }

    private async Task RecordSecondFactorFailureAsync(SignInResult result)
    {
        if (!result.Succeeded && await GetTwoFactorAuthenticationUserAsync() is { } user)
        {
            await audit.SignInFailedAsync(null, user, Reason(result, "wrong-second-factor"), Via);
        }
    }

    private static string Reason(SignInResult result, string otherwise) =>
        result.IsLockedOut ? "locked-out" : result.IsNotAllowed ? "not-allowed" : otherwise;
}
