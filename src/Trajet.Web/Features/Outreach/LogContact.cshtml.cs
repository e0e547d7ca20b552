namespace Trajet.Web.Features.Outreach;

/// <summary>A contact in seconds, on a phone, mid-round: the current session is chosen, one tap per topic, save.</summary>
public sealed class LogContactModel(TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    public sealed record Option(Guid Id, string Label);

    [BindProperty]
    public LogContact.Input Input { get; set; } = new();

    public IReadOnlyList<Option> Sessions { get; private set; } = [];
    public IReadOnlyList<Option> Partners { get; private set; } = [];
    public IReadOnlyList<string> Nationalities { get; private set; } = [];
    public IReadOnlyList<string> Languages { get; private set; } = [];
    public string? PersonNickname { get; private set; }

    private DateOnly Today => clock.Today();

    public async Task<IActionResult> OnGetAsync(Guid? session, Guid? person, UserContext user, CancellationToken ct)
    {
        if (await OutreachAccess.PageProgrammeAsync(db, user, toWork: true, ct) is not { } programme)
        {
            return NotFound();
        }
        Input = new() { SessionId = session ?? await PlanSession.CurrentAsync(db, user, programme.Id, Today, ct), Gender = Gender.Unknown, AgeBand = AgeBand.Unknown };
        if (person is { } personId)
        {
            var known = await db.OutreachPeople.Visible(user).AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId, ct);
            if (known is null)
            {
                return NotFound();
            }
            Input = Input with
            {
                PersonId = known.Id,
                Gender = known.Gender,
                AgeBand = known.AgeBand,
                Nationality = known.Nationality,
                Language = known.Languages.Split(',', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(),
            };
        }
        await LoadAsync(user, programme.Id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(UserContext user, CancellationToken ct)
    {
        if (await OutreachAccess.PageProgrammeAsync(db, user, toWork: true, ct) is not { } programme)
        {
            return NotFound();
        }
        // The phone form logs in a session; only the API logs at a place or on another day.
        var input = Input with { PlaceId = null, Date = null, Phone = null };
        return await this.SaveAsync(l, () => LogContact.ExecuteAsync(db, user, input, Today, ct),
            c => RedirectToPage("/Outreach/Session", new { id = c.SessionId, logged = c.Id }), () => LoadAsync(user, programme.Id, ct));
    }

    private async Task LoadAsync(UserContext user, Guid programmeId, CancellationToken ct)
    {
        var since = Today.AddDays(-30);
        var sessions = await db.OutreachSessions.Visible(user).AsNoTracking()
            .Where(s => s.ProgrammeId == programmeId && ((s.Date >= since && s.Date <= Today) || s.Id == Input.SessionId))
            .OrderByDescending(s => s.Date).ThenByDescending(s => s.CreatedAt).Take(30)
            .Select(s => new { s.Id, s.Date, s.Kind, Place = s.Place!.Name, s.Place.Names.Fr, s.Place.Names.Nl, s.Place.Names.En }).ToListAsync(ct);
        Sessions = sessions.Select(s => new Option(s.Id,
            $"{s.Date:d} · {new LocalizedText { Fr = s.Fr, Nl = s.Nl, En = s.En }.ForUi(s.Place)} · {l["session-" + s.Kind.ToKebab()]}")).ToList();
        Partners = await db.Partners.AsNoTracking().Where(p => p.OrganisationId == user.OrganisationId && p.IsActive).OrderBy(p => p.Name)
            .Select(p => new Option(p.Id, p.Name)).ToListAsync(ct);
        // The nationalities and languages the team meets most, first: one tap instead of a long scroll.
        Nationalities = await db.OutreachContacts.Where(c => c.ProgrammeId == programmeId && c.Nationality != Codes.Unknown)
            .GroupBy(c => c.Nationality).OrderByDescending(g => g.Count()).Select(g => g.Key).Take(12).ToListAsync(ct);
        Languages = await db.OutreachContacts.Where(c => c.ProgrammeId == programmeId && c.Language != null)
            .GroupBy(c => c.Language!).OrderByDescending(g => g.Count()).Select(g => g.Key).Take(12).ToListAsync(ct);
        if (Input.PersonId is { } personId)
        {
            PersonNickname = await db.OutreachPeople.Visible(user).Where(p => p.Id == personId).Select(p => p.Nickname).SingleOrDefaultAsync(ct);
        }
    }
}
