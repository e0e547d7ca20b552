namespace Trajet.Web.Features.Privacy;

/// <summary>A household's consents: what each person agreed to, how it was explained, and withdrawals.</summary>
public sealed class ConsentsModel(CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock)
    : CaseWritePage(current, db, l)
{
    [BindProperty]
    public RecordConsent.Input Input { get; set; } = new();

    public IReadOnlyList<ConsentView> Consents { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> People { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Partners { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Organisations { get; private set; } = [];

    private DateOnly Today => clock.Today();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is null)
        {
            return NotFound();
        }
        Input = new() { GivenOn = Today };
        return Page();
    }

    // The form takes "FR" as well as "fr".
    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) =>
        SaveAsync(id, (user, @case) => RecordConsent.ExecuteAsync(Db, user, @case, Input with { Language = Input.Language?.Trim().ToLowerInvariant() }, Today, ct),
            _ => SavedNotice.Again(id, Saved.Consent), ct);

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, Guid consentId, string? note, CancellationToken ct)
    {
        var consent = await LoadAsync(id, ct) is null ? null : await Db.Consents.SingleOrDefaultAsync(c => c.Id == consentId && c.CaseId == id, ct);
        if (consent is null)
        {
            return NotFound();
        }
        return (await RecordConsent.WithdrawAsync(Db, consent, Today, note, Today, ct)).ToPage(this, Localizer, _ => SavedNotice.Again(id, Saved.Consent));
    }

    protected override async Task LoadedAsync(Case @case, CancellationToken ct)
    {
        Consents = await ConsentList.ReadAsync(Db, @case.Id, false, Today, ct);
        People = (await Db.Members.AsNoTracking().Where(m => m.CaseId == @case.Id).OrderBy(m => m.CreatedAt)
            .Select(m => new { m.Id, Name = m.FirstName + " " + m.LastName }).ToListAsync(ct)).Select(m => (m.Id, m.Name)).ToList();
        Partners = (await Db.Partners.AsNoTracking().Where(p => p.OrganisationId == @case.OrganisationId && p.IsActive).OrderBy(p => p.Name)
            .Select(p => new { p.Id, p.Name }).ToListAsync(ct)).Select(p => (p.Id, p.Name)).ToList();
        Organisations = (await Db.Organisations.AsNoTracking().Where(o => o.Id != @case.OrganisationId).OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name }).ToListAsync(ct)).Select(o => (o.Id, o.Name)).ToList();
    }
}
