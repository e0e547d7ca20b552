using Trajet.Web.Features.ActionPlans;
using Trajet.Web.Features.Coaching;
using Trajet.Web.Features.Documents;
using Trajet.Web.Features.Instruments;
using Trajet.Web.Features.Interactions;
using Trajet.Web.Features.LegalEvents;

namespace Trajet.Web.Features.CaseFile;

/// <summary>The case page: the household at a glance, screening, assignment and how the case got where it is.</summary>
public sealed class DetailsModel(CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, DocumentValidity validity) : PageModel
{
    public CaseDto Case { get; private set; } = null!;
    public bool HideNames { get; private set; }
    public bool CanWrite { get; private set; }
    public bool CanAssign { get; private set; }
    public IReadOnlyList<AssignWorkers.Worker> Workers { get; private set; } = [];
    public IReadOnlyList<BaselineSheet> Baselines { get; private set; } = [];
    public IReadOnlyList<DateOnly> SummarySheets { get; private set; } = [];
    public InteractionSummary Interactions { get; private set; } = null!;
    public IReadOnlyList<LegalEventView> Chronology { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public IReadOnlyList<DocumentView> Documents { get; private set; } = [];
    /// <summary>Individual coaching: appointments and the pathway decision.</summary>
    public bool IsCoaching { get; private set; }
    public Pathway? Pathway { get; private set; }

    /// <summary>What falls due on this case: legal deadlines and documents from a week ago, open plan actions.</summary>
    public IReadOnlyList<(DateOnly Due, string What)> ComingUp { get; private set; } = [];

    /// <summary>The page lists the latest interactions; the timeline has them all.</summary>
    public const int LatestInteractions = 10;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAssignAsync(Guid id, List<Guid> userIds, UserContext user, CancellationToken ct)
    {
        var @case = await db.Cases.Visible(user).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (@case is null)
        {
            return NotFound();
        }
        if (!user.IsCoordinator)
        {
            return Forbid();
        }
        var errors = await AssignWorkers.ExecuteAsync(db, user, @case, userIds, ct);
        if (errors.Count > 0)
        {
            errors.AddTo(ModelState, l, "");
            await LoadAsync(id, ct);
            return Page();
        }
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        Today = clock.Today();
        if (await CaseDetails.ReadAsync(db, user, id, Today, ct) is not { } read)
        {
            return false;
        }
        var (entity, found) = read;
        Case = found;
        HideNames = user.SeesAggregatesOnly;
        CanWrite = CaseAccess.CanWrite(user);
        CanAssign = user.IsCoordinator;
        Baselines = await db.BaselineSheets.AsNoTracking().Include(b => b.Scores).Where(b => b.CaseId == id)
            .OrderBy(b => b.Date).ThenBy(b => b.CreatedAt).ToListAsync(ct);
        Interactions = await InteractionSummary.ReadAsync(db, entity, HideNames, Today, ct, LatestInteractions);
        Chronology = await LegalEvents.Chronology.ReadAsync(db, id, HideNames, ct);
        Documents = await DocumentList.ReadAsync(db, user, id, validity, Today, ct);
        IsCoaching = entity.Programme!.Kind == ProgrammeKind.IndividualCoaching;
        Pathway = IsCoaching ? await db.CoachingFiles.Where(f => f.CaseId == id).Select(f => f.Pathway).FirstOrDefaultAsync(ct) : null;
        SummarySheets = await db.SummarySheets.Where(s => s.CaseId == id).OrderBy(s => s.Date).Select(s => s.Date).ToListAsync(ct);
        var actions = HideNames ? [] : await db.PlanActions.Where(a => a.CaseId == id && a.Status == ActionStatus.Open && a.DueDate != null)
            .Select(a => new { Due = a.DueDate!.Value, a.Description }).ToListAsync(ct);
        // As on the list of what falls due: a deadline passed last week is the most urgent of all.
        var recent = Today.AddDays(-7);
        ComingUp = Chronology.Where(e => e.Deadline >= recent).Select(e => (e.Deadline!.Value, l["legal-" + e.Type].Value))
            .Concat(Documents.Where(d => d.Status != DocumentStatus.Valid && d.ValidUntil >= recent)
                .Select(d => (d.ValidUntil!.Value, $"{l["document-" + d.Type].Value}{(d.Title is null ? "" : $" · {d.Title}")}")))
            .Concat(actions.Select(a => (a.Due, a.Description)))
            .OrderBy(x => x.Item1).ToList();
        if (CanAssign)
        {
            Workers = await AssignWorkers.CandidatesAsync(db, entity, ct);
        }
        return true;
    }
}
