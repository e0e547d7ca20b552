namespace Trajet.Web.Features.Coaching;

/// <summary>The programme's desks with their opening hours; coordinators open desks and add opening slots.</summary>
public sealed class IndexModel(CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    [BindProperty]
    public AddDesk.Input Input { get; set; } = new() { Openings = [new() { Day = DayOfWeek.Wednesday, Opens = new(9, 0), Closes = new(12, 0) }] };

    public IReadOnlyList<Desk> Desks { get; private set; } = [];
    public IReadOnlyList<ProgrammeRef> Programmes { get; private set; } = [];
    public bool CanManage { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(UserContext user, CancellationToken ct)
    {
        if (!await LoadAsync(ct) || !CanManage)
        {
            return Forbid();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        return (await AddDesk.ExecuteAsync(db, user, Input, ct)).ToPage(this, l, _ => RedirectToPage());
    }

    public async Task<IActionResult> OnPostOpeningAsync(Guid deskId, DayOfWeek day, TimeOnly? opens, TimeOnly? closes, UserContext user, CancellationToken ct)
    {
        if (!await LoadAsync(ct) || !CanManage)
        {
            return Forbid();
        }
        var desk = await db.Desks.Visible(user).SingleOrDefaultAsync(d => d.Id == deskId, ct);
        if (desk is null)
        {
            return NotFound();
        }
        if (opens is null || closes is null || closes <= opens)
        {
            ModelState.AddModelError("", l["The desk must close after it opens."]);
            return Page();
        }
        db.DeskOpenings.Add(new DeskOpening { DeskId = desk.Id, Day = day, Opens = opens.Value, Closes = closes.Value });
        await db.SaveChangesAsync(ct);
        return RedirectToPage();
    }

    /// <summary>A coordinator renames a desk, in each language.</summary>
    public async Task<IActionResult> OnPostNamesAsync(Guid deskId, string? name, LocalizedText? names, UserContext user, CancellationToken ct)
    {
        if (!await LoadAsync(ct) || !CanManage)
        {
            return Forbid();
        }
        var desk = await db.Desks.Visible(user).SingleOrDefaultAsync(d => d.Id == deskId, ct);
        if (desk is null)
        {
            return NotFound();
        }
        var errors = LocalizedText.Validate(names, "names", 200, "At most 200 characters.");
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 200)
        {
            errors.Insert(0, new("name", "The name is required (at most 200 characters)."));
        }
        if (errors.Count > 0)
        {
            // Shown above the desks, where the rename form is.
            foreach (var error in errors)
            {
                ModelState.AddModelError("", l[error.Message]);
            }
            return Page();
        }
        desk.Name = name!.Trim();
        desk.Names.Write(names);
        await db.SaveChangesAsync(ct);
        return RedirectToPage();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        if (user.OrganisationId is null || user.SeesAggregatesOnly)
        {
            return false;
        }
        Today = clock.Today();
        CanManage = user.IsCoordinator;
        Programmes = user.Programmes.Where(p => p.Kind == ProgrammeKind.IndividualCoaching).ToList();
        Input = Input with { Programme = Input.Programme ?? Programmes.FirstOrDefault()?.Slug };
        Desks = await DesksApi.VisibleAsync(db, user, ct);
        return true;
    }
}
