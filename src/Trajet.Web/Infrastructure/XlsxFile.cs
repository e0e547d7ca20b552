using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Trajet.Web.Infrastructure;

/// <summary>The XLSX writer of every export: one sheet per table, numbers as numbers, text as inline strings (never formulas).</summary>
public static class XlsxFile
{
    /// <summary>One table of a workbook: a sheet name, its header row and its rows.</summary>
    public sealed record Table(string Name, string[] Headers, IEnumerable<object[]> Rows);

    public static byte[] Write(IEnumerable<Table> tables)
    {
        using var memory = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(memory, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            foreach (var table in tables)
            {
                AddSheet(workbook, table);
            }
            workbook.Workbook.Save();
        }
        return memory.ToArray();
    }

    private static void AddSheet(WorkbookPart workbook, Table table)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        data.Append(Row(table.Headers));
        foreach (var row in table.Rows)
        {
            data.Append(Row(row));
        }
        part.Worksheet = new Worksheet(data);
        var sheets = workbook.Workbook.Sheets!;
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)sheets.Count() + 1, Name = table.Name });
    }

    private static Row Row(IEnumerable<object> values) =>
        new(values.Select(v => v switch
        {
            int or double => new Cell
            {
                DataType = CellValues.Number,
                CellValue = new CellValue(Convert.ToString(v, CultureInfo.InvariantCulture)!),
            },
            _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(v.ToString()!)) },
        }));
}
