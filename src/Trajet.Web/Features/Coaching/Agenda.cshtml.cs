namespace Trajet.Web.Features.Coaching;

/// <summary>The agenda of a coach (by default oneself) or of a desk, for a day or for its week (Monday to Sunday).</summary>
public sealed class AgendaModel(TrajetDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? Date { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Coach { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Desk { get; set; }

    /// <summary>"week" shows the week of <see cref="Date"/>; anything else the day.</summary>
    [BindProperty(SupportsGet = true)]
    public string? View { get; set; }

    public bool IsWeek => View == "week";
    public DateOnly Day { get; private set; }
    /// <summary>The first and last day shown.</summary>
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public IReadOnlyList<(Guid Id, string Name)> Coaches { get; private set; } = [];
    public IReadOnlyList<Desk> Desks { get; private set; } = [];
    public IReadOnlyList<AgendaQuery.Item> Items { get; private set; } = [];
    public string Heading { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(UserContext user, CancellationToken ct)
    {
        if (!CaseAccess.CanWrite(user))
        {
            return Forbid();
        }
        Day = Date ?? clock.Today();
        From = IsWeek ? Day.AddDays(-(((int)Day.DayOfWeek + 6) % 7)) : Day;
        To = IsWeek ? From.AddDays(6) : Day;
        var programmes = user.Programmes.Select(p => p.Id).ToList();
        Coaches = (await db.Users.Where(u => u.OrganisationId == user.OrganisationId && u.IsActive && u.Programmes.Any(p => programmes.Contains(p.ProgrammeId)))
            .OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct)).Select(u => (u.Id, u.DisplayName)).ToList();
        Desks = await DesksApi.VisibleAsync(db, user, ct);
        var query = db.Appointments.Visible(user).Where(a => a.Date >= From && a.Date <= To);
        if (Desk is { } deskId && Desks.FirstOrDefault(d => d.Id == deskId) is { } desk)
        {
            query = query.Where(a => a.DeskId == deskId);
            Heading = desk.Names.ForUi(desk.Name);
            Coach = null;
        }
        else
        {
            Desk = null;
            var coachId = Coach is { } chosen && Coaches.Any(c => c.Id == chosen) ? chosen : user.Id;
            Coach = coachId;
            query = query.Where(a => a.CoachUserId == coachId);
            Heading = Coaches.FirstOrDefault(c => c.Id == coachId).Name ?? user.DisplayName;
        }
        Items = await AgendaQuery.Project(db, query, false).ToListAsync(ct);
        return Page();
    }
}
