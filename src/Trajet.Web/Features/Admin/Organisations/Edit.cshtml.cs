using System.ComponentModel.DataAnnotations;

namespace Trajet.Web.Features.Admin.Organisations;

[Authorize(Roles = Roles.Administrator)]
public sealed class EditModel(TrajetDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "The identifier is required.")]
        [RegularExpression("^[a-z0-9]+(-[a-z0-9]+)*$", ErrorMessage = "Lower-case letters, digits and dashes, e.g. plan-together.")]
        [StringLength(60, ErrorMessage = "At most 60 characters.")]
        public string Slug { get; set; } = "";

        [Required(ErrorMessage = "The name is required.")]
        [StringLength(200, ErrorMessage = "At most 200 characters.")]
        public string Name { get; set; } = "";

        public ProgrammeKind Kind { get; set; }

        [Required(ErrorMessage = "The case prefix is required.")]
        [RegularExpression("^[A-Z]{1,10}$", ErrorMessage = "Up to 10 capital letters, e.g. PT.")]
        public string CasePrefix { get; set; } = "";
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Organisation Organisation { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (ModelState.IsValid && await db.Programmes.AnyAsync(p => p.Slug == Input.Slug, ct))
        {
            ModelState.AddModelError("Input.Slug", l["This identifier is already used."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        db.Programmes.Add(new Programme { OrganisationId = id, Slug = Input.Slug, Name = Input.Name.Trim(), Kind = Input.Kind, CasePrefix = Input.CasePrefix });
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { id });
    }

    /// <summary>The organisation's name in each language, for the letters written in it.</summary>
    public async Task<IActionResult> OnPostNamesAsync(Guid id, LocalizedText? names, CancellationToken ct)
    {
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == id, ct);
        if (organisation is null)
        {
            return NotFound();
        }
        var errors = LocalizedText.Validate(names, "names", 200, "At most 200 characters.");
        if (errors.Count > 0)
        {
            await LoadAsync(id, ct);
            foreach (var error in errors)
            {
                ModelState.AddModelError("", l[error.Message]);
            }
            return Page();
        }
        organisation.Names.Write(names);
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostToggleAsync(Guid id, Guid programmeId, CancellationToken ct)
    {
        var programme = await db.Programmes.SingleOrDefaultAsync(p => p.Id == programmeId && p.OrganisationId == id, ct);
        if (programme is null)
        {
            return NotFound();
        }
        programme.IsActive = !programme.IsActive;
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var organisation = await db.Organisations.AsNoTracking().Include(o => o.Programmes).SingleOrDefaultAsync(o => o.Id == id, ct);
        Organisation = organisation!;
        return organisation is not null;
    }
}
