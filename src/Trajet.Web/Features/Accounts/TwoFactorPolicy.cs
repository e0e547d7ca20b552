using System.Text;

namespace Trajet.Web.Features.Accounts;

/// <summary>Who must sign in with an authenticator app, and how its key is shown to a person.</summary>
public static class TwoFactorPolicy
{
    public const string Issuer = "Trajet";

    /// <summary>The roles that see a whole organisation or every account: their password alone is not enough.</summary>
    public static readonly IReadOnlyList<string> RequiredFor = [Roles.Administrator, Roles.Coordinator];

    public static bool IsRequired(IEnumerable<string> roles, bool exempt) => !exempt && roles.Any(RequiredFor.Contains);

    /// <summary>Signed in with a password but barred from everything until an authenticator app is enrolled.</summary>
    public static bool MustEnrol(IEnumerable<string> roles, bool exempt, bool enabled) => !enabled && IsRequired(roles, exempt);

    public static bool MayDisable(IEnumerable<string> roles, bool exempt) => !IsRequired(roles, exempt);

    /// <summary>"JBSWY3DPEHPK3PXP" → "jbsw y3dp ehpk 3pxp": easier to type into a phone.</summary>
    public static string FormatKey(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0)
            {
                text.Append(' ');
            }
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }
        return text.ToString().ToLowerInvariant();
    }

    /// <summary>The key URI format that authenticator apps read from a QR code (TOTP, SHA-1, 6 digits, 30 s).</summary>
    public static string AuthenticatorUri(string email, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(email)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";

    /// <summary>What a person types from the app: spaces and hyphens are ignored.</summary>
    public static string CleanCode(string? code) => new((code ?? "").Where(char.IsAsciiLetterOrDigit).ToArray());

    /// <summary>Recovery codes are stored as "XXXXX-XXXXX" in capitals: spaces and case are forgiven, not the hyphen.</summary>
    public static string CleanRecoveryCode(string? code) => new((code ?? "").Where(c => !char.IsWhiteSpace(c)).Select(char.ToUpperInvariant).ToArray());
}
