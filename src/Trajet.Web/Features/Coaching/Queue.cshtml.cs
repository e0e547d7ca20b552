namespace Trajet.Web.Features.Coaching;

/// <summary>A desk's morning: register who walks in, see the queue, call the next person, record what came of it.</summary>
public sealed class QueueModel(CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    [BindProperty]
    public RegisterWalkIn.Input Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public DateOnly? Date { get; set; }

    public Desk Desk { get; private set; } = null!;
    public DateOnly Day { get; private set; }
    public bool OpenThatDay { get; private set; }
    public IReadOnlyList<DeskQueue.Entry> Entries { get; private set; } = [];
    public IReadOnlyList<AgendaQuery.Item> Appointments { get; private set; } = [];
    public Guid Me { get; private set; }
    public string? Notice { get; private set; }

    private DateTime Now => clock.GetLocalNow().DateTime;

    public async Task<IActionResult> OnGetAsync(Guid id, string? notice, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Notice = notice switch
        {
            "registered" => l["Registered: the person is in the queue."].Value,
            "nobody" => l["Nobody is waiting."].Value,
            _ => null,
        };
        var now = TimeOnly.FromDateTime(Now);
        var firstOpening = Desk.Openings.Where(o => o.Day == Day.DayOfWeek).OrderBy(o => o.Opens).Select(o => (TimeOnly?)o.Opens).FirstOrDefault();
        Input = new() { ArrivedAt = Day == DateOnly.FromDateTime(Now) ? new TimeOnly(now.Hour, now.Minute) : firstOpening ?? new TimeOnly(9, 0), FirstVisit = true };
        return Page();
    }

    public async Task<IActionResult> OnPostRegisterAsync(Guid id, UserContext user, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        return (await RegisterWalkIn.ExecuteAsync(db, user, Desk, Input with { Date = Day, CaseId = null }, Now, ct))
            .ToPage(this, l, _ => RedirectToPage(new { id, date = Day.ToString("yyyy-MM-dd"), notice = "registered" }));
    }

    public async Task<IActionResult> OnPostNextAsync(Guid id, UserContext user, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        var called = await DeskQueue.CallNextAsync(db, user, id, Day, TimeOnly.FromDateTime(Now), ct);
        return RedirectToPage(new { id, date = Day.ToString("yyyy-MM-dd"), notice = called is null ? "nobody" : null });
    }

    public async Task<IActionResult> OnPostOutcomeAsync(Guid id, Guid walkInId, WalkInOutcome? outcome, string? outcomeNotes, string? caseNumber, UserContext user, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        var walkIn = await db.WalkIns.SingleOrDefaultAsync(w => w.Id == walkInId && w.DeskId == id, ct);
        if (walkIn is null)
        {
            return NotFound();
        }
        var errors = await DeskQueue.FinishAsync(db, user, walkIn, outcome, outcomeNotes, caseNumber, ct);
        if (errors.Count > 0)
        {
            errors.AddTo(ModelState, l, "");
            return Page();
        }
        return RedirectToPage(new { id, date = Day.ToString("yyyy-MM-dd") });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        if (!CaseAccess.CanWrite(user) || await DesksApi.FindAsync(db, user, id, ct) is not { } desk)
        {
            return false;
        }
        Desk = desk;
        Me = user.Id;
        Day = Date ?? DateOnly.FromDateTime(Now);
        OpenThatDay = desk.Openings.Any(o => o.Day == Day.DayOfWeek);
        Entries = await DeskQueue.OfDayAsync(db, id, Day, false, ct);
        Appointments = await AgendaQuery.Project(db, db.Appointments.Visible(user).Where(a => a.DeskId == id && a.Date == Day), false).ToListAsync(ct);
        return true;
    }
}
