using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Trajet.Web.Data;
using Trajet.Web.Features.Cases;
using Trajet.Web.Features.Instruments;
using Trajet.Web.Infrastructure;

namespace Trajet.Web.Features.Reports;

/// <summary>
/// The evaluation of a programme over a period: for each case its latest summary sheet dated in
/// the period, counted per question and answer in one aggregate query; the cohort beside it.
/// </summary>
public static class EvaluationReport
{
    public sealed record ImpactRow(string Key, Dictionary<string, int> Counts, double PositivePercent);
    public sealed record PromptRow(int Group, string Key, Dictionary<string, int> Counts);
    public sealed record Band(string Key, int Count);
    public sealed record Cohort(
        int Families, int Individuals, int Adults, int Children, IReadOnlyList<Band> AdultAges, IReadOnlyList<Band> ChildAges,
        IReadOnlyList<Band> Nationalities, IReadOnlyList<Band> YearsInCountry, int EverHadLegalStay, int AskedAsylumOnArrival,
        double AverageMonthsSupported, double LongestMonthsSupported, int HomeVisits, int Referred, int Admitted, IReadOnlyList<Band> CurrentStatus);
    public sealed record Funders(int Handled, int Returned, int Regularised, int Absconded, int Removed, int ReDetained, double MeetingsPerCase);
    public sealed record Report(
        string Programme, DateOnly? From, DateOnly? To, int Sheets, IReadOnlyList<ImpactRow> Impact, IReadOnlyList<PromptRow> Prompts,
        Cohort Cohort, Funders Funders);

    private static readonly ImpactLevel[] Levels = Enum.GetValues<ImpactLevel>();
    private static readonly PromptAnswer[] Answers = Enum.GetValues<PromptAnswer>();

    /// <summary>Sheets that are the latest of their case within the period (ties: the last recorded).</summary>
    public static IQueryable<SummarySheet> LatestSheets(TrajetDbContext db, Guid programmeId, DateOnly from, DateOnly to)
    {
        var inPeriod = db.Set<SummarySheet>().Where(s => s.ProgrammeId == programmeId && s.Date >= from && s.Date <= to);
        return inPeriod.Where(s => !inPeriod.Any(o => o.CaseId == s.CaseId &&
            (o.Date > s.Date || (o.Date == s.Date && o.CreatedAt > s.CreatedAt))));
    }

    /// <summary>
    /// Leaves out the sheets of households that withdrew their consent to the pseudonymised evaluation (and gave
    /// none again since): a withdrawal stops that use at once. Families who never said anything are counted.
    /// </summary>
    public static Expression<Func<SummarySheet, bool>> WithoutRefusal(TrajetDbContext db, DateOnly today)
    {
        var evaluation = db.Consents.Where(k => k.Purpose == Privacy.ConsentPurpose.Evaluation);
        var inForce = evaluation.Where(Privacy.ConsentRules.ActiveOn(today));
        return s => !(evaluation.Any(k => k.CaseId == s.CaseId && k.WithdrawnOn != null && k.WithdrawnOn <= today)
            && !inForce.Any(k => k.CaseId == s.CaseId));
    }

    // At most two reports are built at once: each is a long scan and holds a programme's cohort in memory. Sixty-four
    // at once timed out the database's connections and took 2 GB (BENCHMARKS.md); the others now wait their turn.
    private static readonly SemaphoreSlim Gate = new(2);

    public static async Task<Report> BuildAsync(TrajetDbContext db, Guid programmeId, string slug, DateOnly? from, DateOnly? to, DateOnly today, CancellationToken ct)
    {
        await Gate.WaitAsync(ct);
        try
        {
            return await BuildOneAsync(db, programmeId, slug, from, to, today, ct);
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<Report> BuildOneAsync(TrajetDbContext db, Guid programmeId, string slug, DateOnly? from, DateOnly? to, DateOnly today, CancellationToken ct)
    {
        var start = from ?? DateOnly.MinValue;
        var end = to ?? DateOnly.MaxValue;
        var counts = await LatestSheets(db, programmeId, start, end).Where(WithoutRefusal(db, today)).GroupBy(_ => 1).Select(Projection).FirstOrDefaultAsync(ct)
            ?? new int[1 + (SummaryQuestions.Impacts.Count * Levels.Length) + (SummaryQuestions.Prompts.Count * Answers.Length)];
        var sheets = counts[0];
        var next = 1;
        var impact = SummaryQuestions.Impacts.Select(q =>
        {
            var row = Levels.ToDictionary(l => l.ToKebab(), _ => counts[next++]);
            return new ImpactRow(q.Key, row, ImpactMath.PositivePercent(row["some"], row["considerable"], sheets));
        }).ToList();
        var prompts = SummaryQuestions.Prompts.Select(p =>
        {
            var row = Answers.ToDictionary(a => a.ToKebab(), _ => counts[next++]);
            row["no-answer"] = sheets - row.Values.Sum();
            return new PromptRow(p.Group, p.Key, row);
        }).ToList();
        var (cohort, funders) = await CohortAsync(db, programmeId, start, end < today ? end : today, ct);
        return new Report(slug, from, to, sheets, impact, prompts, cohort, funders);
    }

    // g => new[] { g.Count(), g.Count(s => s.Engagement == Negative), … }: one scan for all 105 cells.
    private static readonly Expression<Func<IGrouping<int, SummarySheet>, int[]>> Projection = BuildProjection();

    private static Expression<Func<IGrouping<int, SummarySheet>, int[]>> BuildProjection()
    {
        var group = Expression.Parameter(typeof(IGrouping<int, SummarySheet>), "g");
        var cells = new List<Expression> { Expression.Call(typeof(Enumerable), nameof(Enumerable.Count), [typeof(SummarySheet)], group) };
        var columns = SummaryQuestions.Impacts.SelectMany(q => Levels.Select(l => (q.Property, Value: (object)l)))
            .Concat(SummaryQuestions.Prompts.SelectMany(p => Answers.Select(a => (p.Property, Value: (object)a))));
        foreach (var (property, value) in columns)
        {
            var sheet = Expression.Parameter(typeof(SummarySheet), "s");
            var column = Expression.Property(sheet, property);
            var test = Expression.Equal(column, Expression.Constant(value, column.Type));
            var predicate = Expression.Lambda<Func<SummarySheet, bool>>(test, sheet);
            cells.Add(Expression.Call(typeof(Enumerable), nameof(Enumerable.Count), [typeof(SummarySheet)], group, predicate));
        }
        return Expression.Lambda<Func<IGrouping<int, SummarySheet>, int[]>>(Expression.NewArrayInit(typeof(int), cells), group);
    }

    /// <summary>Who the programme supported in the period: cases admitted before its end and not closed before its start.</summary>
    private static async Task<(Cohort, Funders)> CohortAsync(TrajetDbContext db, Guid programmeId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var supported = db.Cases.Where(c => c.ProgrammeId == programmeId && c.AdmittedOn != null && c.AdmittedOn <= to && (c.ClosedOn == null || c.ClosedOn >= from));
        var cases = await supported.Select(c => new { c.Kind, c.Status, c.Outcome, c.AdmittedOn, c.ClosedOn }).ToListAsync(ct);
        var people = db.Members.Where(m => supported.Any(c => c.Id == m.CaseId));
        var persons = await people.Select(m => new { m.Role, m.BirthDate, m.EstimatedAge, m.Nationality, m.ArrivalYear, m.EverHadLegalStay, m.AskedAsylumOnArrival }).ToListAsync(ct);

        int? Age(DateOnly? birth, int? estimated) => MemberRules.AgeOn(birth, estimated, to);
        var adults = persons.Where(p => p.Role != MemberRole.Child).ToList();
        var children = persons.Where(p => p.Role == MemberRole.Child).ToList();
        IReadOnlyList<Band> Bands<T>(IEnumerable<T> items, Func<T, string> band, string[] order) =>
            order.Select(k => new Band(k, items.Count(i => band(i) == k))).ToList();

        var adultAges = Bands(adults, p => Age(p.BirthDate, p.EstimatedAge) switch
        {
            null => "unclear",
            < 20 => "under-20",
            < 30 => "20-29",
            < 40 => "30-39",
            < 50 => "40-49",
            < 60 => "50-59",
            _ => "60-plus",
        }, ["under-20", "20-29", "30-39", "40-49", "50-59", "60-plus", "unclear"]);
        var childAges = Bands(children, p => Age(p.BirthDate, p.EstimatedAge) switch
        {
            null => "unclear",
            < 6 => "0-5",
            < 12 => "6-11",
            < 18 => "12-17",
            _ => "18-plus",
        }, ["0-5", "6-11", "12-17", "18-plus", "unclear"]);
        var years = Bands(adults, p => p.ArrivalYear is { } y ? (to.Year - y) switch { < 5 => "under-5", < 10 => "5-9", _ => "10-plus" } : "unknown",
            ["under-5", "5-9", "10-plus", "unknown"]);
        var nationalities = persons.GroupBy(p => p.Nationality).OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select(g => new Band(g.Key, g.Count())).ToList();
        var months = cases.Select(c => ImpactMath.Months(c.AdmittedOn!.Value, c.ClosedOn is { } closed && closed < to ? closed : to)).ToList();
        var status = Bands(cases, c => c.Status != CaseStatus.Closed ? "still-engaged" : c.Outcome switch
        {
            ClosureOutcome.ResolvedRegularisation or ClosureOutcome.ResolvedVoluntaryReturn or ClosureOutcome.ResolvedRemoval => "resolved",
            ClosureOutcome.Disengaged or ClosureOutcome.Absconded => "disengaged",
            _ => "other",
        }, ["resolved", "still-engaged", "disengaged", "other"]);
        // One pass over the supported cases' interactions (an index-only scan of CaseId, Date, Type) for both counts.
        var contacts = await db.Set<Trajet.Web.Features.CaseWork.Interaction>()
            .Join(supported, i => i.CaseId, c => c.Id, (i, _) => i)
            .Where(i => i.Date >= from && i.Date <= to)
            .GroupBy(_ => 1)
            .Select(g => new { All = g.Count(), HomeVisits = g.Count(i => i.Type == Trajet.Web.Features.CaseWork.InteractionType.HomeVisit) })
            .FirstOrDefaultAsync(ct);
        var homeVisits = contacts?.HomeVisits ?? 0;
        var meetings = contacts?.All ?? 0;
        var referrals = await db.Cases.Where(c => c.ProgrammeId == programmeId && c.Referral.Date >= from && c.Referral.Date <= to)
            .GroupBy(_ => 1)
            .Select(g => new { All = g.Count(), Admitted = g.Count(c => c.AdmittedOn != null) })
            .FirstOrDefaultAsync(ct);
        var referred = referrals?.All ?? 0;
        var admitted = referrals?.Admitted ?? 0;

        var cohort = new Cohort(
            cases.Count(c => c.Kind == CaseKind.Family), cases.Count(c => c.Kind == CaseKind.Individual), adults.Count, children.Count,
            adultAges, childAges, nationalities, years, adults.Count(p => p.EverHadLegalStay == true), adults.Count(p => p.AskedAsylumOnArrival == true),
            months.Count == 0 ? 0 : Math.Round(months.Average(), 1), months.Count == 0 ? 0 : Math.Round(months.Max(), 1),
            homeVisits, referred, admitted, status);
        var funders = new Funders(cases.Count, cases.Count(c => c.Outcome == ClosureOutcome.ResolvedVoluntaryReturn),
            cases.Count(c => c.Outcome == ClosureOutcome.ResolvedRegularisation), cases.Count(c => c.Outcome == ClosureOutcome.Absconded),
            cases.Count(c => c.Outcome == ClosureOutcome.ResolvedRemoval), cases.Count(c => c.Outcome == ClosureOutcome.ReDetained),
            cases.Count == 0 ? 0 : Math.Round((double)meetings / cases.Count, 1));
        return (cohort, funders);
    }
}
