using Trajet.Web.Features.Coaching;

namespace Trajet.Tests.Features.Coaching;

public sealed class FreeSlotsTests
{
    private static readonly DateOnly Wednesday = new(2026, 12, 9);
    private static readonly DeskOpening[] Mornings = [new() { Day = DayOfWeek.Wednesday, Opens = new(9, 0), Closes = new(11, 0) }];

    private static Appointment Booked(DateOnly date, int hour, int minute, AppointmentStatus status = AppointmentStatus.Booked) =>
        new() { Date = date, Start = new(hour, minute), End = new TimeOnly(hour, minute).AddMinutes(30), Status = status };

    [Fact]
    public void Slots_AreTheOpeningHours_LessThePastAndTheCoachsAppointments()
    {
        var now = Wednesday.ToDateTime(new TimeOnly(9, 10));

        var slots = FreeSlots.Find(Mornings, [Booked(Wednesday, 10, 0), Booked(Wednesday, 10, 30, AppointmentStatus.Cancelled)], now, days: 8);

        Assert.Equal(["09:30", "10:30"], slots.Where(s => s.Date == Wednesday).Select(s => s.Start.ToString("HH:mm")));
        Assert.Equal(["09:00", "09:30", "10:00", "10:30"], slots.Where(s => s.Date == Wednesday.AddDays(7)).Select(s => s.Start.ToString("HH:mm")));
        Assert.All(slots, s => Assert.Equal(DayOfWeek.Wednesday, s.Date.DayOfWeek));
    }

    [Fact]
    public void AnAppointmentAcrossTwoSlots_TakesBoth()
    {
        var long_ = new Appointment { Date = Wednesday, Start = new(9, 15), End = new(10, 15), Status = AppointmentStatus.Booked };

        var slots = FreeSlots.Find(Mornings, [long_], Wednesday.AddDays(-1).ToDateTime(TimeOnly.MinValue), days: 2);

        Assert.Equal(["10:30"], slots.Select(s => s.Start.ToString("HH:mm")));
    }
}
