namespace Trajet.Web.Features.Outreach;

/// <summary>
/// A person the team meets again: contacts, outcomes, the cross-border agreement and sharing, and the
/// way into a case. A person shared by the other team shows read-only, without the forms.
/// </summary>
public sealed class PersonModel(CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    [BindProperty]
    public SavePerson.Input Details { get; set; } = new();

    [BindProperty]
    public RecordOutcome.Input Outcome { get; set; } = new();

    [BindProperty]
    public ShareAcrossBorder.AgreementInput Agreement { get; set; } = new();

    [BindProperty]
    public OpenCaseForPerson.Input NewCase { get; set; } = new();

    public PersonRecord.View Person { get; private set; } = null!;
    public IReadOnlyList<ProgrammeRef> OtherTeams { get; private set; } = [];
    public string? CaseNumber { get; private set; }
    public bool CanWork { get; private set; }

    private DateOnly Today => clock.Today();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Details = PersonDetails();
        Outcome = new() { Date = Today };
        Agreement = new() { Date = Today, Language = Person.Languages.FirstOrDefault() };
        NewCase = new() { FirstName = Person.FirstName, LastName = Person.LastName };
        return Page();
    }

    // The details form corrects names and phone only: what it leaves out stays as it was.
    public Task<IActionResult> OnPostDetailsAsync(Guid id, CancellationToken ct) => WriteAsync(id, "Details", async (_, person) =>
    {
        var saved = SavePerson.Apply(person, new() { Nickname = Details.Nickname, FirstName = Details.FirstName, LastName = Details.LastName, Phone = Details.Phone });
        if (saved.Failed is null)
        {
            await db.SaveChangesAsync(ct);
        }
        return saved;
    }, _ => RedirectToPage(new { id }), ct);

    public Task<IActionResult> OnPostOutcomeAsync(Guid id, CancellationToken ct) => WriteAsync(id, "Outcome",
        (user, person) => RecordOutcome.ExecuteAsync(db, user, person, Outcome, Today, ct), _ => RedirectToPage(new { id }), ct);

    public Task<IActionResult> OnPostAgreementAsync(Guid id, CancellationToken ct) => WriteAsync(id, "Agreement",
        (user, person) => ShareAcrossBorder.RecordAgreementAsync(db, user, person, Agreement, Today, ct), _ => RedirectToPage(new { id }), ct);

    public Task<IActionResult> OnPostShareAsync(Guid id, string? with, CancellationToken ct) => WriteAsync(id, "",
        (user, person) => ShareAcrossBorder.ShareAsync(db, user, person, new() { With = with }, Today, ct), _ => RedirectToPage(new { id }), ct);

    public Task<IActionResult> OnPostWithdrawAsync(Guid id, Guid consentId, CancellationToken ct) => WriteAsync(id, "",
        (_, person) => ShareAcrossBorder.WithdrawAsync(db, person, consentId, Today, ct), _ => RedirectToPage(new { id }), ct);

    public Task<IActionResult> OnPostCaseAsync(Guid id, CancellationToken ct) => WriteAsync(id, "NewCase", async (user, person) =>
    {
        var slug = await db.Programmes.Where(p => p.Id == person.ProgrammeId).Select(p => p.Slug).SingleAsync(ct);
        return await OpenCaseForPerson.ExecuteAsync(db, user, person, slug, NewCase, Today, ct);
    }, c => SavedNotice.OnCase(c.Id, Saved.CaseOpened), ct);

    /// <summary>Runs one form's use case on the team's own person: other teams (even with a share) and strangers get a 404.</summary>
    private async Task<IActionResult> WriteAsync<T>(Guid id, string prefix, Func<UserContext, OutreachPerson, Task<Result<T>>> write, Func<T, IActionResult> done, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var person = await db.WritablePersonAsync(user, id, ct);
        if (person is null)
        {
            return NotFound();
        }
        var answer = (await write(user, person)).ToPage(this, l, done, prefix);
        if (answer is PageResult)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(id, ct);
            if (prefix != "Details")
            {
                Details = PersonDetails();
            }
        }
        return answer;
    }

    private SavePerson.Input PersonDetails() => new() { Nickname = Person.Nickname, FirstName = Person.FirstName, LastName = Person.LastName, Phone = Person.Phone };

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var person = await PersonRecord.LoadAsync(db, user, id, Today, ct);
        if (person is null)
        {
            return false;
        }
        Person = person;
        CanWork = !person.ReadOnly && OutreachAccess.CanWork(user);
        if (CanWork)
        {
            OtherTeams = await db.Programmes.AsNoTracking().Where(p => p.Kind == ProgrammeKind.Outreach && p.IsActive && p.OrganisationId != user.OrganisationId)
                .OrderBy(p => p.Name).Select(p => new ProgrammeRef(p.Id, p.Slug, p.Organisation!.Name + " · " + p.Name)).ToListAsync(ct);
        }
        if (person.CaseId is { } caseId)
        {
            CaseNumber = await db.Cases.Visible(user).Where(c => c.Id == caseId).Select(c => c.Number).SingleOrDefaultAsync(ct);
        }
        return true;
    }
}
