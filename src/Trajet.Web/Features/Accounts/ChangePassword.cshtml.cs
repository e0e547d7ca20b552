using System.ComponentModel.DataAnnotations;

namespace Trajet.Web.Features.Accounts;

public sealed class ChangePasswordModel(UserManager<User> users, SignInManager<User> signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "The current password is required.")]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "The new password is required.")]
        public string NewPassword { get; set; } = "";

        [Compare(nameof(NewPassword), ErrorMessage = "The two new passwords differ.")]
        public string ConfirmPassword { get; set; } = "";
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool Changed { get; private set; }

    public void OnGet(bool changed = false) => Changed = changed;

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? "Input.CurrentPassword" : "Input.NewPassword", l[IdentityMessages.For(error)]);
            }
            return Page();
        }
        await signIn.RefreshSignInAsync(user); // the new security stamp ends the other sessions, not this one
        return RedirectToPage(new { changed = true });
    }
}
