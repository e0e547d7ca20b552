namespace Trajet.Web.Features.Imports;

/// <summary>The coordinator's way to the whole-organisation export: what the archive holds, and the link that downloads it.</summary>
[Authorize(Roles = Roles.Coordinator)]
public sealed class ExportModel(TrajetDbContext db) : PageModel
{
    public Guid OrganisationId { get; private set; }
    public string OrganisationName { get; private set; } = "";
    public IReadOnlyList<string> Programmes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(UserContext user, CancellationToken ct)
    {
        if (user.OrganisationId is not { } id || await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct) is not { } organisation)
        {
            return NotFound();
        }
        OrganisationId = id;
        OrganisationName = organisation.Names.ForUi(organisation.Name);
        Programmes = await db.Programmes.Where(p => p.OrganisationId == id).OrderBy(p => p.Slug).Select(p => p.Slug).ToListAsync(ct);
        return Page();
    }
}
