namespace Trajet.Web.Features.Outreach;

/// <summary>The places the team goes to, by city, and the form to add one.</summary>
public sealed class PlacesModel(TrajetDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public AddPlace.Input Input { get; set; } = new();

    public IReadOnlyList<OutreachApi.PlaceDto> Items { get; private set; } = [];
    public bool CanWork { get; private set; }

    public async Task<IActionResult> OnGetAsync(UserContext user, CancellationToken ct)
    {
        if (await OutreachAccess.PageProgrammeAsync(db, user, toWork: false, ct) is not { } programme)
        {
            return NotFound();
        }
        Input = new() { Type = PlaceType.StreetSpot };
        await LoadAsync(user, programme.Id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(UserContext user, CancellationToken ct)
    {
        if (await OutreachAccess.PageProgrammeAsync(db, user, toWork: true, ct) is not { } programme)
        {
            return NotFound();
        }
        var country = await db.Organisations.Where(o => o.Id == user.OrganisationId).Select(o => o.Country).SingleAsync(ct);
        // The form adds in the user's programme and country.
        return await this.SaveAsync(l, () => AddPlace.ExecuteAsync(db, programme, user.OrganisationId!.Value, country, Input with { Programme = null, Country = null }, ct),
            _ => RedirectToPage(), () => LoadAsync(user, programme.Id, ct));
    }

    private async Task LoadAsync(UserContext user, Guid programmeId, CancellationToken ct)
    {
        CanWork = OutreachAccess.CanWork(user);
        Items = await db.OutreachPlaces.Visible(user).AsNoTracking().Where(p => p.ProgrammeId == programmeId && p.IsActive).OrderBy(p => p.City).ThenBy(p => p.Name)
            .Select(p => new OutreachApi.PlaceDto(p.Id, p.Name, p.Type, p.City, p.Region, p.Country, new LocalizedText { Fr = p.Names.Fr, Nl = p.Names.Nl, En = p.Names.En })).ToListAsync(ct);
    }
}
