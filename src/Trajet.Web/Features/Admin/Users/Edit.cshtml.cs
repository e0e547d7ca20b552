using System.ComponentModel.DataAnnotations;

namespace Trajet.Web.Features.Admin.Users;

/// <summary>Creates or edits an account: organisation, roles, programmes; resets, unlocks, revokes.</summary>
[Authorize(Roles = Roles.Administrator)]
public sealed class EditModel(TrajetDbContext db, UserManager<User> users, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record ProgrammeOption(Guid Id, string Slug, string Name);
    public sealed record OrganisationOption(Guid Id, string Name, IReadOnlyList<ProgrammeOption> Programmes);

    public sealed class InputModel
    {
        [Required(ErrorMessage = "The e-mail is required.")]
        [EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "The name is required.")]
        [StringLength(200, ErrorMessage = "At most 200 characters.")]
        public string DisplayName { get; set; } = "";

        public Guid? OrganisationId { get; set; }
        public List<string> Roles { get; set; } = [];
        public List<Guid> ProgrammeIds { get; set; } = [];
        public bool IsActive { get; set; } = true;
        public string? Password { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string? NewPassword { get; set; }
    public string? Message { get; private set; }
    public bool IsNew { get; private set; }
    public IReadOnlyList<OrganisationOption> Organisations { get; private set; } = [];
    public bool TwoFactorEnabled { get; private set; }
    /// <summary>A seeded demo account: shown, never editable here.</summary>
    public bool TwoFactorExempt { get; private set; }
    public bool TwoFactorRequired { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, string? message, CancellationToken ct)
    {
        await LoadOptionsAsync(ct);
        IsNew = id is null;
        Message = message;
        if (id is null)
        {
            return Page();
        }
        var user = await db.Users.Include(u => u.Programmes).SingleOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
        {
            return NotFound();
        }
        Input = new InputModel
        {
            Email = user.Email ?? "",
            DisplayName = user.DisplayName,
            OrganisationId = user.OrganisationId,
            Roles = [.. await users.GetRolesAsync(user)],
            ProgrammeIds = user.Programmes.Select(p => p.ProgrammeId).ToList(),
            IsActive = user.IsActive,
        };
        TwoFactorEnabled = user.TwoFactorEnabled;
        TwoFactorExempt = user.TwoFactorExempt;
        TwoFactorRequired = TwoFactorPolicy.IsRequired(Input.Roles, user.TwoFactorExempt);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        await LoadOptionsAsync(ct);
        IsNew = id is null;
        var user = id is null ? new User() : await db.Users.Include(u => u.Programmes).SingleOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
        {
            return NotFound();
        }

        var programmeOrganisations = Organisations.SelectMany(o => o.Programmes.Select(p => (p.Id, OrganisationId: o.Id)))
            .Where(p => Input.ProgrammeIds.Contains(p.Id)).Select(p => p.OrganisationId);
        AccountRules.Validate(Input.Roles, Input.OrganisationId, programmeOrganisations).AddTo(ModelState, l);
        if (IsNew && string.IsNullOrEmpty(Input.Password))
        {
            ModelState.AddModelError("Input.Password", l["The new password is required."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        user.Email = user.UserName = Input.Email.Trim();
        user.DisplayName = Input.DisplayName.Trim();
        user.OrganisationId = Input.OrganisationId;
        user.IsActive = Input.IsActive;
        user.Programmes.RemoveAll(p => !Input.ProgrammeIds.Contains(p.ProgrammeId));
        user.Programmes.AddRange(Input.ProgrammeIds.Where(p => user.Programmes.All(x => x.ProgrammeId != p))
            .Select(p => new UserProgramme { UserId = user.Id, ProgrammeId = p }));

        var result = IsNew ? await users.CreateAsync(user, Input.Password!) : await users.UpdateAsync(user);
        if (result.Succeeded)
        {
            var current = await users.GetRolesAsync(user);
            result = await users.RemoveFromRolesAsync(user, current.Except(Input.Roles));
            if (result.Succeeded)
            {
                result = await users.AddToRolesAsync(user, Input.Roles.Except(current));
            }
        }
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password" : "Input.Email";
                ModelState.AddModelError(field, l[IdentityMessages.For(error)]);
            }
            return Page(); // the transaction is rolled back on dispose: nothing half-saved
        }
        if (!IsNew)
        {
            await users.UpdateSecurityStampAsync(user); // new roles or a disabled account take effect at once
            if (!user.IsActive)
            {
                await Sessions.EndAllAsync(db, user.Id, ct);
            }
        }
        await transaction.CommitAsync(ct);
        return RedirectToPage(new { id = user.Id, message = "Saved." });
    }

    public async Task<IActionResult> OnPostResetPasswordAsync(Guid id, string? newPassword, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return NotFound();
        }
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, newPassword ?? "");
        if (!result.Succeeded)
        {
            await OnGetAsync(id, null, ct);
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(nameof(NewPassword), l[IdentityMessages.For(error)]);
            }
            return Page();
        }
        return RedirectToPage(new { id, message = "The password has been set." });
    }

    public async Task<IActionResult> OnPostUnlockAsync(Guid id)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return NotFound();
        }
        // Two saves by Identity: one transaction, so that a crash between them leaves no half-unlocked account.
        await using var transaction = await db.Database.BeginTransactionAsync();
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await transaction.CommitAsync();
        return RedirectToPage(new { id, message = "The account is unlocked." });
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return NotFound();
        }
        await users.UpdateSecurityStampAsync(user);
        await Sessions.EndAllAsync(db, user.Id, HttpContext.RequestAborted);
        return RedirectToPage(new { id, message = "All sessions of this user are signed out." });
    }

    /// <summary>For a lost phone: the user enrols again at the next sign-in (where the role requires it) and is signed out everywhere now.</summary>
    public async Task<IActionResult> OnPostResetTwoFactorAsync(Guid id)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return NotFound();
        }
        await users.TurnOffTwoFactorAsync(user);
        await Sessions.EndAllAsync(db, user.Id, HttpContext.RequestAborted); // a lost phone: its offline store is wiped too
        return RedirectToPage(new { id, message = "Two-factor sign-in has been reset and all sessions of this user are signed out." });
    }

    private async Task LoadOptionsAsync(CancellationToken ct) =>
        Organisations = await db.Organisations.OrderBy(o => o.Name)
            .Select(o => new OrganisationOption(o.Id, o.Name, o.Programmes.OrderBy(p => p.Slug).Select(p => new ProgrammeOption(p.Id, p.Slug, p.Name)).ToList()))
            .ToListAsync(ct);
}
