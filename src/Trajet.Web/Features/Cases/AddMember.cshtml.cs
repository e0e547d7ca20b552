namespace Trajet.Web.Features.Cases;

/// <summary>Adds a person; people who may be the same are shown before anything is saved.</summary>
public sealed class AddMemberModel(CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock)
    : CaseWritePage(current, db, l)
{
    /// <summary>The form's own shape (aliases one per line, languages comma-separated); the API sends lists.</summary>
    [BindProperty]
    public MemberForm Input { get; set; } = new();

    [BindProperty]
    public bool ConfirmedNew { get; set; }

    public IReadOnlyList<FindSimilarPeople.Candidate> Similar { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) is null ? NotFound() : Page();

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) =>
        SaveAsync(id, async (user, @case) =>
        {
            var today = clock.Today();
            var input = Input.ToInput();
            if (MemberRules.Validate(input, today).Count == 0 && !ConfirmedNew)
            {
                Similar = await FindSimilarPeople.ExecuteAsync(Db, user, new NameMatcher.Person(Input.FirstName ?? "", Input.LastName ?? "", Input.Aliases ?? "", Input.BirthDate, Input.EstimatedAge), today, null, ct);
                if (Similar.Count > 0)
                {
                    return Failure.Unconfirmed;
                }
            }
            return await SaveMember.AddAsync(Db, @case, input, today, ct);
        }, _ => SavedNotice.OnCase(id, Saved.Person), ct);
}
