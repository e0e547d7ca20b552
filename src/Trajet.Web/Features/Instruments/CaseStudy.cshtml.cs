using System.Globalization;

namespace Trajet.Web.Features.Instruments;

/// <summary>The case study: a draft assembled from the records until the worker saves their own text.</summary>
public sealed class CaseStudyModel(CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    public static readonly string[] Stages = ["Profile", "Screening", "Planning", "Interventions", "Review", "Closure"];

    [BindProperty]
    public Dictionary<string, string?> Text { get; set; } = [];

    [BindProperty]
    public int Version { get; set; }

    public CaseDto Case { get; private set; } = null!;
    public bool IsDraft { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        var saved = await db.CaseStudies.AsNoTracking().SingleOrDefaultAsync(s => s.CaseId == id, ct);
        IsDraft = saved is null;
        var study = saved ?? CaseStudyDraft.From(Case, await InterventionsAsync(id, ct), l, CultureInfo.CurrentCulture);
        Text = Stages.ToDictionary(s => s, s => (string?)typeof(CaseStudy).GetProperty(s)!.GetValue(study));
        Version = saved?.Version ?? -1;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (Text.Values.Any(t => t?.Length > 8000))
        {
            ModelState.AddModelError("", l["At most 8000 characters per stage."]);
            return Page();
        }
        var user = await current.RequireAsync(ct);
        var study = await db.CaseStudies.SingleOrDefaultAsync(s => s.CaseId == id, ct);
        if (study is null)
        {
            study = new CaseStudy { CaseId = id, OrganisationId = user.OrganisationId!.Value };
            db.CaseStudies.Add(study);
        }
        else
        {
            db.Entry(study).Property(s => s.Version).OriginalValue = Version;
        }
        foreach (var stage in Stages)
        {
            typeof(CaseStudy).GetProperty(stage)!.SetValue(study, Text.GetValueOrDefault(stage)?.Trim());
        }
        study.UpdatedAt = Clock.UtcNow;
        study.UpdatedByUserId = user.Id;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            ModelState.AddModelError("", l["Someone else changed this record. Reload it and apply your change again."]);
            return Page();
        }
        return SavedNotice.OnCase(id, Saved.CaseStudy);
    }

    /// <summary>The case's contacts, referrals, legal steps and sheets, counted by kind in the database (four queries).</summary>
    private async Task<CaseStudyDraft.Interventions> InterventionsAsync(Guid id, CancellationToken ct)
    {
        var contacts = await db.Interactions.Where(i => i.CaseId == id).GroupBy(i => new { i.Type, i.AccompanimentTo })
            .Select(g => new CaseStudyDraft.Interventions.Contact(g.Key.Type, g.Key.AccompanimentTo, g.Count())).ToListAsync(ct);
        var referrals = await db.PartnerReferrals.Where(r => r.CaseId == id)
            .Join(db.Partners, r => r.PartnerId, p => p.Id, (r, p) => new { p.Kind, r.Status }).GroupBy(x => new { x.Kind, x.Status })
            .Select(g => new CaseStudyDraft.Interventions.Referral(g.Key.Kind, g.Key.Status, g.Count())).ToListAsync(ct);
        var legal = await db.LegalEvents.Where(e => e.CaseId == id).GroupBy(e => e.Type)
            .Select(g => new CaseStudyDraft.Interventions.Legal(g.Key, g.Count())).ToListAsync(ct);
        var sheets = await db.Cases.Where(c => c.Id == id)
            .Select(c => new { Baseline = db.BaselineSheets.Count(s => s.CaseId == id), Summary = db.SummarySheets.Count(s => s.CaseId == id) }).SingleAsync(ct);
        return new(contacts, referrals, legal, sheets.Baseline, sheets.Summary);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        if (!CaseAccess.CanWrite(user) || !await db.Cases.Visible(user).AnyAsync(c => c.Id == id, ct))
        {
            return false;
        }
        Case = (await CaseDetails.LoadAsync(db, user, id, clock.Today(), ct))!;
        return true;
    }
}
