using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace Trajet.Web.Features.Accounts;

/// <summary>
/// Every sign-in attempt, from the pages or from POST /api/auth/login, passes here: a disabled
/// account cannot sign in, a wrong recovery code counts towards the lockout like a wrong
/// authenticator code, and each outcome ends in <see cref="SignedInAsync"/> or <see cref="SignInFailedAsync"/>.
/// </summary>
public sealed class TrajetSignInManager(
    UserManager<User> users,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<User> claimsFactory,
    IOptions<IdentityOptions> options,
    ILogger<SignInManager<User>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<User> confirmation,
    Audit.AuditTrail audit)
    : SignInManager<User>(users, contextAccessor, claimsFactory, options, logger, schemes, confirmation)
{
    private string Via => AuthenticationScheme == IdentityConstants.BearerScheme ? "bearer" : "cookie";

    public override async Task<bool> CanSignInAsync(User user) => user.IsActive && await base.CanSignInAsync(user);

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            SpendAPasswordCheck(password);
            await SignInFailedAsync(userName, null, "unknown-email");
            return SignInResult.Failed;
        }
        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    public override async Task<SignInResult> PasswordSignInAsync(User user, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var result = await base.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        await RecordAsync(user, "password", result);
        return result;
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(User user, string password, bool lockoutOnFailure)
    {
        // Identity refuses a disabled or locked account before it hashes anything.
        if (!await CanSignInAsync(user) || await UserManager.IsLockedOutAsync(user))
        {
            SpendAPasswordCheck(password);
        }
        return await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
    }

    private static string? unusedHash;

    /// <summary>
    /// The work of checking a password, spent where no password is checked (unknown e-mail, disabled or locked account),
    /// so that the time of the answer does not tell which e-mails have an account.
    /// </summary>
    private void SpendAPasswordCheck(string password)
    {
        var nobody = new User();
        unusedHash ??= UserManager.PasswordHasher.HashPassword(nobody, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));
        UserManager.PasswordHasher.VerifyHashedPassword(nobody, unusedHash, password);
    }

    public override async Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient)
    {
        var user = await GetTwoFactorAuthenticationUserAsync(); // before the base clears the pending sign-in
        var result = await base.TwoFactorAuthenticatorSignInAsync(code, isPersistent, rememberClient);
        await RecordAsync(user, "authenticator-code", result);
        return result;
    }

    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        // Identity checks neither lockout nor failures for recovery codes: a locked account stays locked.
        if (user is not null && await UserManager.IsLockedOutAsync(user))
        {
            await RecordAsync(user, "recovery-code", SignInResult.LockedOut);
            return SignInResult.LockedOut;
        }
        var result = await base.TwoFactorRecoveryCodeSignInAsync(recoveryCode);
        if (user is not null && !result.Succeeded)
        {
            await UserManager.AccessFailedAsync(user);
            if (await UserManager.IsLockedOutAsync(user))
            {
                result = SignInResult.LockedOut;
            }
        }
        await RecordAsync(user, "recovery-code", result);
        return result;
    }

    private Task RecordAsync(User? user, string method, SignInResult result) =>
        result.Succeeded ? SignedInAsync(user!, method)
        : result.RequiresTwoFactor ? Task.CompletedTask // the password was right; the code step decides
        : SignInFailedAsync(user?.Email, user, result.IsLockedOut ? "locked-out" : result.IsNotAllowed ? "not-allowed" : $"wrong-{method}");

    /// <summary>A successful sign-in (cookie or bearer token issued), recorded in the audit trail.</summary>
    private Task SignedInAsync(User user, string method)
    {
        Logger.LogInformation("Sign-in of user {UserId} by {Method}", user.Id, method);
        return audit.SignInAsync(user, Via);
    }

    public override async Task SignOutAsync()
    {
        if (Context.User.Identity?.IsAuthenticated == true && await UserManager.GetUserAsync(Context.User) is { } user)
        {
            await audit.SignOutAsync(user);
        }
        await base.SignOutAsync();
    }

    /// <summary>A refused sign-in; <paramref name="user"/> is null for an unknown e-mail. Recorded in the audit trail.</summary>
    private Task SignInFailedAsync(string? email, User? user, string reason)
    {
        // The e-mail as typed is for the audit trail, not the log (people type passwords into it).
        Logger.LogWarning("Failed sign-in for user {UserId}: {Reason} ({Length}-character e-mail)", user?.Id.ToString() ?? "(unknown)", reason, email?.Length ?? 0);
        return audit.SignInFailedAsync(user is null ? email : null, user, reason, Via);
    }
}
