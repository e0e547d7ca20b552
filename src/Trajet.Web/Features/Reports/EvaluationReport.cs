using System.ComponentModel;
using System.Linq.Expressions;
using Trajet.Web.Features.Instruments;

namespace Trajet.Web.Features.Reports;

/// <summary>
/// The evaluation of a programme over a period: for each case its latest summary sheet dated in
/// the period, counted per question and answer in one aggregate query; the cohort beside it.
/// </summary>
public static class EvaluationReport
{
    public sealed record ImpactRow(string Key, Dictionary<string, int?> Counts, double? PositivePercent);
    /// <summary>A prompting question's answers: <see cref="Percent"/> is each count over all sheets (<see cref="ImpactMath.Percent"/>).</summary>
    public sealed record PromptRow(int Group, string Key, Dictionary<string, int?> Counts, Dictionary<string, double?> Percent);
    public sealed record Band(string Key, int? Count);
    /// <summary>The families (not the adults) who match: a family counts when any of its members does.</summary>
    public sealed record PerFamily(int? InCountryMoreThan5Years, int? AskedAsylumOnArrival, int? EverHadLegalStay, int? MinYearsInCountry, int? MaxYearsInCountry);
    public sealed record Cohort(
        string Basis, int? Families, int? Individuals, int? Adults, int? Children, IReadOnlyList<Band> AdultAges, IReadOnlyList<Band> ChildAges,
        IReadOnlyList<Band> Nationalities, IReadOnlyList<Band> YearsInCountry, int? EverHadLegalStay, int? AskedAsylumOnArrival, PerFamily PerFamily,
        double? AverageMonthsSupported, double? LongestMonthsSupported, int? HomeVisits, int? Referred, int? Admitted, IReadOnlyList<Band> CurrentStatus);
    public sealed record Funders(int? Handled, int? Returned, int? Regularised, int? Absconded, int? Removed, int? ReDetained, double? MeetingsPerCase);
    /// <summary>How the families' baseline scores of one item moved from their first to their latest sheet of the period.</summary>
    public sealed record BaselineRow(int Item, string Key, int? Families, int? Improved, int? Stayed, int? Worsened);
    /// <summary>Never changed once built (readers get copies, <see cref="ReportCells"/>): the cache hands every request the same one.</summary>
    [ImmutableObject(true)]
    public sealed record Report(
        string Programme, DateOnly? From, DateOnly? To, int? Sheets, IReadOnlyList<ImpactRow> Impact, IReadOnlyList<PromptRow> Prompts,
        Cohort Cohort, Funders Funders, IReadOnlyList<BaselineRow> Baseline);

    /// <summary>Whom the cohort describes: every family supported in the period, or those with a summary sheet in it.</summary>
    public enum Basis { Supported, WithSheet }

    private static readonly ImpactLevel[] Levels = Enum.GetValues<ImpactLevel>();
    private static readonly PromptAnswer[] Answers = Enum.GetValues<PromptAnswer>();

    /// <summary>
    /// Sheets that are the latest of their family within the period (ties: the last recorded): a family that came back
    /// has sheets on two cases and is counted once. No sheet is dated after
    /// the day it is written, so a period that runs to today or later holds each family's marked latest sheet
    /// (<see cref="LatestSheet"/>); an earlier end compares the case's sheets in the period.
    /// </summary>
    public static IQueryable<SummarySheet> LatestSheets(TrajetDbContext db, Guid programmeId, DateOnly from, DateOnly to, DateOnly today)
    {
        // An open end adds no condition: the marked sheets are then read from their own index (SQLite would otherwise
        // take the date index and read every sheet of the programme).
        var inPeriod = db.Set<SummarySheet>().Where(s => s.ProgrammeId == programmeId);
        if (from > DateOnly.MinValue)
        {
            inPeriod = inPeriod.Where(s => s.Date >= from);
        }
        if (to < DateOnly.MaxValue)
        {
            inPeriod = inPeriod.Where(s => s.Date <= to);
        }
        return to >= today
            ? inPeriod.Where(s => s.IsLatest)
            : inPeriod.Where(s => !inPeriod.Any(o => o.FamilyId == s.FamilyId &&
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

    /// <summary>The report; its endpoints and page build at most two at once (<see cref="RateLimits.Reports"/>).</summary>
    public static async Task<Report> BuildAsync(IServiceScopeFactory scopes, Guid programmeId, string slug, DateOnly? from, DateOnly? to, Basis basis, DateOnly today, CancellationToken ct)
    {
        var start = from ?? DateOnly.MinValue;
        var end = to ?? DateOnly.MaxValue;
        var cohortEnd = end < today ? end : today;
        // The sheets the report counts: each family's latest in the period, without those whose consent was withdrawn.
        IQueryable<SummarySheet> Counted(TrajetDbContext db) => LatestSheets(db, programmeId, start, end, today).Where(WithoutRefusal(db, today));
        // All the cohort's supported cases: a family that came back has two.
        IQueryable<Case> Cohort(TrajetDbContext db)
        {
            var supported = Supported(db, programmeId, start, cohortEnd);
            var sheets = Counted(db);
            return basis == Basis.WithSheet ? supported.Where(c => sheets.Any(s => s.FamilyId == c.FamilyId)) : supported;
        }
        // One case per family, its latest; only a programme with re-referrals pays for finding it (BENCHMARKS.md).
        var reReferred = await ReadAsync(scopes, db => db.Cases.AnyAsync(c => c.ProgrammeId == programmeId && c.PreviousCaseId != null, ct));
        IQueryable<Case> Families(TrajetDbContext db) => !reReferred ? Cohort(db) : FamiliesOf(Cohort(db));
        static IQueryable<Case> FamiliesOf(IQueryable<Case> cohort) => cohort.Where(c => !cohort.Any(o => o.FamilyId == c.FamilyId
            && o.Id != c.Id && (o.AdmittedOn > c.AdmittedOn || (o.AdmittedOn == c.AdmittedOn && o.CreatedAt > c.CreatedAt))));
        // The reads run at once, each on a connection of its own, the longest first. Totals are grouped by the programme
        // filtered on (not a constant) so that SQLite does not sort the rows first (BENCHMARKS.md).
        var countsRead = ReadAsync(scopes, db => Counted(db)
            .GroupBy(s => s.ProgrammeId).Select(Projection).FirstOrDefaultAsync(ct));
        // SQLite runs a query on one core: it counts the adults and the children apart, at once. PostgreSQL counts everyone
        // in the first read (two would read the people twice, and it is quicker so).
        var adultsRead = ReadAsync(scopes, db => PersonsAsync(db, Families(db), cohortEnd, db.Database.IsSqlite() ? false : null, ct));
        var childrenRead = ReadAsync(scopes, db => db.Database.IsSqlite()
            ? PersonsAsync(db, Families(db), cohortEnd, children: true, ct) : Task.FromResult(new List<PersonGroup>()));
        var casesRead = ReadAsync(scopes, db => CasesAsync(db, programmeId, Cohort(db), Families(db), cohortEnd, ct));
        var familiesRead = ReadAsync(scopes, db => FamiliesAsync(db, Families(db), ct));
        var contactsRead = ReadAsync(scopes, db => ContactsAsync(db, Cohort(db), start, cohortEnd, ct));
        var referralsRead = ReadAsync(scopes, db => ReferralsAsync(db, programmeId, start, cohortEnd, ct));
        var baselineRead = ReadAsync(scopes, db => BaselineTrends.ReadAsync(db, programmeId, Cohort(db), start, end, ct));
        await Task.WhenAll(countsRead, adultsRead, childrenRead, casesRead, familiesRead, contactsRead, referralsRead, baselineRead);

        var counts = await countsRead
            ?? new int[1 + (SummaryQuestions.Impacts.Count * Levels.Length) + (SummaryQuestions.Prompts.Count * Answers.Length)];
        var sheets = counts[0];
        var next = 1;
        var impact = SummaryQuestions.Impacts.Select(q =>
        {
            var row = Levels.ToDictionary(l => l.ToKebab(), _ => (int?)counts[next++]);
            return new ImpactRow(q.Key, row, ImpactMath.PositivePercent(row["some"]!.Value, row["considerable"]!.Value, sheets));
        }).ToList();
        var prompts = SummaryQuestions.Prompts.Select(p =>
        {
            var row = Answers.ToDictionary(a => a.ToKebab(), _ => (int?)counts[next++]);
            row["no-answer"] = sheets - row.Values.Sum();
            return new PromptRow(p.Group, p.Key, row, ImpactMath.Percents(row, sheets));
        }).ToList();
        var people = new People(await casesRead, [.. await adultsRead, .. await childrenRead], await familiesRead);
        var (cohort, funders) = Describe(people, await contactsRead, await referralsRead, cohortEnd, basis);
        return new Report(slug, from, to, sheets, impact, prompts, cohort, funders, await baselineRead);
    }

    // On a thread of its own: SQLite's "asynchronous" calls run to the end before they return, which would read the
    // parts one after the other. Each part reads the heavy reads' database (the standby when there is one).
    private static Task<T> ReadAsync<T>(IServiceScopeFactory scopes, Func<TrajetDbContext, Task<T>> read) =>
        Task.Run(async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            return await read(scope.ServiceProvider.GetRequiredService<HeavyReads>().Db);
        });

    // g => new[] { g.Count(), g.Count(s => s.Engagement == Negative), … }: one scan for all 105 cells.
    private static readonly Expression<Func<IGrouping<Guid, SummarySheet>, int[]>> Projection = BuildProjection();

    private static Expression<Func<IGrouping<Guid, SummarySheet>, int[]>> BuildProjection()
    {
        var group = Expression.Parameter(typeof(IGrouping<Guid, SummarySheet>), "g");
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
        return Expression.Lambda<Func<IGrouping<Guid, SummarySheet>, int[]>>(Expression.NewArrayInit(typeof(int), cells), group);
    }

    private sealed record SupportedCase(Guid FamilyId, CaseKind Kind, CaseStatus Status, ClosureOutcome? Outcome, double Months);
    /// <summary>How many people share these bands: <see cref="Age"/> indexes <see cref="AgeLimits"/> (9: unclear),
    /// <c>Years</c> in the country 0 under 5, 1 five to nine, 2 ten or more, 3 unknown.</summary>
    private sealed record PersonGroup(bool Child, int Age, string Nationality, int Years, bool LegalStay, bool Asylum, int Count);
    private sealed record People(List<SupportedCase> Cases, List<PersonGroup> Persons, List<FamilyFacts> Families);
    private sealed record FamilyFacts(int? FirstArrival, bool Asylum, bool LegalStay);
    private sealed record Contacts(int All, int HomeVisits);
    private sealed record Referrals(int All, int Admitted);

    /// <summary>The ages that start a band, adults' and children's together: a person's age index is how many they reached.</summary>
    private static readonly int[] AgeLimits = [6, 12, 18, 20, 30, 40, 50, 60];

    /// <summary>Who the programme supported in the period: cases with a period of support that overlaps it.</summary>
    private static IQueryable<Case> Supported(TrajetDbContext db, Guid programmeId, DateOnly from, DateOnly to)
    {
        var periods = db.Set<CaseSupportPeriod>().Where(p => p.ProgrammeId == programmeId && p.From <= to && (p.To == null || p.To >= from));
        return db.Cases.Where(c => periods.Any(p => p.CaseId == c.Id));
    }

    /// <summary>One row per family, its latest case's kind and status, and its months of support over all its cases' periods.</summary>
    private static async Task<List<SupportedCase>> CasesAsync(TrajetDbContext db, Guid programmeId, IQueryable<Case> cohort, IQueryable<Case> families, DateOnly to, CancellationToken ct)
    {
        var latest = await families.Select(c => new SupportedCase(c.FamilyId, c.Kind, c.Status, c.Outcome, 0)).ToListAsync(ct);
        var periods = await db.Set<CaseSupportPeriod>().Where(p => p.ProgrammeId == programmeId && p.From <= to)
            // Every case of the cohort's families, those supported before the period too.
            .Join(db.Cases.Where(x => x.ProgrammeId == programmeId && cohort.Any(c => c.FamilyId == x.FamilyId)), p => p.CaseId, c => c.Id, (p, c) => new { c.FamilyId, p.From, p.To })
            .ToListAsync(ct);
        var months = periods.GroupBy(p => p.FamilyId)
            .ToDictionary(g => g.Key, g => g.Sum(p => SupportTime.Months(p.From, p.To is { } end && end < to ? end : to)));
        return [.. latest.Select(c => c with { Months = months.GetValueOrDefault(c.FamilyId) })];
    }

    // The people of the cohort's cases, or only the children (true) or the adults (false).
    private static async Task<List<PersonGroup>> PersonsAsync(TrajetDbContext db, IQueryable<Case> supported, DateOnly to, bool? children, CancellationToken ct)
    {
        var members = children switch
        {
            true => db.Members.Where(m => m.Role == MemberRole.Child),
            false => db.Members.Where(m => m.Role != MemberRole.Child),
            null => db.Members,
        };
        // The database counts people per band (a few hundred rows, not one per person): an age is reached when the birth
        // date is on or before the limit's latest birth date, or else by the estimated age.
        var born = AgeLimits.Select(age => MemberRules.LatestBirthDateForAge(to, age)).ToArray();
        DateOnly b6 = born[0], b12 = born[1], b18 = born[2], b20 = born[3], b30 = born[4], b40 = born[5], b50 = born[6], b60 = born[7];
        int arrived5 = to.Year - 5, arrived10 = to.Year - 10;
        return await members.Where(m => supported.Any(c => c.Id == m.CaseId))
            .GroupBy(m => new
            {
                Child = m.Role == MemberRole.Child,
                Age = m.BirthDate != null
                    ? (m.BirthDate > b6 ? 0 : m.BirthDate > b12 ? 1 : m.BirthDate > b18 ? 2 : m.BirthDate > b20 ? 3
                        : m.BirthDate > b30 ? 4 : m.BirthDate > b40 ? 5 : m.BirthDate > b50 ? 6 : m.BirthDate > b60 ? 7 : 8)
                    : m.EstimatedAge == null ? 9
                    : m.EstimatedAge < 6 ? 0 : m.EstimatedAge < 12 ? 1 : m.EstimatedAge < 18 ? 2 : m.EstimatedAge < 20 ? 3
                    : m.EstimatedAge < 30 ? 4 : m.EstimatedAge < 40 ? 5 : m.EstimatedAge < 50 ? 6 : m.EstimatedAge < 60 ? 7 : 8,
                m.Nationality,
                Years = m.ArrivalYear == null ? 3 : m.ArrivalYear > arrived5 ? 0 : m.ArrivalYear > arrived10 ? 1 : 2,
                LegalStay = m.EverHadLegalStay == true,
                Asylum = m.AskedAsylumOnArrival == true,
            })
            .Select(g => new PersonGroup(g.Key.Child, g.Key.Age, g.Key.Nationality, g.Key.Years, g.Key.LegalStay, g.Key.Asylum, g.Count()))
            .ToListAsync(ct);
    }

    // The cases whose interactions all fall in the period give their kept totals (CaseWork/InteractionTotals.cs); only the
    // others' interactions are read (an index-only scan of CaseId, Date, Type). Over all time, that is none of them.
    private static async Task<Contacts> ContactsAsync(TrajetDbContext db, IQueryable<Case> supported, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var whole = await supported
            .Where(c => c.InteractionCount == 0 || (c.FirstInteractionOn >= from && c.LastInteractionOn <= to))
            .GroupBy(c => c.ProgrammeId)
            .Select(g => new Contacts(g.Sum(c => c.InteractionCount), g.Sum(c => c.HomeVisitCount)))
            .FirstOrDefaultAsync(ct) ?? new Contacts(0, 0);
        var partly = await db.Set<Trajet.Web.Features.Interactions.Interaction>()
            .Join(supported.Where(c => c.InteractionCount != 0 && (c.FirstInteractionOn == null || c.LastInteractionOn == null
                || c.FirstInteractionOn < from || c.LastInteractionOn > to)), i => i.CaseId, c => c.Id, (i, _) => i)
            .Where(i => i.Date >= from && i.Date <= to)
            .GroupBy(_ => 1)
            .Select(g => new Contacts(g.Count(), g.Count(i => i.Type == Trajet.Web.Features.Interactions.InteractionType.HomeVisit)))
            .FirstOrDefaultAsync(ct) ?? new Contacts(0, 0);
        return new Contacts(whole.All + partly.All, whole.HomeVisits + partly.HomeVisits);
    }

    /// <summary>Per family: its earliest arrival, and whether any member asked for asylum on arrival or ever had legal stay.</summary>
    private static Task<List<FamilyFacts>> FamiliesAsync(TrajetDbContext db, IQueryable<Case> cohort, CancellationToken ct)
    {
        var families = cohort.Where(c => c.Kind == CaseKind.Family);
        return db.Members.Where(m => families.Any(c => c.Id == m.CaseId))
            .GroupBy(m => m.CaseId)
            .Select(g => new FamilyFacts(g.Min(m => m.ArrivalYear), g.Count(m => m.AskedAsylumOnArrival == true) > 0, g.Count(m => m.EverHadLegalStay == true) > 0))
            .ToListAsync(ct);
    }

    private static async Task<Referrals> ReferralsAsync(TrajetDbContext db, Guid programmeId, DateOnly from, DateOnly to, CancellationToken ct) =>
        await db.Cases.Where(c => c.ProgrammeId == programmeId && c.Referral.Date >= from && c.Referral.Date <= to)
            .GroupBy(c => c.ProgrammeId)
            .Select(g => new Referrals(g.Count(), g.Count(c => c.AdmittedOn != null)))
            .FirstOrDefaultAsync(ct) ?? new Referrals(0, 0);

    private static (Cohort, Funders) Describe(People people, Contacts contacts, Referrals referrals, DateOnly to, Basis basis)
    {
        var (cases, persons) = (people.Cases, people.Persons);
        var adults = persons.Where(p => !p.Child).ToList();
        var children = persons.Where(p => p.Child).ToList();
        IReadOnlyList<Band> Bands<T>(IEnumerable<T> items, Func<T, string> band, Func<T, int> count, string[] order)
        {
            var counts = items.GroupBy(band).ToDictionary(g => g.Key, g => g.Sum(count));
            return order.Select(k => new Band(k, counts.GetValueOrDefault(k))).ToList();
        }

        string[] adultBands = ["under-20", "under-20", "under-20", "under-20", "20-29", "30-39", "40-49", "50-59", "60-plus", "unclear"];
        string[] childBands = ["0-5", "6-11", "12-17", "18-plus", "18-plus", "18-plus", "18-plus", "18-plus", "18-plus", "unclear"];
        string[] yearBands = ["under-5", "5-9", "10-plus", "unknown"];
        var adultAges = Bands(adults, p => adultBands[p.Age], p => p.Count, ["under-20", "20-29", "30-39", "40-49", "50-59", "60-plus", "unclear"]);
        var childAges = Bands(children, p => childBands[p.Age], p => p.Count, ["0-5", "6-11", "12-17", "18-plus", "unclear"]);
        var years = Bands(adults, p => yearBands[p.Years], p => p.Count, yearBands);
        var nationalities = persons.GroupBy(p => p.Nationality).Select(g => new Band(g.Key, g.Sum(p => p.Count)))
            .OrderByDescending(b => b.Count).ThenBy(b => b.Key).ToList();
        var months = cases.Select(c => c.Months).ToList();
        var status = Bands(cases, c => c.Status != CaseStatus.Closed ? "still-engaged" : c.Outcome switch
        {
            ClosureOutcome.ResolvedRegularisation or ClosureOutcome.ResolvedVoluntaryReturn or ClosureOutcome.ResolvedRemoval => "resolved",
            ClosureOutcome.Disengaged or ClosureOutcome.Absconded => "disengaged",
            _ => "other",
        }, _ => 1, ["resolved", "still-engaged", "disengaged", "other"]);
        var (homeVisits, meetings) = (contacts.HomeVisits, contacts.All);
        var familyYears = people.Families.Where(f => f.FirstArrival is not null).Select(f => to.Year - f.FirstArrival!.Value).ToList();
        var perFamily = new PerFamily(familyYears.Count(y => y > 5), people.Families.Count(f => f.Asylum), people.Families.Count(f => f.LegalStay),
            familyYears.Count == 0 ? null : familyYears.Min(), familyYears.Count == 0 ? null : familyYears.Max());
        var (referred, admitted) = (referrals.All, referrals.Admitted);

        var cohort = new Cohort(
            basis.ToKebab(), cases.Count(c => c.Kind == CaseKind.Family), cases.Count(c => c.Kind == CaseKind.Individual), adults.Sum(p => p.Count), children.Sum(p => p.Count),
            adultAges, childAges, nationalities, years, adults.Where(p => p.LegalStay).Sum(p => p.Count), adults.Where(p => p.Asylum).Sum(p => p.Count), perFamily,
            months.Count == 0 ? 0 : Math.Round(months.Average(), 1), months.Count == 0 ? 0 : Math.Round(months.Max(), 1),
            homeVisits, referred, admitted, status);
        var funders = new Funders(cases.Count, cases.Count(c => c.Outcome == ClosureOutcome.ResolvedVoluntaryReturn),
            cases.Count(c => c.Outcome == ClosureOutcome.ResolvedRegularisation), cases.Count(c => c.Outcome == ClosureOutcome.Absconded),
            cases.Count(c => c.Outcome == ClosureOutcome.ResolvedRemoval), cases.Count(c => c.Outcome == ClosureOutcome.ReDetained),
            cases.Count == 0 ? 0 : Math.Round((double)meetings / cases.Count, 1));
        return (cohort, funders);
    }
}
