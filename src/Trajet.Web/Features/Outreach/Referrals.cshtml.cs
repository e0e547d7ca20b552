namespace Trajet.Web.Features.Outreach;

/// <summary>The queue of people partners referred to the team; each is linked to a person once met.</summary>
public sealed class ReferralsModel(TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    public sealed record Option(Guid Id, string Label);

    /// <summary>The value of "a new person under the referral's name" in the link form.</summary>
    public const string NewPerson = "new";

    [BindProperty]
    public ReferralQueue.Input Input { get; set; } = new();

    public IReadOnlyList<OutreachApi.ReferralDto> Waiting { get; private set; } = [];
    public IReadOnlyList<OutreachApi.ReferralDto> Handled { get; private set; } = [];
    public IReadOnlyList<Option> Partners { get; private set; } = [];
    public IReadOnlyList<Option> RecentPeople { get; private set; } = [];
    public bool CanWork { get; private set; }

    private DateOnly Today => clock.Today();

    public async Task<IActionResult> OnGetAsync(UserContext user, CancellationToken ct)
    {
        if (await OutreachAccess.PageProgrammeAsync(db, user, toWork: false, ct) is not { } programme)
        {
            return NotFound();
        }
        Input = new() { Date = Today };
        await LoadAsync(user, programme.Id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(UserContext user, CancellationToken ct)
    {
        if (await OutreachAccess.PageProgrammeAsync(db, user, toWork: true, ct) is not { } programme)
        {
            return NotFound();
        }
        return await this.SaveAsync(l, () => ReferralQueue.AddAsync(db, user, programme, Input with { Programme = null }, Today, ct),
            _ => RedirectToPage(), () => LoadAsync(user, programme.Id, ct));
    }

    /// <summary>The team met the referred person: link to a known person, or to a new one under the referral's name.</summary>
    public async Task<IActionResult> OnPostLinkAsync(Guid referralId, string? person, UserContext user, CancellationToken ct)
    {
        var referral = OutreachAccess.CanWork(user) ? await db.InboundReferrals.Visible(user).SingleOrDefaultAsync(r => r.Id == referralId, ct) : null;
        if (referral is null)
        {
            return NotFound();
        }
        Guid? personId = Guid.TryParse(person, out var known) ? known : null;
        if (person == NewPerson)
        {
            var created = new OutreachPerson
            {
                OrganisationId = referral.OrganisationId,
                ProgrammeId = referral.ProgrammeId,
                Nickname = referral.Name,
                Phone = referral.Phone,
                Languages = referral.Language ?? "",
            };
            created.Index();
            db.OutreachPeople.Add(created);
            await db.SaveChangesAsync(ct);
            personId = created.Id;
        }
        return await this.SaveAsync(l, () => ReferralQueue.LinkAsync(db, user, referral, new() { PersonId = personId }, Today, ct),
            _ => RedirectToPage("/Outreach/Person", new { id = personId }), () => LoadAsync(user, referral.ProgrammeId, ct), prefix: "");
    }

    private async Task LoadAsync(UserContext user, Guid programmeId, CancellationToken ct)
    {
        CanWork = OutreachAccess.CanWork(user);
        var referrals = db.InboundReferrals.Visible(user).AsNoTracking().Where(r => r.ProgrammeId == programmeId);
        Waiting = await OutreachApi.ReferralDtos(db, referrals.Where(r => r.Status == InboundReferralStatus.Waiting).OrderBy(r => r.Date)).ToListAsync(ct);
        Handled = await OutreachApi.ReferralDtos(db, referrals.Where(r => r.Status != InboundReferralStatus.Waiting).OrderByDescending(r => r.HandledOn).Take(20)).ToListAsync(ct);
        Partners = await db.Partners.AsNoTracking().Where(p => p.OrganisationId == user.OrganisationId && p.IsActive).OrderBy(p => p.Name)
            .Select(p => new Option(p.Id, p.Name)).ToListAsync(ct);
        RecentPeople = await db.OutreachPeople.Visible(user).AsNoTracking().Where(p => p.ProgrammeId == programmeId).OrderBy(p => p.Nickname).Take(200)
            .Select(p => new Option(p.Id, p.Nickname + (p.Phone == null ? "" : " · " + p.Phone))).ToListAsync(ct);
    }
}
