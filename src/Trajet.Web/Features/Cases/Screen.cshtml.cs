namespace Trajet.Web.Features.Cases;

/// <summary>Records the screening against the programme's admission criteria.</summary>
public sealed class ScreenModel(CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    public sealed class AnswerInput
    {
        public Guid CriterionId { get; set; }
        public string Criterion { get; set; } = "";
        public CriterionAnswer? Answer { get; set; }
        public string? Note { get; set; }
    }

    [BindProperty]
    public List<AnswerInput> Answers { get; set; } = [];

    public Guid CaseId { get; private set; }
    public string CaseNumber { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var (@case, user) = await LoadAsync(id, ct);
        if (@case is null)
        {
            return NotFound();
        }
        var dto = await CaseDetails.LoadAsync(db, user, id, clock.Today(), ct);
        Answers = dto!.Screening.Select(s => new AnswerInput { CriterionId = s.CriterionId, Criterion = s.CriterionTexts.ForUi(s.Criterion), Answer = s.Answer, Note = s.Note }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var (@case, user) = await LoadAsync(id, ct);
        if (@case is null)
        {
            return NotFound();
        }
        var answers = Answers.Select(a => new RecordScreening.Answer(a.CriterionId, a.Answer, a.Note)).ToList();
        var today = clock.Today();
        return (await RecordScreening.ExecuteAsync(db, user, @case, answers, today, today, ct))
            .ToPage(this, l, _ => SavedNotice.OnCase(id, Saved.Screening), prefix: "");
    }

    private async Task<(Case? Case, UserContext User)> LoadAsync(Guid id, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var @case = await db.WritableCaseAsync(user, id, ct);
        CaseId = id;
        CaseNumber = @case?.Number ?? "";
        return (@case, user);
    }
}
