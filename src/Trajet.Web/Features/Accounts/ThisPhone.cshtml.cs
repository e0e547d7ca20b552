namespace Trajet.Web.Features.Accounts;

/// <summary>On the phone itself: register it for field sessions, or see what it is registered as.</summary>
[Authorize(Roles = Roles.Coordinator + "," + Roles.Administrator)]
public sealed class ThisPhoneModel(TrajetDbContext db, TimeProvider clock, FieldSessions.Settings fieldSessions, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record OrganisationOption(Guid Id, string Name);

    [BindProperty]
    public RegisterDevice.Input Input { get; set; } = new();

    /// <summary>The registration this phone's cookie names, among those the user may see.</summary>
    public RegisteredDeviceView? Current { get; private set; }
    /// <summary>Administrators choose the organisation; coordinators register for their own.</summary>
    public IReadOnlyList<OrganisationOption>? Organisations { get; private set; }
    public bool Registered { get; private set; }
    public FieldSessions.Settings Field => fieldSessions;

    public async Task OnGetAsync(UserContext user, bool registered, CancellationToken ct)
    {
        Registered = registered;
        await LoadAsync(user, ct);
    }

    public Task<IActionResult> OnPostAsync(UserContext user, CancellationToken ct) =>
        this.SaveAsync(l, () => RegisterDevice.ExecuteAsync(db, user, Input, DeviceCookie.HashFrom(Request), clock.GetUtcNow().UtcDateTime, ct),
            registered =>
            {
                DeviceCookie.Append(HttpContext, registered.Token, clock.GetUtcNow());
                return RedirectToPage(new { registered = true });
            },
            () => LoadAsync(user, ct));

    private async Task LoadAsync(UserContext user, CancellationToken ct)
    {
        var hash = DeviceCookie.HashFrom(Request);
        Current = hash is null ? null : await RegisteredDeviceView.Read(db, db.RegisteredDevices.Visible(user).Where(d => d.TokenHash == hash), hash).SingleOrDefaultAsync(ct);
        if (user.IsAdministrator)
        {
            Organisations = await db.Organisations.Where(o => o.Kind != OrganisationKind.System).OrderBy(o => o.Name)
                .Select(o => new OrganisationOption(o.Id, o.Name)).ToListAsync(ct);
        }
    }
}
