namespace Trajet.Web.Features.Coaching;

/// <summary>A case's appointments and invitations: book one (optionally with a letter), cancel, record whether the person came.</summary>
public sealed class BookModel(TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    [BindProperty]
    public BookAppointment.Input Input { get; set; } = new();

    public Guid CaseId { get; private set; }
    public string CaseNumber { get; private set; } = "";
    public string? Person { get; private set; }
    public IReadOnlyList<(Guid Id, string Name)> Coaches { get; private set; } = [];
    public IReadOnlyList<Desk> Desks { get; private set; } = [];
    public IReadOnlyList<AgendaQuery.Item> Appointments { get; private set; } = [];
    public PathwayDecision? Pathway { get; private set; }
    public DateOnly Today { get; private set; }
    public string? Notice { get; private set; }

    /// <summary>The free times shown before the form: whose, at which desk, over <see cref="SlotDays"/> days.</summary>
    public Guid SlotsCoach { get; private set; }
    public Desk? SlotsDesk { get; private set; }
    public IReadOnlyList<FreeSlots.Slot> Slots { get; private set; } = [];
    public const int SlotDays = 14;

    private DateTime Now => clock.GetLocalNow().DateTime;

    /// <param name="date">With <paramref name="start"/>: a free time picked from the list, which fills the form.</param>
    public async Task<IActionResult> OnGetAsync(Guid id, Guid? desk, Guid? coach, DateOnly? date, TimeOnly? start, string? notice, UserContext user, CancellationToken ct)
    {
        if (await LoadAsync(user, id, ct) is null)
        {
            return NotFound();
        }
        Notice = notice == "booked" ? l["The appointment is booked."].Value : null;
        var coachId = CoachOrMe(coach, user);
        var chosen = Desks.FirstOrDefault(x => x.Id == desk);
        await LoadSlotsAsync(coachId, chosen ?? Desks.FirstOrDefault(), ct);
        // A picked time; else the next opening day of the chosen desk (or next week), at its opening time (else half past nine).
        var next = date ?? Enumerable.Range(1, 14).Select(Today.AddDays).FirstOrDefault(day => chosen?.Openings.Any(o => o.Day == day.DayOfWeek) ?? day.DayOfWeek == DayOfWeek.Wednesday);
        var from = start ?? chosen?.Openings.Where(o => o.Day == next.DayOfWeek).OrderBy(o => o.Opens).Select(o => (TimeOnly?)o.Opens).FirstOrDefault() ?? new TimeOnly(9, 30);
        Input = new()
        {
            CoachUserId = coachId,
            DeskId = chosen?.Id,
            Date = next,
            Start = from,
            End = from.AddMinutes(30),
            Invitation = new() { Addressee = Person },
        };
        return Page();
    }

    /// <summary>A coach of the case's programme, as asked; anyone else (another organisation's user) is the user.</summary>
    private Guid CoachOrMe(Guid? coach, UserContext user) => coach is { } c && Coaches.Any(x => x.Id == c) ? c : user.Id;

    private async Task LoadSlotsAsync(Guid coachId, Desk? desk, CancellationToken ct)
    {
        SlotsCoach = coachId;
        SlotsDesk = desk;
        if (desk is null)
        {
            return;
        }
        var until = Today.AddDays(SlotDays);
        var booked = await db.Appointments.AsNoTracking()
            .Where(a => a.CoachUserId == coachId && a.Date >= Today && a.Date < until && a.Status != AppointmentStatus.Cancelled).ToListAsync(ct);
        Slots = FreeSlots.Find(desk.Openings, booked, Now, SlotDays);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, UserContext user, CancellationToken ct)
    {
        var @case = await LoadAsync(user, id, ct);
        if (@case is null)
        {
            return NotFound();
        }
        await LoadSlotsAsync(CoachOrMe(Input.CoachUserId, user), Desks.FirstOrDefault(d => d.Id == Input.DeskId) ?? Desks.FirstOrDefault(), ct);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        return (await BookAppointment.ExecuteAsync(db, user, @case, Input, Now, l, ct)).ToPage(this, l, booked => booked.Invitation is { } invitation
            ? RedirectToPage("Letter", new { id = invitation.Id })
            : RedirectToPage(new { id, notice = "booked" }));
    }

    public Task<IActionResult> OnPostCancelAsync(Guid id, Guid appointmentId, string? reason, UserContext user, CancellationToken ct) =>
        ChangeAsync(id, appointmentId, user, a => ChangeAppointment.CancelAsync(db, a, reason, ct), ct);

    public Task<IActionResult> OnPostAttendanceAsync(Guid id, Guid appointmentId, bool attended, UserContext user, CancellationToken ct) =>
        ChangeAsync(id, appointmentId, user, a => ChangeAppointment.RecordAttendanceAsync(db, a, attended, Today, ct), ct);

    /// <summary>A change to one of this case's appointments; another's is a 404.</summary>
    private async Task<IActionResult> ChangeAsync(Guid id, Guid appointmentId, UserContext user, Func<Appointment, Task<List<FieldError>>> change, CancellationToken ct)
    {
        var appointment = await LoadAsync(user, id, ct) is null ? null : await ChangeAppointment.WritableAsync(db, user, appointmentId, ct);
        if (appointment is null || appointment.CaseId != id)
        {
            return NotFound();
        }
        var errors = await change(appointment);
        if (errors.Count > 0)
        {
            errors.AddTo(ModelState, l, "");
            return Page();
        }
        return RedirectToPage(new { id });
    }

    private async Task<Case?> LoadAsync(UserContext user, Guid id, CancellationToken ct)
    {
        var @case = await db.WritableCaseAsync(user, id, ct);
        if (@case is null)
        {
            return null;
        }
        Today = DateOnly.FromDateTime(Now);
        CaseId = id;
        CaseNumber = @case.Number;
        Person = await db.Members.Where(m => m.CaseId == id).OrderBy(m => m.CreatedAt).Select(m => m.FirstName + " " + m.LastName).FirstOrDefaultAsync(ct);
        Coaches = (await BookAppointment.Coaches(db, @case.OrganisationId, @case.ProgrammeId).OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct)).Select(u => (u.Id, u.DisplayName)).ToList();
        Desks = (await DesksApi.VisibleAsync(db, user, ct)).Where(d => d.ProgrammeId == @case.ProgrammeId).ToList();
        Appointments = await AgendaQuery.WithLetterEmailsAsync(db, await AgendaQuery.Project(db, db.Appointments.Where(a => a.CaseId == id), false).ToListAsync(ct), ct);
        Pathway = (await PathwayHistory.OfAsync(db, id, ct)).FirstOrDefault();
        return @case;
    }
}
