namespace Trajet.Web.Features.Outreach;

/// <summary>
/// A person the team meets again: contacts, outcomes, the cross-border agreement and sharing, and the
/// way into a case. A person shared by the other team shows read-only, without the forms.
/// </summary>
public sealed class PersonModel(CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    /// <summary>The details form corrects names and phone only (API names): what it leaves out stays as it was.</summary>
    public static readonly IReadOnlyList<string> DetailFields = ["nickname", "phone", "firstName", "lastName"];

    [BindProperty]
    public SavePerson.Input Details { get; set; } = new();

    /// <summary>The details the form started from, sent back in hidden fields: what its changes are merged from.</summary>
    [BindProperty]
    public SavePerson.Input DetailsBase { get; set; } = new();

    /// <summary>After a conflict, per field (API name): "mine", "saved" or "other" (<see cref="OtherDetails"/>).</summary>
    [BindProperty]
    public Dictionary<string, string> Keep { get; set; } = [];

    /// <summary>After a conflict, a value typed instead of either version.</summary>
    [BindProperty]
    public SavePerson.Input OtherDetails { get; set; } = new();

    /// <summary>The fields the user and someone else both changed, each differently, since the form was loaded: nothing was saved.</summary>
    public IReadOnlyList<PersonEditMerge.Conflict> Conflicts { get; private set; } = [];

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
        Details = DetailsBase = PersonDetails();
        Outcome = new() { Date = Today };
        Agreement = new() { Date = Today, Language = Person.Languages.FirstOrDefault() };
        NewCase = new() { FirstName = Person.FirstName, LastName = Person.LastName };
        return Page();
    }

    // Changes merge with what someone else saved since the form was loaded; a field both changed is shown side by side,
    // nothing saved, and the user's choice is saved over the value saved meanwhile, which becomes the base.
    public async Task<IActionResult> OnPostDetailsAsync(Guid id, CancellationToken ct)
    {
        foreach (var (field, choice) in Keep.Where(k => DetailFields.Contains(k.Key)))
        {
            Details = choice switch
            {
                "saved" => PersonEditMerge.Take(field, Details, DetailsBase),
                "other" => PersonEditMerge.Take(field, Details, OtherDetails),
                _ => Details,
            };
        }
        var edit = new EditPerson.Edit(PersonEditMerge.Changed(DetailFields, DetailsBase, Details), DetailsBase, Details);
        try
        {
            return await WriteAsync(id, "Details", (_, person) => EditPerson.ExecuteAsync(db, person, edit, ct), edited =>
            {
                if (edited.Conflicts.Count == 0)
                {
                    return RedirectToPage(new { id });
                }
                (DetailsBase, Details) = PersonEditMerge.Rebase(DetailFields, edit.Changed, edited.Conflicts, DetailsBase, Details, SavePerson.From(edited.Person));
                Conflicts = edited.Conflicts;
                return Page();
            }, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Saved by others twice while this save merged: rare enough to ask for the save again.
            ModelState.AddModelError("", l["Someone else changed this record. Reload it and apply your change again."]);
            db.ChangeTracker.Clear();
            await LoadAsync(id, ct);
            return Page();
        }
    }

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
                Details = DetailsBase = PersonDetails();
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
