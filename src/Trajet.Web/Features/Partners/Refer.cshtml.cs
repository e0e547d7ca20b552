namespace Trajet.Web.Features.Partners;

/// <summary>A case's referrals to partners: propose, record the family's agreement, follow the answer.</summary>
public sealed class ReferModel(CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, IPartnerConsent consent)
    : CaseWritePage(current, db, l)
{
    public IReadOnlyList<PartnersApi.ReferralDto> Referrals { get; private set; } = [];
    public IReadOnlyList<Partner> Partners { get; private set; } = [];
    public DateOnly Today => clock.Today();

    /// <summary>The new referral; the family's agreement is a tick box (today), not a date.</summary>
    [BindProperty]
    public ReferToPartner.Input Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(Guid id, bool familyAgrees, UserContext user, CancellationToken ct) =>
        await LoadAsync(id, ct) is not { } @case
            ? NotFound()
            : (await ReferToPartner.ExecuteAsync(Db, user, @case, Input with { FamilyAgreedOn = familyAgrees ? Today : null }, Today, consent, ct)).ToPage(this, Localizer, _ => SavedNotice.Again(id, Saved.Referral));

    public async Task<IActionResult> OnPostStatusAsync(Guid id, Guid referralId, ReferralStatus status, bool familyAgrees, UserContext user, CancellationToken ct)
    {
        var @case = await LoadAsync(id, ct);
        var referral = @case is null ? null : await Db.PartnerReferrals.SingleOrDefaultAsync(r => r.Id == referralId && r.CaseId == id, ct);
        if (referral is null)
        {
            return NotFound();
        }
        var move = new ReferToPartner.MoveInput { Status = status, FamilyAgreedOn = familyAgrees ? Today : null };
        return (await ReferToPartner.MoveAsync(Db, user, referral, move, Today, consent, ct)).ToPage(this, Localizer, _ => SavedNotice.Again(id, Saved.Referral), prefix: "");
    }

    protected override async Task LoadedAsync(Case @case, CancellationToken ct)
    {
        Referrals = await PartnersApi.ReferralsOfAsync(Db, @case.Id, ct);
        Partners = await Db.Partners.AsNoTracking().Where(p => p.OrganisationId == @case.OrganisationId && p.IsActive).OrderBy(p => p.Name).ToListAsync(ct);
    }
}
