using System.Globalization;

namespace Trajet.Web.Features.Reports;

/// <summary>
/// The evaluation report as files a spreadsheet program opens: CSV (long format) and XLSX (one sheet per table), with
/// headers and codes in the reader's language (<see cref="ExportWords"/>).
/// </summary>
public static class ReportExports
{
    private static readonly string[] Levels = ["negative", "none", "limited", "some", "considerable", "dont-know"];
    private static readonly string[] Answers = ["yes", "no", "dont-know", "not-applicable", "no-answer"];

    public static byte[] Csv(EvaluationReport.Report report, ExportWords w)
    {
        string Level(string level) => w.Code(level, l => l["level-" + level]);
        string Answer(string answer) => w.Code(answer, l => l["answer-" + answer]);
        string Impact(string key) => w.Code(key, l => l["impact-" + key]);
        var (sheets, impact, prompts, cohort) = (w.Code("sheets", l => l["Client summary sheets"]), w.Code("impact", l => l["Impact"]),
            w.Code("prompts", l => l["Prompting questions"]), w.Code("cohort", l => l["Cohort"]));
        IEnumerable<object?[]> Rows()
        {
            yield return [sheets, "", "", "", Value(w, report.Sheets)];
            foreach (var row in report.Impact)
            {
                foreach (var level in Levels)
                {
                    yield return [impact, "", Impact(row.Key), Level(level), Value(w, row.Counts[level])];
                }
                yield return [impact, "", Impact(row.Key), w.Code("positive-percent", l => l["Positive %"]), row.PositivePercent is { } positive ? Math.Round(positive, 1) : Hidden(w)];
            }
            foreach (var row in report.Prompts)
            {
                var (group, question) = (row.Group.ToString(CultureInfo.InvariantCulture), w.Code(row.Key, l => l["prompt-" + row.Key]));
                foreach (var answer in Answers)
                {
                    yield return [prompts, group, question, Answer(answer), Value(w, row.Counts[answer])];
                    yield return [prompts, group, question, AnswerPercent(w, answer), Percent(w, row, answer)];
                }
            }
            yield return [cohort, "", Basis(w), BasisValue(w, report), ""];
            foreach (var (key, value) in CohortRows(report, w))
            {
                yield return [cohort, "", key, "", Value(w, value)];
            }
            var baseline = w.Code("baseline", l => l["Baseline sheets"]);
            foreach (var row in report.Baseline)
            {
                var (item, label) = (row.Item.ToString(CultureInfo.InvariantCulture), BaselineItem(w, row));
                foreach (var (code, value) in BaselineCells(w, row))
                {
                    yield return [baseline, item, label, code, Value(w, value)];
                }
            }
        }
        return CsvFile.Write([w.L["export-table"], w.L["export-group"], w.L["export-question"], w.L["export-answer"], w.L["export-count"]], Rows());
    }

    public static byte[] Xlsx(EvaluationReport.Report report, ExportWords w)
    {
        var levels = Levels.Select(level => w.Code(level, l => l["level-" + level]));
        var answers = Answers.Select(answer => w.Code(answer, l => l["answer-" + answer]));
        return XlsxFile.Write(
        [
            new XlsxFile.Table(w.L["export-sheet-impact"], [w.L["export-question"], .. levels, w.L["export-positive-percent"]],
                report.Impact.Select(r => new object[] { w.Code(r.Key, l => l["impact-" + r.Key]) }
                    .Concat(Levels.Select(l => Value(w, r.Counts[l]))).Append(r.PositivePercent ?? (object)Hidden(w)).ToArray())),
            new XlsxFile.Table(w.L["export-sheet-prompts"], [w.L["export-group"], w.L["export-question"], .. answers, .. Answers.Select(a => AnswerPercent(w, a))],
                report.Prompts.Select(r => new object[] { r.Group, w.Code(r.Key, l => l["prompt-" + r.Key]) }
                    .Concat(Answers.Select(a => Value(w, r.Counts[a])))
                    .Concat(Answers.Select(a => Percent(w, r, a) ?? "")).ToArray())),
            new XlsxFile.Table(w.L["export-sheet-cohort"], [w.L["export-item"], w.L["export-count"]],
                CohortRows(report, w).Select(r => new[] { r.Key, Value(w, r.Value) }).Prepend([Basis(w), BasisValue(w, report)])),
            new XlsxFile.Table(w.L["export-sheet-baseline"], [w.L["export-item"], .. BaselineCells(w, report.Baseline[0]).Select(c => c.Code)],
                report.Baseline.Select(r => new object[] { BaselineItem(w, r) }.Concat(BaselineCells(w, r).Select(c => Value(w, c.Value))).ToArray())),
        ]);
    }

    private static IEnumerable<(string Key, int? Value)> CohortRows(EvaluationReport.Report report, ExportWords w)
    {
        var c = report.Cohort;
        (string, int?) Row(string code, Func<IStringLocalizer, string> label, int? value) => (w.Code(code, label), value);
        (string, int?) Band(string prefix, string title, string key, int? value) =>
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
        var p = c.PerFamily;
        yield return Row("families-in-country-more-than-5-years", l => l["Families in the country more than 5 years"], p.InCountryMoreThan5Years);
        yield return Row("families-asked-asylum-on-arrival", l => l["Families who asked for asylum on arrival"], p.AskedAsylumOnArrival);
        yield return Row("families-ever-had-legal-stay", l => l["Families who ever had legal stay"], p.EverHadLegalStay);
        yield return Row("families-min-years-in-country", l => l["Fewest years in the country (family)"], p.MinYearsInCountry);
        yield return Row("families-max-years-in-country", l => l["Most years in the country (family)"], p.MaxYearsInCountry);
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

    // A count stays a number in the spreadsheet unless it is hidden (ReportCells).
    private static object Value(ExportWords w, int? count) => count ?? (object)Hidden(w);

    // An answer's percentage: hidden with its count, empty when there is no sheet.
    private static object? Percent(ExportWords w, EvaluationReport.PromptRow row, string answer) =>
        row.Counts[answer] is null ? Hidden(w) : row.Percent[answer];

    private static string Hidden(ExportWords w) => w.Code("hidden", l => l["hidden"]);

    private static string Basis(ExportWords w) => w.Code("basis", l => l["Cohort basis"]);

    private static string BasisValue(ExportWords w, EvaluationReport.Report report) => w.Code(report.Cohort.Basis, l => l["basis-" + report.Cohort.Basis]);

    private static string BaselineItem(ExportWords w, EvaluationReport.BaselineRow row) =>
        w.Code(row.Key, l => $"{row.Item}. {l[Instruments.BaselineItems.All[row.Item - 1].Label]}");

    private static IEnumerable<(string Code, int? Value)> BaselineCells(ExportWords w, EvaluationReport.BaselineRow row) =>
    [
        (w.Code("families", l => l["Families compared"]), row.Families), (w.Code("improved", l => l["Improved"]), row.Improved),
        (w.Code("stayed", l => l["Stayed the same"]), row.Stayed), (w.Code("worsened", l => l["Worsened"]), row.Worsened),
    ];

    private static string AnswerPercent(ExportWords w, string answer) =>
        w.Code(answer + "-percent", l => string.Format(CultureInfo.CurrentCulture, l["{0} (%)"], l["answer-" + answer]));
}
