using Trajet.Web.Features.Coaching;

namespace Trajet.Web.Features.Home;

/// <summary>A coach's start: today's appointments and who waits at each desk.</summary>
public sealed record CoachDay(IReadOnlyList<AgendaQuery.Item> Appointments, IReadOnlyList<CoachDay.DeskQueue> Desks)
{
    public sealed record DeskQueue(Guid Id, string Name, bool OpenToday, int Waiting);

    public static bool IsFor(UserContext user) => user.Coaches && (user.IsInRole(Roles.CaseManager) || user.IsCoordinator);

    public static async Task<CoachDay> LoadAsync(TrajetDbContext db, UserContext user, DateOnly today, CancellationToken ct)
    {
        var appointments = await AgendaQuery.Project(db,
            db.Appointments.Visible(user).Where(a => a.Date == today && a.CoachUserId == user.Id && a.Status != AppointmentStatus.Cancelled), false).ToListAsync(ct);
        var desks = await DesksApi.VisibleAsync(db, user, ct);
        var ids = desks.Select(d => d.Id).ToList();
        var waiting = await db.WalkIns.Where(w => ids.Contains(w.DeskId) && w.Date == today && w.Status == WalkInStatus.Waiting)
            .GroupBy(w => w.DeskId).Select(g => new { Desk = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Desk, g => g.Count, ct);
        return new CoachDay(appointments,
            desks.Select(d => new DeskQueue(d.Id, d.Names.ForUi(d.Name), d.Openings.Any(o => o.Day == today.DayOfWeek), waiting.GetValueOrDefault(d.Id))).ToList());
    }
}
