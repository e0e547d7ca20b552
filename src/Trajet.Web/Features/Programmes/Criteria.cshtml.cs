namespace Trajet.Web.Features.Programmes;

/// <summary>A coordinator keeps the programme's admission criteria: configuration, not code.</summary>
[Authorize(Roles = Roles.Coordinator)]
public sealed class CriteriaModel(CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    public string ProgrammeName { get; private set; } = "";
    public IReadOnlyList<AdmissionCriterion> Criteria { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) =>
        await LoadAsync(slug, ct) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAddAsync(string slug, string? text, LocalizedText? texts, CancellationToken ct)
    {
        var programmeId = await LoadAsync(slug, ct);
        if (programmeId is null)
        {
            return NotFound();
        }
        if (!Valid(text, texts))
        {
            return Page();
        }
        db.AdmissionCriteria.Add(new AdmissionCriterion { ProgrammeId = programmeId.Value, Text = text!.Trim(), Texts = LocalizedText.From(texts), Position = Criteria.Count + 1 });
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { slug });
    }

    public async Task<IActionResult> OnPostSaveAsync(string slug, Guid criterionId, string? text, LocalizedText? texts, int position, bool isActive, CancellationToken ct)
    {
        var programmeId = await LoadAsync(slug, ct);
        var criterion = programmeId is null ? null : await db.AdmissionCriteria.SingleOrDefaultAsync(c => c.Id == criterionId && c.ProgrammeId == programmeId, ct);
        if (criterion is null)
        {
            return NotFound();
        }
        if (!Valid(text, texts))
        {
            return Page();
        }
        criterion.Text = text!.Trim();
        criterion.Texts.Write(texts);
        criterion.Position = Math.Max(1, position);
        criterion.IsActive = isActive;
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { slug });
    }

    private bool Valid(string? text, LocalizedText? texts)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 500)
        {
            ModelState.AddModelError("text", l["A criterion needs a text of at most 500 characters."]);
        }
        LocalizedText.Validate(texts, "texts", 500, "At most 500 characters.").AddTo(ModelState, l, prefix: "");
        return ModelState.IsValid;
    }

    /// <summary>The programme if it is the coordinator's organisation's; its criteria in order.</summary>
    private async Task<Guid?> LoadAsync(string slug, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var programme = await db.Programmes.AsNoTracking().SingleOrDefaultAsync(p => p.Slug == slug && p.OrganisationId == user.OrganisationId, ct);
        if (programme is null)
        {
            return null;
        }
        ProgrammeName = programme.Name;
        Criteria = await db.AdmissionCriteria.AsNoTracking().Where(c => c.ProgrammeId == programme.Id).OrderBy(c => c.Position).ToListAsync(ct);
        return programme.Id;
    }
}
