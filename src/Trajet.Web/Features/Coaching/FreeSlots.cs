namespace Trajet.Web.Features.Coaching;

/// <summary>
/// The times a coach can still be booked at a desk: each opening of the coming days cut into slots, less the slots
/// the coach's live appointments overlap and those already past. Pure; the booking itself checks again.
/// </summary>
public static class FreeSlots
{
    public sealed record Slot(DateOnly Date, TimeOnly Start, TimeOnly End);

    public static IReadOnlyList<Slot> Find(IEnumerable<DeskOpening> openings, IEnumerable<Appointment> coachAppointments, DateTime now, int days, int minutes = 30)
    {
        var today = DateOnly.FromDateTime(now);
        var clock = TimeOnly.FromDateTime(now);
        var busy = coachAppointments.Where(a => a.Status != AppointmentStatus.Cancelled).ToLookup(a => a.Date);
        var slots = new List<Slot>();
        foreach (var date in Enumerable.Range(0, days).Select(today.AddDays))
        {
            foreach (var opening in openings.Where(o => o.Day == date.DayOfWeek).OrderBy(o => o.Opens))
            {
                for (var start = opening.Opens; start.AddMinutes(minutes) <= opening.Closes && start.AddMinutes(minutes) > start; start = start.AddMinutes(minutes))
                {
                    var end = start.AddMinutes(minutes);
                    var past = date == today && start <= clock;
                    if (!past && !busy[date].Any(a => Agenda.Overlaps(start, end, a.Start, a.End)))
                    {
                        slots.Add(new Slot(date, start, end));
                    }
                }
            }
        }
        return slots;
    }
}
