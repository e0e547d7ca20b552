namespace Trajet.Web.Features.Accounts;

/// <summary>Identity's errors as translation keys (its own texts are English only).</summary>
public static class IdentityMessages
{
    public static string For(IdentityError error) => error.Code switch
    {
        "PasswordMismatch" => "The current password is wrong.",
        "PasswordTooShort" => "The password must have at least 12 characters.",
        "PasswordRequiresDigit" => "The password must contain a digit.",
        "PasswordRequiresLower" => "The password must contain a lower-case letter.",
        "PasswordRequiresUpper" => "The password must contain an upper-case letter.",
        "PasswordRequiresNonAlphanumeric" => "The password must contain a symbol.",
        "DuplicateEmail" or "DuplicateUserName" => "An account with this e-mail already exists.",
        "InvalidEmail" => "Enter a valid e-mail address.",
        _ => error.Description,
    };
}
