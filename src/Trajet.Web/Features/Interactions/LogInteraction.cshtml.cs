namespace Trajet.Web.Features.Interactions;

/// <summary>The home-visit write-up: few fields, sensible defaults (today, a home visit, an hour).</summary>
public sealed class LogInteractionModel(CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock)
    : CaseWritePage(current, db, l)
{
    [BindProperty]
    public RecordInteraction.Input Input { get; set; } = new();

    /// <summary>Where the case page shows the saved interaction (the offline layer goes there after sending).</summary>
    public string SavedUrl => Url.Page("/CaseFile/Details", null, new { id = CaseId, saved = Saved.Interaction.ToKebab() }) + (SavedNotice.Section(Saved.Interaction) is { } section ? "#" + section : "");

    /// <summary>An individual-coaching case: the form is an interview write-up.</summary>
    public bool IsCoaching { get; private set; }

    private DateOnly Today => clock.Today();

    /// <param name="type">The kind to start from ("Add a note" on the case page opens a message, without a duration).</param>
    public async Task<IActionResult> OnGetAsync(Guid id, InteractionType? type, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is null)
        {
            return NotFound();
        }
        var start = type ?? InteractionType.HomeVisit;
        if (type is null && IsCoaching)
        {
            var interviewed = await Db.Interactions.AnyAsync(i => i.CaseId == id && Interviews.Kinds.Contains(i.Type), ct);
            start = interviewed ? InteractionType.FollowUpInterview : InteractionType.FirstInterview;
        }
        Input = new() { Type = start, Date = Today, DurationMinutes = type is null or InteractionType.HomeVisit ? 60 : null };
        return Page();
    }

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) =>
        SaveAsync(id, (user, @case) => RecordInteraction.ExecuteAsync(Db, user, @case, Input, Today, ct),
            _ => SavedNotice.OnCase(id, Saved.Interaction), ct);

    protected override async Task LoadedAsync(Case @case, CancellationToken ct) =>
        IsCoaching = await Db.Programmes.AnyAsync(p => p.Id == @case.ProgrammeId && p.Kind == ProgrammeKind.IndividualCoaching, ct);
}
