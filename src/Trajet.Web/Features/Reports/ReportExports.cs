using System.Globalization;

namespace Trajet.Web.Features.Reports;

/// <summary>
/// The evaluation report as files a spreadsheet program opens: CSV (long format) and XLSX (one sheet per table), with
/// headers and codes in the reader's language (<see cref="ExportWords"/>).
/// </summary>
public static class ReportExports
{
    /// <summary>How a count is written: as is, or hidden when small (see <see cref="ReportAccess.CellWriter"/>).</summary>
    public delegate string Cell(int count);

    private static readonly string[] Levels = ["negative", "none", "limited", "some", "considerable", "dont-know"];
    private static readonly string[] Answers = ["yes", "no", "dont-know", "not-applicable", "no-answer"];

    public static byte[] Csv(EvaluationReport.Report report, Cell cell, ExportWords w)
    {
        string Level(string level) => w.Code(level, l => l["level-" + level]);
        string Answer(string answer) => w.Code(answer, l => l["answer-" + answer]);
        string Impact(string key) => w.Code(key, l => l["impact-" + key]);
        var (sheets, impact, prompts, cohort) = (w.Code("sheets", l => l["Client summary sheets"]), w.Code("impact", l => l["Impact"]),
            w.Code("prompts", l => l["Prompting questions"]), w.Code("cohort", l => l["Cohort"]));
        IEnumerable<object?[]> Rows()
        {
            yield return [sheets, "", "", "", Value(cell, report.Sheets)];
            foreach (var row in report.Impact)
            {
                foreach (var level in Levels)
                {
                    yield return [impact, "", Impact(row.Key), Level(level), Value(cell, row.Counts[level])];
                }
                yield return [impact, "", Impact(row.Key), w.Code("positive-percent", l => l["Positive %"]), Math.Round(row.PositivePercent, 1)];
            }
            foreach (var row in report.Prompts)
            {
                var (group, question) = (row.Group.ToString(CultureInfo.InvariantCulture), w.Code(row.Key, l => l["prompt-" + row.Key]));
                foreach (var answer in Answers)
                {
                    yield return [prompts, group, question, Answer(answer), Value(cell, row.Counts[answer])];
                    yield return [prompts, group, question, AnswerPercent(w, answer), Percent(cell, row, answer)];
                }
            }
            foreach (var (key, value) in CohortRows(report, w))
            {
                yield return [cohort, "", key, "", Value(cell, value)];
            }
        }
        return CsvFile.Write([w.L["export-table"], w.L["export-group"], w.L["export-question"], w.L["export-answer"], w.L["export-count"]], Rows());
    }

    public static byte[] Xlsx(EvaluationReport.Report report, Cell cell, ExportWords w)
    {
        var levels = Levels.Select(level => w.Code(level, l => l["level-" + level]));
        var answers = Answers.Select(answer => w.Code(answer, l => l["answer-" + answer]));
        return XlsxFile.Write(
        [
            new XlsxFile.Table(w.L["export-sheet-impact"], [w.L["export-question"], .. levels, w.L["export-positive-percent"]],
                report.Impact.Select(r => new object[] { w.Code(r.Key, l => l["impact-" + r.Key]) }
                    .Concat(Levels.Select(l => Value(cell, r.Counts[l]))).Append(r.PositivePercent).ToArray())),
            new XlsxFile.Table(w.L["export-sheet-prompts"], [w.L["export-group"], w.L["export-question"], .. answers, .. Answers.Select(a => AnswerPercent(w, a))],
                report.Prompts.Select(r => new object[] { r.Group, w.Code(r.Key, l => l["prompt-" + r.Key]) }
                    .Concat(Answers.Select(a => Value(cell, r.Counts[a])))
                    .Concat(Answers.Select(a => Percent(cell, r, a) ?? (object)"")).ToArray())),
            new XlsxFile.Table(w.L["export-sheet-cohort"], [w.L["export-item"], w.L["export-count"]],
                CohortRows(report, w).Select(r => new[] { r.Key, Value(cell, r.Value) })),
        ]);
    }

    private static IEnumerable<(string Key, int Value)> CohortRows(EvaluationReport.Report report, ExportWords w)
    {
        var c = report.Cohort;
        (string, int) Row(string code, Func<IStringLocalizer, string> label, int value) => (w.Code(code, label), value);
        (string, int) Band(string prefix, string title, string key, int value) =>
            Row($"{prefix}-{key}", l => $"{l[title]}: {(prefix == "nationality" ? Codes.CountryLabel(l, key) : l["band-" + key])}", value);
        yield return Row("sheets", l => l["Client summary sheets"], report.Sheets);
        yield return Row("families", l => l["Families"], c.Families);
        yield return Row("individuals", l => l["Individuals"], c.Individuals);
        yield return Row("adults", l => l["Adults"], c.Adults);
        yield return Row("children", l => l["Children"], c.Children);
        foreach (var band in c.AdultAges)
        {
            yield return Band("adults-aged", "Adults by age", band.Key, band.Count);
        }
        foreach (var band in c.ChildAges)
        {
            yield return Band("children-aged", "Children by age", band.Key, band.Count);
        }
        foreach (var band in c.Nationalities)
        {
            yield return Band("nationality", "Nationalities", band.Key, band.Count);
        }
        foreach (var band in c.YearsInCountry)
        {
            yield return Band("years-in-country", "Years in the country", band.Key, band.Count);
        }
        yield return Row("ever-had-legal-stay", l => l["Ever had legal stay"], c.EverHadLegalStay);
        yield return Row("asked-asylum-on-arrival", l => l["Asked for asylum on arrival"], c.AskedAsylumOnArrival);
        yield return Row("home-visits", l => l["Home visits"], c.HomeVisits);
        yield return Row("referred", l => l["Referred in the period"], c.Referred);
        yield return Row("admitted", l => l["Of whom admitted"], c.Admitted);
        foreach (var band in c.CurrentStatus)
        {
            yield return Band("status", "Current status", band.Key, band.Count);
        }
        var f = report.Funders;
        yield return Row("handled", l => l["People handled (cases)"], f.Handled);
        yield return Row("returned", l => l["Returned voluntarily"], f.Returned);
        yield return Row("regularised", l => l["Regularised"], f.Regularised);
        yield return Row("absconded", l => l["Absconded"], f.Absconded);
    }

    // A count stays a number in the spreadsheet unless it is hidden.
    private static object Value(Cell cell, int count) => ImpactMath.Shown(count, cell) ? count : cell(count);

    // An answer's percentage, a number; left empty where its count is hidden or there is no sheet.
    private static double? Percent(Cell cell, EvaluationReport.PromptRow row, string answer) =>
        ImpactMath.ShownPercent(row.Counts[answer], row.Percent[answer], cell);

    private static string AnswerPercent(ExportWords w, string answer) =>
        w.Code(answer + "-percent", l => string.Format(CultureInfo.CurrentCulture, l["{0} (%)"], l["answer-" + answer]));
}
