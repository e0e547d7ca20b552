using System.Globalization;
using System.Text;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Trajet.Web.Features.Imports;

/// <summary>One row of a spreadsheet: its number as the spreadsheet shows it (the header is row 1) and its cells.</summary>
public sealed record ImportRow(int Number, IReadOnlyList<string> Cells);

/// <summary>A spreadsheet's header and rows, blank rows left out (they keep their numbers).</summary>
public sealed record ImportSheet(IReadOnlyList<string> Headers, IReadOnlyList<ImportRow> Rows);

/// <summary>Why a file cannot be read at all: a message with its arguments, for the reader's language.</summary>
public sealed record FileProblem(string Message, params object[] Arguments);

/// <summary>
/// Reads an uploaded CSV (UTF-8, <c>,</c> or <c>;</c>, with or without a BOM) or XLSX (its first sheet) into rows of
/// text. A formula is refused, never evaluated; a leading apostrophe that an export put before <c>=</c>, <c>+</c>,
/// <c>-</c> or <c>@</c> is taken off.
/// </summary>
public static class ImportFile
{
    public const long MaxBytes = 20 * 1024 * 1024;

    // XLSX's own limit (column XFD).
    private const int MaxColumns = 16_384;

    public static (ImportSheet? Sheet, FileProblem? Problem) Read(byte[] content)
    {
        if (content.Length == 0)
        {
            return (null, new FileProblem("The file is empty."));
        }
        try
        {
            var (headers, rows, problem) = IsZip(content) ? ReadXlsx(content) : ReadCsv(content);
            if (problem is not null)
            {
                return (null, problem);
            }
            if (headers.All(string.IsNullOrWhiteSpace))
            {
                return (null, new FileProblem("The file has no header row: its first row must name the columns."));
            }
            return (new ImportSheet(headers, rows), null);
        }
        catch (Exception e) when (e is InvalidDataException or OpenXmlPackageException or IOException or FormatException or CsvFormatException
            or System.Xml.XmlException or ArgumentOutOfRangeException or KeyNotFoundException or InvalidOperationException)
        {
            return (null, new FileProblem("The file is not a CSV or XLSX spreadsheet."));
        }
    }

    private static bool IsZip(byte[] content) => content.Length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;

    private static (List<string> Headers, List<ImportRow> Rows, FileProblem? Problem) ReadCsv(byte[] content)
    {
        // Strict UTF-8: a file in another encoding (or not text at all) is refused rather than read as mojibake.
        if (!System.Text.Unicode.Utf8.IsValid(content) || content.Contains((byte)0))
        {
            return ([], [], new FileProblem("The file is not a CSV or XLSX spreadsheet: save it as CSV UTF-8 or as XLSX."));
        }
        // The separator is the one the header row uses most (never |, which separates the languages inside a cell).
        var lineEnd = Array.IndexOf(content, (byte)'\n');
        var firstLine = Encoding.UTF8.GetString(content, 0, lineEnd < 0 ? content.Length : lineEnd);
        var separator = firstLine.Count(c => c == ';') > firstLine.Count(c => c == ',') ? ';' : firstLine.Count(c => c == '\t') > firstLine.Count(c => c == ',') ? '\t' : ',';
        var options = new CsvReaderOptions { Separator = separator, HasHeader = false, SkipEmptyLines = false, DetectSeparatorHint = false };
        using var reader = CsvReader.Create(content, options);
        List<string>? headers = null;
        var rows = new List<ImportRow>();
        var number = 0;
        while (reader.Read())
        {
            number++;
            var cells = new string[reader.FieldCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = reader.GetString(i);
            }
            if (headers is null)
            {
                headers = HeaderRow(cells.Select(c => c.TrimStart('\uFEFF')));
                continue;
            }
            if (Row(number, cells, headers, out var problem) is { } row)
            {
                rows.Add(row);
            }
            if (problem is not null)
            {
                return ([], [], problem);
            }
        }
        return headers is null ? ([], [], new FileProblem("The file is empty.")) : (headers, rows, null);
    }

    private static (List<string> Headers, List<ImportRow> Rows, FileProblem? Problem) ReadXlsx(byte[] content)
    {
        using var memory = new MemoryStream(content, writable: false);
        using var document = SpreadsheetDocument.Open(memory, false);
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("No workbook.");
        var first = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault();
        if (first?.Id?.Value is not { } partId || workbook.GetPartById(partId) is not WorksheetPart worksheet)
        {
            return ([], [], new FileProblem("The file is empty."));
        }
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        List<string>? headers = null;
        var rows = new List<ImportRow>();
        // Row by row, without loading the whole sheet.
        using var reader = OpenXmlReader.Create(worksheet);
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                continue;
            }
            var row = (Row)reader.LoadCurrentElement()!;
            var number = (int)(row.RowIndex?.Value ?? (uint)(rows.Count + (headers is null ? 1 : 2)));
            // Each cell where its reference puts it, whatever their order; none past the last column a sheet may have.
            var byColumn = new SortedDictionary<int, string>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = ColumnIndex(cell.CellReference?.Value) ?? (byColumn.Count == 0 ? 0 : byColumn.Keys.Max() + 1);
                if (column >= MaxColumns)
                {
                    continue;
                }
                if (cell.CellFormula is not null)
                {
                    return ([], [], Formula(number, column, headers));
                }
                byColumn[column] = CellText(cell, shared);
            }
            var cells = new string[byColumn.Count == 0 ? 0 : byColumn.Keys.Max() + 1];
            Array.Fill(cells, "");
            foreach (var (column, text) in byColumn)
            {
                cells[column] = text;
            }
            if (headers is null)
            {
                if (number != 1 && cells.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }
                headers = HeaderRow(cells);
                continue;
            }
            if (Row(number, cells, headers, out var problem) is { } read)
            {
                rows.Add(read);
            }
            if (problem is not null)
            {
                return ([], [], problem);
            }
        }
        return headers is null ? ([], [], new FileProblem("The file is empty.")) : (headers, rows, null);
    }

    // The header's cells, trimmed, without the empty ones after the last column named.
    private static List<string> HeaderRow(IEnumerable<string> cells)
    {
        var headers = cells.Select(c => c.Trim()).ToList();
        while (headers.Count > 0 && headers[^1].Length == 0)
        {
            headers.RemoveAt(headers.Count - 1);
        }
        return headers;
    }

    // A row's cells, trimmed, as many as the header; null for a blank row. A formula stops the whole file.
    private static ImportRow? Row(int number, string[] cells, List<string> headers, out FileProblem? problem)
    {
        problem = null;
        var trimmed = new string[headers.Count];
        for (var i = 0; i < headers.Count; i++)
        {
            var cell = i < cells.Length ? cells[i].Trim() : "";
            if (cell.StartsWith('='))
            {
                problem = Formula(number, i, headers);
                return null;
            }
            // Taken off again: our exports (and spreadsheets) write '=… to keep a formula from running.
            if (cell.Length > 1 && cell[0] == '\'' && cell[1] is '=' or '+' or '-' or '@')
            {
                cell = cell[1..];
            }
            trimmed[i] = cell;
        }
        return trimmed.All(c => c.Length == 0) ? null : new ImportRow(number, trimmed);
    }

    private static FileProblem Formula(int row, int column, List<string>? headers) =>
        new("Row {0}, column {1}: a formula is not read. Type the value itself.", row, headers is not null && column < headers.Count ? headers[column] : column + 1);

    private static string CellText(Cell cell, List<string> shared)
    {
        var value = cell.CellValue?.Text ?? "";
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < shared.Count ? shared[i] : "";
        }
        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? "";
        }
        if (cell.DataType?.Value == CellValues.Boolean)
        {
            return value == "1" ? "yes" : "no";
        }
        return value;
    }

    // "C12" → 2.
    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
        {
            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }
        return index == 0 ? null : index - 1;
    }
}
