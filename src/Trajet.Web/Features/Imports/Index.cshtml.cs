namespace Trajet.Web.Features.Imports;

/// <summary>The import's first step: choose the programme and the file; it waits, checked, for the review.</summary>
[RequestSizeLimit(ImportFile.MaxBytes + (64 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = ImportFile.MaxBytes + (64 * 1024))]
public sealed class IndexModel(CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    public IReadOnlyList<(string Slug, string Name)> Programmes { get; private set; } = [];

    [BindProperty]
    public string? Programme { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>What the last import created (post-redirect-get).</summary>
    [BindProperty(SupportsGet = true)]
    public int? Cases { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? People { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct) is null ? Forbid() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } user)
        {
            return Forbid();
        }
        var programme = await db.Programmes.Where(p => p.Slug == Programme && p.OrganisationId == user.OrganisationId && p.IsActive).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(ct);
        if (programme is null)
        {
            ModelState.AddModelError(nameof(Programme), l["Choose a programme."]);
        }
        if (Upload is not { Length: > 0 } file)
        {
            ModelState.AddModelError(nameof(Upload), l["Choose a CSV or XLSX file."]);
            return Page();
        }
        if (file.Length > ImportFile.MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), l["The file is too large: at most {0} MB.", ImportFile.MaxBytes / (1024 * 1024)]);
            return Page();
        }
        using var memory = new MemoryStream((int)file.Length);
        await file.CopyToAsync(memory, ct);
        var content = memory.ToArray();
        if (ImportFile.Read(content).Problem is { } problem)
        {
            ModelState.AddModelError(nameof(Upload), ImportReport.Message(l, problem.Message, problem.Arguments));
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // One file waits per coordinator; one left a day ago by anyone is gone.
        var now = Clock.UtcNow;
        var stale = now - PendingImport.KeptFor;
        await db.PendingImports.Where(p => p.UserId == user.Id || p.CreatedAt < stale).ExecuteDeleteAsync(ct);
        var pending = new PendingImport { UserId = user.Id, ProgrammeId = programme!.Value, FileName = Path.GetFileName(file.FileName), Content = content, CreatedAt = now };
        db.PendingImports.Add(pending);
        await db.SaveChangesAsync(ct);
        return RedirectToPage("/Imports/Review", new { id = pending.Id });
    }

    private async Task<UserContext?> LoadAsync(CancellationToken ct)
    {
        var user = await current.GetAsync(ct);
        if (user is not { IsCoordinator: true, OrganisationId: { } organisation })
        {
            return null;
        }
        Programmes = (await db.Programmes.Where(p => p.OrganisationId == organisation && p.IsActive).OrderBy(p => p.Name)
            .Select(p => new { p.Slug, p.Name }).ToListAsync(ct)).Select(p => (p.Slug, p.Name)).ToList();
        Programme ??= Programmes.FirstOrDefault().Slug;
        return user;
    }
}
