using static Trajet.Web.Features.Reports.EvaluationReport;

namespace Trajet.Web.Features.Reports;

/// <summary>
/// The evaluation report as a reader outside the programme's coordination receives it, in the JSON, the page and the
/// files alike: the counts <see cref="SmallCells"/> hides are null, and so is every percentage made from one.
/// </summary>
public static class ReportCells
{
    /// <summary>Counts under the threshold (Reports:SmallCellThreshold, 3) are hidden for all but the programme's own coordinator.</summary>
    public static Report ForReader(Report report, UserContext user, Programme programme, IConfiguration config)
    {
        var ownCoordinator = user.IsCoordinator && user.OrganisationId == programme.OrganisationId && user.Programmes.Any(p => p.Id == programme.Id);
        return ownCoordinator ? report : Hide(report, Threshold(config));
    }

    public static int Threshold(IConfiguration config) => config.GetValue("Reports:SmallCellThreshold", 3);

    public static Report Hide(Report report, int threshold)
    {
        var cells = new Dictionary<string, int>();
        Map(report, (key, value) =>
        {
            cells[key] = value ?? 0;
            return value;
        });
        var hidden = SmallCells.Hide(cells, Sums(report), threshold);
        var shown = Map(report, (key, value) => hidden.Contains(key) ? null : value);
        return shown with
        {
            Impact = [.. shown.Impact.Select(r => r with { PositivePercent = r.Counts["some"] is null || r.Counts["considerable"] is null ? null : r.PositivePercent })],
            Prompts = [.. shown.Prompts.Select(r => r with { Percent = r.Percent.ToDictionary(p => p.Key, p => r.Counts[p.Key] is null ? null : p.Value) })],
            Funders = shown.Funders with { MeetingsPerCase = shown.Funders.Handled is null ? null : shown.Funders.MeetingsPerCase },
            // Averages over a hidden number of cases tell it (one case: the average is the longest); a list in order of
            // size would place a hidden nationality between its neighbours: hidden ones go last, by code.
            Cohort = shown.Cohort with
            {
                AverageMonthsSupported = shown.Funders.Handled is null ? null : shown.Cohort.AverageMonthsSupported,
                LongestMonthsSupported = shown.Funders.Handled is null ? null : shown.Cohort.LongestMonthsSupported,
                Nationalities = [.. shown.Cohort.Nationalities.OrderBy(b => b.Count is null).ThenByDescending(b => b.Count).ThenBy(b => b.Key, StringComparer.Ordinal)],
            },
        };
    }

    /// <summary>Every count of the report, each under its own name, passed through <paramref name="f"/>.</summary>
    private static Report Map(Report r, Func<string, int?, int?> f)
    {
        Dictionary<string, int?> Row(string prefix, Dictionary<string, int?> counts) => counts.ToDictionary(c => c.Key, c => f($"{prefix}.{c.Key}", c.Value));
        List<Band> Bands(string prefix, IReadOnlyList<Band> bands) => [.. bands.Select(b => b with { Count = f($"{prefix}.{b.Key}", b.Count) })];
        var (c, p, m) = (r.Cohort, r.Cohort.PerFamily, r.Funders);
        return r with
        {
            Sheets = f("sheets", r.Sheets),
            Impact = [.. r.Impact.Select(i => i with { Counts = Row($"impact.{i.Key}", i.Counts) })],
            Prompts = [.. r.Prompts.Select(q => q with { Counts = Row($"prompts.{q.Key}", q.Counts) })],
            Cohort = c with
            {
                Families = f("cohort.families", c.Families),
                Individuals = f("cohort.individuals", c.Individuals),
                Adults = f("cohort.adults", c.Adults),
                Children = f("cohort.children", c.Children),
                AdultAges = Bands("cohort.adultAges", c.AdultAges),
                ChildAges = Bands("cohort.childAges", c.ChildAges),
                Nationalities = Bands("cohort.nationalities", c.Nationalities),
                YearsInCountry = Bands("cohort.yearsInCountry", c.YearsInCountry),
                EverHadLegalStay = f("cohort.everHadLegalStay", c.EverHadLegalStay),
                AskedAsylumOnArrival = f("cohort.askedAsylumOnArrival", c.AskedAsylumOnArrival),
                PerFamily = p with
                {
                    InCountryMoreThan5Years = f("cohort.perFamily.inCountryMoreThan5Years", p.InCountryMoreThan5Years),
                    AskedAsylumOnArrival = f("cohort.perFamily.askedAsylumOnArrival", p.AskedAsylumOnArrival),
                    EverHadLegalStay = f("cohort.perFamily.everHadLegalStay", p.EverHadLegalStay),
                },
                HomeVisits = f("cohort.homeVisits", c.HomeVisits),
                Referred = f("cohort.referred", c.Referred),
                Admitted = f("cohort.admitted", c.Admitted),
                CurrentStatus = Bands("cohort.currentStatus", c.CurrentStatus),
            },
            Funders = m with
            {
                Handled = f("funders.handled", m.Handled),
                Returned = f("funders.returned", m.Returned),
                Regularised = f("funders.regularised", m.Regularised),
                Absconded = f("funders.absconded", m.Absconded),
                Removed = f("funders.removed", m.Removed),
                ReDetained = f("funders.reDetained", m.ReDetained),
            },
            Baseline = [.. r.Baseline.Select(b => b with
            {
                Families = f($"baseline.{b.Key}.families", b.Families),
                Improved = f($"baseline.{b.Key}.improved", b.Improved),
                Stayed = f($"baseline.{b.Key}.stayed", b.Stayed),
                Worsened = f($"baseline.{b.Key}.worsened", b.Worsened),
            })],
        };
    }

    /// <summary>The sums a reader can check on the report: each row adds up to its total.</summary>
    private static IEnumerable<SmallCells.Sum> Sums(Report r)
    {
        SmallCells.Sum Sum(IEnumerable<string> parts, params string[] totals) => new([.. parts], totals);
        IEnumerable<string> Keys(string prefix, IEnumerable<string> keys) => keys.Select(k => $"{prefix}.{k}");
        var c = r.Cohort;
        foreach (var row in r.Impact)
        {
            yield return Sum(Keys($"impact.{row.Key}", row.Counts.Keys), "sheets");
        }
        foreach (var row in r.Prompts)
        {
            yield return Sum(Keys($"prompts.{row.Key}", row.Counts.Keys), "sheets");
        }
        yield return Sum(["cohort.families", "cohort.individuals"], "funders.handled");
        yield return Sum(Keys("cohort.adultAges", c.AdultAges.Select(b => b.Key)), "cohort.adults");
        yield return Sum(Keys("cohort.childAges", c.ChildAges.Select(b => b.Key)), "cohort.children");
        yield return Sum(Keys("cohort.yearsInCountry", c.YearsInCountry.Select(b => b.Key)), "cohort.adults");
        yield return Sum(Keys("cohort.nationalities", c.Nationalities.Select(b => b.Key)), "cohort.adults", "cohort.children");
        yield return Sum(Keys("cohort.currentStatus", c.CurrentStatus.Select(b => b.Key)), "funders.handled");
        yield return Sum(["funders.regularised", "funders.returned", "funders.removed"], "cohort.currentStatus.resolved");
        foreach (var row in r.Baseline)
        {
            yield return Sum(Keys($"baseline.{row.Key}", ["improved", "stayed", "worsened"]), $"baseline.{row.Key}.families");
        }
    }
}
