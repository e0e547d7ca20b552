using System.Globalization;
using System.Text;
using CsvHelper;

namespace Trajet.Web.Infrastructure;

/// <summary>
/// The one CSV writer of every export (UTF-8 with a BOM): text that a spreadsheet would run as a formula gets a leading
/// apostrophe, numbers stay numbers; French and Dutch readers get <c>;</c> and decimal commas, as their spreadsheets expect.
/// </summary>
public static class CsvFile
{
    /// <param name="rows">Cells are text, or numbers (int, long, double, decimal) that stay numbers; null is an empty cell.</param>
    /// <param name="reader">The reader's language; the request's by default.</param>
    public static byte[] Write(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows, CultureInfo? reader = null)
    {
        reader ??= CultureInfo.CurrentUICulture;
        var semicolon = reader.TwoLetterISOLanguageName is "fr" or "nl";
        var options = new CsvWriterOptions
        {
            Injection = CsvInjection.Escape,
            InjectionEscape = '\'',
            Separator = semicolon ? ';' : ',',
            FormatProvider = semicolon ? reader : CultureInfo.InvariantCulture,
        };
        using var memory = new MemoryStream();
        using (var writer = new StreamWriter(memory, new UTF8Encoding(true), leaveOpen: true))
        using (var csv = CsvWriter.Create(writer, options, leaveOpen: true))
        {
            foreach (var header in headers)
            {
                csv.WriteField(header);
            }
            csv.EndRecord();
            foreach (var row in rows)
            {
                foreach (var cell in row)
                {
                    WriteCell(csv, cell);
                }
                csv.EndRecord();
            }
            csv.Flush();
        }
        return memory.ToArray();
    }

    private static void WriteCell(CsvWriter csv, object? cell)
    {
        switch (cell)
        {
            case int n: csv.WriteField(n); break;
            case long n: csv.WriteField(n); break;
            case double n: csv.WriteField(n); break;
            case decimal n: csv.WriteField(n); break;
            case null: csv.WriteField(""); break;
            default: csv.WriteField(Convert.ToString(cell, CultureInfo.InvariantCulture)); break;
        }
    }
}
