using System.ComponentModel.DataAnnotations;

namespace Trajet.Web.Features.Admin.Organisations;

[Authorize(Roles = Roles.Administrator)]
public sealed class IndexModel(TrajetDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record Row(Guid Id, string Name, OrganisationKind Kind, string Country, IReadOnlyList<string> Programmes, int Users);

    public sealed class InputModel
    {
        [Required(ErrorMessage = "The name is required.")]
        [StringLength(200, ErrorMessage = "At most 200 characters.")]
        public string Name { get; set; } = "";

        public OrganisationKind Kind { get; set; } = OrganisationKind.Ngo;

        [RegularExpression("^(BE|FR)$", ErrorMessage = "Choose Belgium or France.")]
        public string Country { get; set; } = "BE";
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<Row> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Items = await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Input.Kind == OrganisationKind.System)
        {
            ModelState.AddModelError("Input.Kind", l[FieldError.NotAcceptedMessage]);
        }
        if (ModelState.IsValid && await db.Organisations.AnyAsync(o => o.Name == Input.Name.Trim(), ct))
        {
            ModelState.AddModelError("Input.Name", l["An organisation with this name already exists."]);
        }
        if (!ModelState.IsValid)
        {
            Items = await LoadAsync(ct);
            return Page();
        }
        var organisation = new Organisation { Name = Input.Name.Trim(), Kind = Input.Kind, Country = Input.Country };
        db.Organisations.Add(organisation);
        db.DeadlineRules.AddRange(LegalEvents.LegalDeadlines.Defaults(organisation.Id));
        await db.SaveChangesAsync(ct);
        return RedirectToPage("Edit", new { id = organisation.Id });
    }

    private Task<List<Row>> LoadAsync(CancellationToken ct) =>
        db.Organisations.OrderBy(o => o.Name)
            .Select(o => new Row(o.Id, o.Name, o.Kind, o.Country,
                o.Programmes.OrderBy(p => p.Slug).Select(p => p.Slug).ToList(),
                db.Users.Count(u => u.OrganisationId == o.Id)))
            .ToListAsync(ct);
}
