namespace Trajet.Web.Features.Outreach;

/// <summary>The team's sessions, newest first, and the form to plan the next permanence, interview or round.</summary>
public sealed class SessionsModel(TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    public sealed record Member(Guid Id, string Name);

    [BindProperty]
    public PlanSession.Input Input { get; set; } = new();

    /// <summary>The languages chosen from the list (a value typed "fr, ar ti" by an older client is split too).</summary>
    [BindProperty]
    public List<string> Languages { get; set; } = [];

    public IReadOnlyList<OutreachApi.SessionDto> Items { get; private set; } = [];
    public IReadOnlyList<OutreachApi.PlaceDto> Places { get; private set; } = [];
    public IReadOnlyList<Member> Team { get; private set; } = [];
    public bool CanWork { get; private set; }

    private DateOnly Today => clock.Today();

    public async Task<IActionResult> OnGetAsync(UserContext user, CancellationToken ct)
    {
        if (await OutreachAccess.PageProgrammeAsync(db, user, toWork: false, ct) is not { } programme)
        {
            return NotFound();
        }
        Input = new() { Kind = SessionKind.OutdoorRound, Date = Today, TeamMembers = [user.Id] };
        await LoadAsync(user, programme.Id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(UserContext user, CancellationToken ct)
    {
        if (await OutreachAccess.PageProgrammeAsync(db, user, toWork: true, ct) is not { } programme)
        {
            return NotFound();
        }
        var input = Input with { Languages = Languages.SelectMany(l => (l ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries)).ToList() };
        return await this.SaveAsync(l, () => PlanSession.ExecuteAsync(db, user, input, Today, ct),
            s => RedirectToPage("/Outreach/Session", new { id = s.Id }), () => LoadAsync(user, programme.Id, ct));
    }

    private async Task LoadAsync(UserContext user, Guid programmeId, CancellationToken ct)
    {
        CanWork = OutreachAccess.CanWork(user);
        Items = await OutreachApi.SessionsAsync(db, db.OutreachSessions.Visible(user).AsNoTracking().Where(s => s.ProgrammeId == programmeId)
            .OrderByDescending(s => s.Date).ThenByDescending(s => s.CreatedAt).Take(60), ct);
        Places = await db.OutreachPlaces.Visible(user).AsNoTracking().Where(p => p.ProgrammeId == programmeId && p.IsActive).OrderBy(p => p.City).ThenBy(p => p.Name)
            .Select(p => new OutreachApi.PlaceDto(p.Id, p.Name, p.Type, p.City, p.Region, p.Country, new LocalizedText { Fr = p.Names.Fr, Nl = p.Names.Nl, En = p.Names.En })).ToListAsync(ct);
        Team = await db.Users.Where(u => u.IsActive && db.UserProgrammes.Any(up => up.ProgrammeId == programmeId && up.UserId == u.Id))
            .OrderBy(u => u.DisplayName).Select(u => new Member(u.Id, u.DisplayName)).ToListAsync(ct);
    }
}
