using System.Globalization;

namespace Trajet.Web.Features.Reports;

/// <summary>The evaluation report as files a spreadsheet program opens: CSV (long format) and XLSX (one sheet per table).</summary>
public static class ReportExports
{
    /// <summary>How a count is written: as is, or hidden when small (see <see cref="ReportAccess.CellWriter"/>).</summary>
    public delegate string Cell(int count);

    private static readonly string[] Levels = ["negative", "none", "limited", "some", "considerable", "dont-know"];
    private static readonly string[] Answers = ["yes", "no", "dont-know", "not-applicable", "no-answer"];

    public static byte[] Csv(EvaluationReport.Report report, Cell cell)
    {
        IEnumerable<object[]> Rows()
        {
            yield return ["sheets", "", "", "", Value(cell, report.Sheets)];
            foreach (var row in report.Impact)
            {
                foreach (var level in Levels)
                {
                    yield return ["impact", "", row.Key, level, Value(cell, row.Counts[level])];
                }
                yield return ["impact", "", row.Key, "positive-percent", Math.Round(row.PositivePercent, 1)];
            }
            foreach (var row in report.Prompts)
            {
                foreach (var answer in Answers)
                {
                    yield return ["prompts", row.Group.ToString(CultureInfo.InvariantCulture), row.Key, answer, Value(cell, row.Counts[answer])];
                }
            }
            foreach (var (key, value) in CohortRows(report))
            {
                yield return ["cohort", "", key, "", Value(cell, value)];
            }
        }
        return CsvFile.Write(["table", "group", "question", "answer", "count"], Rows());
    }

    public static byte[] Xlsx(EvaluationReport.Report report, Cell cell) =>
        XlsxFile.Write(
        [
            new XlsxFile.Table("Impact", ["question", .. Levels, "positive %"],
                report.Impact.Select(r => new object[] { r.Key }.Concat(Levels.Select(l => Value(cell, r.Counts[l]))).Append(r.PositivePercent).ToArray())),
            new XlsxFile.Table("Prompts", ["group", "question", .. Answers],
                report.Prompts.Select(r => new object[] { r.Group, r.Key }.Concat(Answers.Select(a => Value(cell, r.Counts[a]))).ToArray())),
            new XlsxFile.Table("Cohort", ["item", "count"], CohortRows(report).Select(r => new[] { r.Key, Value(cell, r.Value) })),
        ]);

    private static IEnumerable<(string Key, int Value)> CohortRows(EvaluationReport.Report report)
    {
        var c = report.Cohort;
        yield return ("sheets", report.Sheets);
        yield return ("families", c.Families);
        yield return ("individuals", c.Individuals);
        yield return ("adults", c.Adults);
        yield return ("children", c.Children);
        foreach (var band in c.AdultAges)
        {
            yield return ($"adults-aged-{band.Key}", band.Count);
        }
        foreach (var band in c.ChildAges)
        {
            yield return ($"children-aged-{band.Key}", band.Count);
        }
        foreach (var band in c.Nationalities)
        {
            yield return ($"nationality-{band.Key}", band.Count);
        }
        foreach (var band in c.YearsInCountry)
        {
            yield return ($"years-in-country-{band.Key}", band.Count);
        }
        yield return ("ever-had-legal-stay", c.EverHadLegalStay);
        yield return ("asked-asylum-on-arrival", c.AskedAsylumOnArrival);
        yield return ("home-visits", c.HomeVisits);
        yield return ("referred", c.Referred);
        yield return ("admitted", c.Admitted);
        foreach (var band in c.CurrentStatus)
        {
            yield return ($"status-{band.Key}", band.Count);
        }
        var f = report.Funders;
        yield return ("handled", f.Handled);
        yield return ("returned", f.Returned);
        yield return ("regularised", f.Regularised);
        yield return ("absconded", f.Absconded);
    }

    // A count stays a number in the spreadsheet unless it is hidden.
    private static object Value(Cell cell, int count)
    {
        var text = cell(count);
        return text == count.ToString(CultureInfo.InvariantCulture) ? count : text;
    }
}
