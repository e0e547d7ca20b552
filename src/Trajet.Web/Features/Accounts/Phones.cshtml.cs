namespace Trajet.Web.Features.Accounts;

/// <summary>The organisation's registered phones (every organisation's, for an administrator), and revoking one.</summary>
[Authorize(Roles = Roles.Coordinator + "," + Roles.Administrator)]
public sealed class PhonesModel(TrajetDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public IReadOnlyList<RegisteredDeviceView> Items { get; private set; } = [];
    public bool ShowsOrganisation { get; private set; }
    public bool Revoked { get; private set; }

    public async Task OnGetAsync(UserContext user, bool revoked, CancellationToken ct)
    {
        Revoked = revoked;
        ShowsOrganisation = user.IsAdministrator;
        Items = await RegisteredDeviceView.Read(db, db.RegisteredDevices.Visible(user), DeviceCookie.HashFrom(Request)).ToListAsync(ct);
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid deviceId, UserContext user, CancellationToken ct) =>
        (await RevokeDevice.ExecuteAsync(db, user, deviceId, clock.GetUtcNow().UtcDateTime, ct)).ToPage(this, l, _ => RedirectToPage(new { revoked = true }));
}
