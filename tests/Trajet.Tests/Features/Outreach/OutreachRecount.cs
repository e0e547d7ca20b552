using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Trajet.Web.Data;
using Trajet.Web.Features.Outreach;
using Trajet.Web.Infrastructure;
using static Trajet.Web.Features.Outreach.OutreachDashboard;

namespace Trajet.Tests.Features.Outreach;

/// <summary>
/// The dashboard counted again from the contacts and outcomes themselves, as it was computed before the tallies
/// (a query per figure over every contact of the range): what the tallies must always equal.
/// </summary>
public static class OutreachRecount
{
    private sealed record Tally(string? Key, int Year, int Month, int Contacts, int Known, int Anonymous);

    public static async Task<Report> BuildAsync(TrajetDbContext db, Guid programmeId, string slug, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var start = from ?? DateOnly.MinValue;
        var end = to ?? DateOnly.MaxValue;
        var contacts = db.OutreachContacts.AsNoTracking().Where(c => c.ProgrammeId == programmeId && c.Date >= start && c.Date <= end);

        var totals = await contacts.GroupBy(_ => 1).Select(g => new
        {
            Contacts = g.Count(),
            Known = g.Where(c => c.PersonId != null).Select(c => c.PersonId).Distinct().Count(),
            Anonymous = g.Count(c => c.PersonId == null),
            FollowUps = g.Count(c => c.FollowUp),
            Mediator = g.Count(c => c.MediatorInterpreted),
        }).FirstOrDefaultAsync(ct);

        var byPlace = await By(contacts, c => c.Place, ct);
        var byNationality = await By(contacts, c => c.Nationality, ct);
        var byLanguage = await By(contacts, c => c.Language ?? "unknown", ct);
        var byMonth = (await contacts.GroupBy(c => new { c.Date.Year, c.Date.Month })
            .Select(g => new Tally(null, g.Key.Year, g.Key.Month, g.Count(), g.Where(c => c.PersonId != null).Select(c => c.PersonId).Distinct().Count(), g.Count(c => c.PersonId == null)))
            .ToListAsync(ct))
            .OrderBy(t => t.Year).ThenBy(t => t.Month)
            .Select(t => new Row($"{t.Year:0000}-{t.Month:00}", t.Contacts, t.Known + t.Anonymous)).ToList();

        var byTopic = new List<Row>();
        foreach (var topic in Enum.GetValues<InformationTopic>())
        {
            var marker = "," + topic.ToKebab() + ",";
            byTopic.Add(await CountAsync(contacts.Where(c => ("," + c.InformationGiven + ",").Contains(marker)), topic.ToKebab(), ct));
        }
        var byOrientation = new List<Row>();
        foreach (var service in Enum.GetValues<OrientationService>())
        {
            var marker = "," + service.ToKebab() + ",";
            byOrientation.Add(await CountAsync(contacts.Where(c => ("," + c.Orientation + ",").Contains(marker)), service.ToKebab(), ct));
        }

        var outcomes = await db.OutreachOutcomes.AsNoTracking().Where(o => o.ProgrammeId == programmeId && o.Date >= start && o.Date <= end)
            .GroupBy(o => o.Kind).Select(g => new { g.Key, Count = g.Count(), People = g.Select(o => o.PersonId).Distinct().Count() }).ToListAsync(ct);
        var byOutcome = Enum.GetValues<OutcomeKind>()
            .Select(k => outcomes.SingleOrDefault(o => o.Key == k) is { } o ? new Row(k.ToKebab(), o.Count, o.People) : new Row(k.ToKebab(), 0, 0)).ToList();

        return new Report(slug, from, to, totals?.Contacts ?? 0, (totals?.Known ?? 0) + (totals?.Anonymous ?? 0), totals?.Known ?? 0, totals?.Anonymous ?? 0,
            totals?.FollowUps ?? 0, totals?.Mediator ?? 0, byPlace, byMonth, byNationality, byLanguage, byTopic, byOrientation, byOutcome);
    }

    private static async Task<List<Row>> By(IQueryable<OutreachContact> contacts, Expression<Func<OutreachContact, string>> key, CancellationToken ct) =>
        (await contacts.GroupBy(key)
            .Select(g => new Tally(g.Key, 0, 0, g.Count(), g.Where(c => c.PersonId != null).Select(c => c.PersonId).Distinct().Count(), g.Count(c => c.PersonId == null)))
            .ToListAsync(ct))
        .Select(t => new Row(t.Key ?? "unknown", t.Contacts, t.Known + t.Anonymous))
        .OrderByDescending(r => r.Contacts).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();

    private static async Task<Row> CountAsync(IQueryable<OutreachContact> contacts, string key, CancellationToken ct)
    {
        var tally = await contacts.GroupBy(_ => 1)
            .Select(g => new { Contacts = g.Count(), Known = g.Where(c => c.PersonId != null).Select(c => c.PersonId).Distinct().Count(), Anonymous = g.Count(c => c.PersonId == null) })
            .FirstOrDefaultAsync(ct);
        return new Row(key, tally?.Contacts ?? 0, (tally?.Known ?? 0) + (tally?.Anonymous ?? 0));
    }
}
