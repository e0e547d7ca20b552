using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Trajet.Web.Features.Coaching;
using Trajet.Web.Features.Deadlines;
using Trajet.Web.Features.Documents;

namespace Trajet.Web.Features.Calendar;

/// <summary>
/// The feed a calendar app reads: the owner's booked appointments as coach and what falls due on their own cases.
/// It leaves Trajet, so it carries case numbers, kinds, dates, places and links, never a name or a typed text.
/// </summary>
public static class ReadFeed
{
    /// <summary>How far back booked appointments stay in the feed (the deadlines go back as far as "What falls due").</summary>
    public const int PastDays = 30;

    public sealed record Feed(string Text, int Events);

    /// <summary>The owner of the feed whose secret hashes to <paramref name="hash"/>, if the account is still active.</summary>
    public static async Task<(UserContext User, string Language)?> OwnerAsync(TrajetDbContext db, string hash, CancellationToken ct)
    {
        var feed = await db.CalendarFeeds.AsNoTracking().SingleOrDefaultAsync(f => f.TokenHash == hash, ct);
        if (feed is null || await UserAccounts.LoadAsync(db, feed.UserId, ct) is not { User: { SeesAggregatesOnly: false } user })
        {
            return null;
        }
        return (user, feed.Language);
    }

    /// <summary>Writes the feed in the current UI culture (the caller sets the feed's language); <paramref name="site"/> is the root of links.</summary>
    public static async Task<Feed> BuildAsync(TrajetDbContext db, UserContext user, string language, string site, TimeProvider clock, DueList.Settings settings,
        DocumentValidity validity, IStringLocalizer l, CancellationToken ct)
    {
        var today = clock.Today();
        var since = today.AddDays(-PastDays);
        var appointments = await db.Appointments.Visible(user).AsNoTracking().Include(a => a.Desk)
            .Where(a => a.CoachUserId == user.Id && a.Status == AppointmentStatus.Booked && a.Date >= since)
            .OrderBy(a => a.Date).ThenBy(a => a.Start)
            .ToListAsync(ct);
        var caseIds = appointments.Select(a => a.CaseId).Distinct().ToList();
        var numbers = await db.Cases.Where(c => caseIds.Contains(c.Id)).Select(c => new { c.Id, c.Number }).ToDictionaryAsync(c => c.Id, c => c.Number, ct);
        var due = await DueList.BuildAsync(db, user, onlyMine: true, today, settings, validity, ct);

        var stamp = new CalDateTime(clock.GetUtcNow().UtcDateTime, CalDateTime.UtcTzId);
        var calendar = new Ical.Net.Calendar { ProductId = "-//Trajet//Calendar feed//EN", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", "Trajet");
        calendar.AddProperty("X-PUBLISHED-TTL", "PT1H");
        foreach (var a in appointments)
        {
            var number = numbers.GetValueOrDefault(a.CaseId, "");
            var link = CaseLink(site, a.CaseId);
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"appointment-{a.Id}@trajet",
                DtStamp = stamp,
                Summary = $"{l["appointment-" + a.Kind]} · {number}",
                // Trajet's times are the wall clock where it runs (the server's zone, as its agenda): sent as UTC.
                DtStart = Utc(a.Date, a.Start, clock.LocalTimeZone),
                DtEnd = Utc(a.Date, a.End, clock.LocalTimeZone),
                Location = Place(a, language),
                Url = new Uri(link),
                Description = $"{l["Case {0}", number]}\n{link}",
            });
        }
        foreach (var item in due.Where(i => i.Due is not null))
        {
            var link = CaseLink(site, item.CaseId);
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{Api.EnumNaming.ConvertName(item.Kind.ToString())}-{item.SourceId}@trajet",
                DtStamp = stamp,
                Summary = $"{DueList.Describe(item, l)} · {item.CaseNumber}",
                // All day: DTEND is the next day, exclusive.
                DtStart = new CalDateTime(item.Due!.Value),
                DtEnd = new CalDateTime(item.Due.Value.AddDays(1)),
                Url = new Uri(link),
                Description = $"{l["Case {0}", item.CaseNumber]}\n{link}",
            });
        }
        return new Feed(new CalendarSerializer().SerializeToString(calendar) ?? "", calendar.Events.Count);
    }

    private static string CaseLink(string site, Guid caseId) => $"{site}/Cases/Details/{caseId}";

    private static CalDateTime Utc(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        // A time the clocks skip when summer time starts does not exist: it is read an hour later, as clocks show it.
        return new(TimeZoneInfo.ConvertTimeToUtc(zone.IsInvalidTime(local) ? local.AddHours(1) : local, zone), CalDateTime.UtcTzId);
    }

    /// <summary>The desk by its name in the feed's language, and the place typed for an interview elsewhere.</summary>
    private static string? Place(Appointment a, string language)
    {
        var parts = new[] { a.Desk is { } desk ? desk.Names.For(language, desk.Name) : null, a.Place }
            .Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        return parts.Count == 0 ? null : string.Join(", ", parts);
    }
}
