using System.Linq.Expressions;
using static Trajet.Web.Features.Outreach.OutreachTallies;

namespace Trajet.Web.Features.Outreach;

/// <summary>
/// What the team did in a period, for itself and its funders: contacts and the people behind them,
/// by place, month, nationality, language, information given, orientation, and the outcomes reached.
/// Read from the tallies kept with every save (<see cref="OutreachTally"/>): no contact is read, and a range is cut
/// into the fewest periods (whole years, whole months, days at its ends).
/// </summary>
public static class OutreachDashboard
{
    /// <summary>A bucket: contacts in it and the people they were with (each anonymous contact counts as one person).</summary>
    public sealed record Row(string Key, int Contacts, int People);

    public sealed record Report(
        string Programme, DateOnly? From, DateOnly? To, int Contacts, int UniquePeople, int KnownPeople, int AnonymousContacts, int FollowUps, int MediatorInterpreted,
        IReadOnlyList<Row> ByPlace, IReadOnlyList<Row> ByMonth, IReadOnlyList<Row> ByNationality, IReadOnlyList<Row> ByLanguage,
        IReadOnlyList<Row> ByTopic, IReadOnlyList<Row> ByOrientation, IReadOnlyList<Row> ByOutcome);

    private sealed record Tally(string Dimension, string Key, int Contacts, int Anonymous, int Known);

    private sealed record MonthTally(DateOnly Period, int Contacts, int Anonymous, int Known);

    /// <summary>
    /// A range as periods: days [Start, WholeFrom), whole months [WholeFrom, YearsFrom), whole years [YearsFrom, YearsTo),
    /// whole months [YearsTo, WholeTo), days [WholeTo, End]. Empty pieces are empty ranges.
    /// </summary>
    public sealed record Pieces(DateOnly Start, DateOnly WholeFrom, DateOnly YearsFrom, DateOnly YearsTo, DateOnly WholeTo, DateOnly End)
    {
        /// <summary>The range is one stored period: its grain and first day; null when it takes several.</summary>
        public (string Grain, DateOnly Period)? Single =>
            Start != WholeFrom || WholeTo <= End ? null
            : YearsFrom == WholeFrom && YearsTo == WholeTo && YearsTo == YearsFrom.AddYears(1) ? (Year, YearsFrom)
            : YearsFrom == YearsTo && WholeTo == WholeFrom.AddMonths(1) ? (Month, WholeFrom)
            : null;
    }

    /// <summary>Cuts [start, end] into days, whole months and whole years (pure).</summary>
    public static Pieces Cut(DateOnly start, DateOnly end)
    {
        var wholeFrom = start.Day == 1 ? start : new DateOnly(start.Year, start.Month, 1).AddMonths(1);
        var afterEnd = end.AddDays(1);
        var wholeTo = afterEnd.Day == 1 ? afterEnd : new DateOnly(end.Year, end.Month, 1);
        if (wholeFrom >= wholeTo)
        {
            // No whole month: days only.
            return new(start, afterEnd, afterEnd, afterEnd, afterEnd, end);
        }
        var yearsFrom = wholeFrom.Month == 1 ? wholeFrom : new DateOnly(wholeFrom.Year + 1, 1, 1);
        var yearsTo = new DateOnly(wholeTo.Year, 1, 1);
        if (yearsFrom >= yearsTo)
        {
            (yearsFrom, yearsTo) = (wholeTo, wholeTo);
        }
        return new(start, wholeFrom, yearsFrom, yearsTo, wholeTo, end);
    }

    // The stored periods that make up the pieces.
    private static Expression<Func<T, bool>> In<T>(Pieces p, Expression<Func<T, string>> grain, Expression<Func<T, DateOnly>> period)
    {
        Expression<Func<string, DateOnly, bool>> inside = (g, d) =>
            (g == Day && ((d >= p.Start && d < p.WholeFrom) || (d >= p.WholeTo && d <= p.End)))
            || (g == Month && ((d >= p.WholeFrom && d < p.YearsFrom) || (d >= p.YearsTo && d < p.WholeTo)))
            || (g == Year && d >= p.YearsFrom && d < p.YearsTo);
        var row = grain.Parameters[0];
        var body = new Replace(inside.Parameters[0], grain.Body).Visit(new Replace(inside.Parameters[1], new Replace(period.Parameters[0], row).Visit(period.Body)).Visit(inside.Body));
        return Expression.Lambda<Func<T, bool>>(body, row);
    }

    private sealed class Replace(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }

    public static async Task<Report> BuildAsync(TrajetDbContext db, Guid programmeId, string slug, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var tallies = db.Set<OutreachTally>().AsNoTracking().Where(t => t.ProgrammeId == programmeId);
        var people = db.Set<OutreachPersonTally>().AsNoTracking().Where(t => t.ProgrammeId == programmeId);
        List<Tally> rows;
        List<MonthTally> months;
        if (from is null && to is null)
        {
            rows = await tallies.Where(t => t.Grain == All && t.Period == DateOnly.MinValue)
                .Select(t => new Tally(t.Dimension, t.Key, t.Contacts, t.Anonymous, t.Known)).ToListAsync(ct);
            months = await tallies.Where(t => t.Grain == Month && t.Dimension == Total)
                .Select(t => new MonthTally(t.Period, t.Contacts, t.Anonymous, t.Known)).ToListAsync(ct);
        }
        else
        {
            // An open end stops at the programme's first or last year with tallies.
            var years = await tallies.Where(t => t.Grain == Year).GroupBy(_ => 1)
                .Select(g => new { First = g.Min(t => t.Period), Last = g.Max(t => t.Period) }).FirstOrDefaultAsync(ct);
            var start = from ?? years?.First ?? DateOnly.MaxValue;
            var end = to ?? (years is null ? DateOnly.MinValue : new DateOnly(years.Last.Year, 12, 31));
            if (years is null || start > end)
            {
                rows = [];
                months = [];
            }
            else
            {
                (rows, months) = await RangeAsync(tallies, people, Cut(start, end), ct);
            }
        }
        return Assemble(slug, from, to, rows, months);
    }

    private static async Task<(List<Tally>, List<MonthTally>)> RangeAsync(IQueryable<OutreachTally> tallies, IQueryable<OutreachPersonTally> people, Pieces p, CancellationToken ct)
    {
        List<Tally> rows;
        if (p.Single is { } single)
        {
            rows = await tallies.Where(t => t.Grain == single.Grain && t.Period == single.Period)
                .Select(t => new Tally(t.Dimension, t.Key, t.Contacts, t.Anonymous, t.Known)).ToListAsync(ct);
        }
        else
        {
            // Contacts add up across periods; distinct people are counted across their rows.
            var counts = await tallies.Where(In<OutreachTally>(p, t => t.Grain, t => t.Period)).GroupBy(t => new { t.Dimension, t.Key })
                .Select(g => new { g.Key.Dimension, g.Key.Key, Contacts = g.Sum(t => t.Contacts), Anonymous = g.Sum(t => t.Anonymous) }).ToListAsync(ct);
            // Read from the key alone (an index-only scan), each person once per breakdown key, then counted.
            var known = (await people.Where(In<OutreachPersonTally>(p, t => t.Grain, t => t.Period)).Select(t => new { t.Dimension, t.Key, t.PersonId }).Distinct()
                .GroupBy(t => new { t.Dimension, t.Key }).Select(g => new { g.Key.Dimension, g.Key.Key, Known = g.Count() }).ToListAsync(ct))
                .ToDictionary(k => (k.Dimension, k.Key), k => k.Known);
            rows = counts.Select(c => new Tally(c.Dimension, c.Key, c.Contacts, c.Anonymous, known.GetValueOrDefault((c.Dimension, c.Key)))).ToList();
        }
        // Whole months as stored; the days at the range's ends make up their part of a month.
        var months = await tallies.Where(t => t.Grain == Month && t.Dimension == Total && t.Period >= p.WholeFrom && t.Period < p.WholeTo)
            .Select(t => new MonthTally(t.Period, t.Contacts, t.Anonymous, t.Known)).ToListAsync(ct);
        var days = await tallies.Where(t => t.Grain == Day && t.Dimension == Total && ((t.Period >= p.Start && t.Period < p.WholeFrom) || (t.Period >= p.WholeTo && t.Period <= p.End)))
            .Select(t => new { t.Period, t.Contacts, t.Anonymous }).ToListAsync(ct);
        if (days.Count > 0)
        {
            var dayPeople = await people.Where(t => t.Grain == Day && t.Dimension == Total && ((t.Period >= p.Start && t.Period < p.WholeFrom) || (t.Period >= p.WholeTo && t.Period <= p.End)))
                .Select(t => new { t.Period, t.PersonId }).ToListAsync(ct);
            months.AddRange(days.GroupBy(d => PeriodOf(Month, d.Period)).Select(m => new MonthTally(m.Key, m.Sum(d => d.Contacts), m.Sum(d => d.Anonymous),
                dayPeople.Where(d => PeriodOf(Month, d.Period) == m.Key).Select(d => d.PersonId).Distinct().Count())));
        }
        return (rows, months);
    }

    private static Report Assemble(string slug, DateOnly? from, DateOnly? to, List<Tally> rows, List<MonthTally> months)
    {
        var total = rows.SingleOrDefault(r => r.Dimension == Total) ?? new Tally(Total, "", 0, 0, 0);
        int Flagged(string key) => rows.SingleOrDefault(r => r.Dimension == Flag && r.Key == key)?.Contacts ?? 0;
        List<Row> By(string dimension) => rows.Where(r => r.Dimension == dimension && r.Contacts > 0)
            .Select(r => new Row(r.Key, r.Contacts, r.Known + r.Anonymous))
            .OrderByDescending(r => r.Contacts).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();
        List<Row> Every<T>(string dimension) where T : struct, Enum => Enum.GetValues<T>()
            .Select(v => rows.SingleOrDefault(r => r.Dimension == dimension && r.Key == v.ToKebab()) is { } r ? new Row(r.Key, r.Contacts, r.Known + r.Anonymous) : new Row(v.ToKebab(), 0, 0))
            .ToList();
        var byMonth = months.Where(m => m.Contacts > 0).OrderBy(m => m.Period)
            .Select(m => new Row($"{m.Period.Year:0000}-{m.Period.Month:00}", m.Contacts, m.Known + m.Anonymous)).ToList();
        return new Report(slug, from, to, total.Contacts, total.Known + total.Anonymous, total.Known, total.Anonymous, Flagged(FollowUp), Flagged(Mediator),
            By(Place), byMonth, By(Nationality), By(Language), Every<InformationTopic>(Topic), Every<OrientationService>(Orientation), Every<OutcomeKind>(Outcome));
    }
}
