namespace Trajet.Web.Features.Accounts;

public static class TwoFactorReset
{
    /// <summary>
    /// Turns two-factor sign-in off, forgets the authenticator key and the recovery codes; the new
    /// security stamp ends every session of the user. The next enrolment starts from a new key.
    /// </summary>
    public static async Task TurnOffTwoFactorAsync(this UserManager<User> users, User user)
    {
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0); // replaces the remaining codes by none
        await users.ResetAuthenticatorKeyAsync(user); // also changes the security stamp
    }
}
