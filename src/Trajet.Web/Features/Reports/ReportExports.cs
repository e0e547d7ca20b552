using System.Globalization;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

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
        IEnumerable<string[]> Rows()
        {
            yield return ["sheets", "", "", "", cell(report.Sheets)];
            foreach (var row in report.Impact)
            {
                foreach (var level in Levels)
                {
                    yield return ["impact", "", row.Key, level, cell(row.Counts[level])];
                }
                yield return ["impact", "", row.Key, "positive-percent", row.PositivePercent.ToString("0.0", CultureInfo.InvariantCulture)];
            }
            foreach (var row in report.Prompts)
            {
                foreach (var answer in Answers)
                {
                    yield return ["prompts", row.Group.ToString(CultureInfo.InvariantCulture), row.Key, answer, cell(row.Counts[answer])];
                }
            }
            foreach (var (key, value) in CohortRows(report))
            {
                yield return ["cohort", "", key, "", cell(value)];
            }
        }
        return CsvTable(["table", "group", "question", "answer", "count"], Rows());
    }

    public static byte[] Xlsx(EvaluationReport.Report report, Cell cell) =>
        XlsxTables(
        [
            new("Impact", ["question", .. Levels, "positive %"],
                report.Impact.Select(r => new object[] { r.Key }.Concat(Levels.Select(l => Value(cell, r.Counts[l]))).Append(r.PositivePercent).ToArray())),
            new("Prompts", ["group", "question", .. Answers],
                report.Prompts.Select(r => new object[] { r.Group, r.Key }.Concat(Answers.Select(a => Value(cell, r.Counts[a]))).ToArray())),
            new("Cohort", ["item", "count"], CohortRows(report).Select(r => new[] { r.Key, Value(cell, r.Value) })),
        ]);

    /// <summary>One table of a workbook: a sheet name, its header row and its rows (numbers stay numbers).</summary>
    public sealed record Table(string Name, string[] Headers, IEnumerable<object[]> Rows);

    /// <summary>A CSV file (UTF-8 with BOM, so spreadsheet programs read accents) of a header row and rows.</summary>
    public static byte[] CsvTable(string[] headers, IEnumerable<string[]> rows)
    {
        using var memory = new MemoryStream();
        using (var writer = new StreamWriter(memory, new System.Text.UTF8Encoding(true), leaveOpen: true))
        using (var csv = CsvWriter.Create(writer, new CsvWriterOptions(), leaveOpen: true))
        {
            foreach (var row in rows.Prepend(headers))
            {
                foreach (var field in row)
                {
                    csv.WriteField(field);
                }
                csv.EndRecord();
            }
            csv.Flush();
        }
        return memory.ToArray();
    }

    /// <summary>An XLSX workbook with one sheet per table.</summary>
    public static byte[] XlsxTables(IEnumerable<Table> tables)
    {
        using var memory = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(memory, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            foreach (var table in tables)
            {
                AddSheet(workbook, table.Name, table.Headers, table.Rows);
            }
            workbook.Workbook.Save();
        }
        return memory.ToArray();
    }

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

    private static void AddSheet(WorkbookPart workbook, string name, string[] headers, IEnumerable<object[]> rows)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        data.Append(Row(headers.Cast<object>()));
        foreach (var row in rows)
        {
            data.Append(Row(row));
        }
        part.Worksheet = new Worksheet(data);
        var sheets = workbook.Workbook.Sheets!;
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)sheets.Count() + 1, Name = name });
    }

    private static Row Row(IEnumerable<object> values) =>
        new(values.Select(v => v switch
        {
            int or double => new DocumentFormat.OpenXml.Spreadsheet.Cell
            {
                DataType = CellValues.Number,
                CellValue = new CellValue(Convert.ToString(v, CultureInfo.InvariantCulture)!),
            },
            _ => new DocumentFormat.OpenXml.Spreadsheet.Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(v.ToString()!)) },
        }));
}
