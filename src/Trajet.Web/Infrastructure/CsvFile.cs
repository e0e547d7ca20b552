using System.Globalization;
using System.Text;
using CsvHelper;

namespace Trajet.Web.Infrastructure;

/// <summary>
/// The one CSV writer of every export (UTF-8 with a BOM): text that a spreadsheet would run as a formula gets a leading
/// apostrophe, numbers stay numbers; French and Dutch readers get <c>;</c> and decimal commas, as their spreadsheets expect.
/// Files meant for another program (the whole-organisation archive) are written in one invariant format instead
/// (<see cref="WriteInvariantAsync"/>).
/// </summary>
public static class CsvFile
{
    /// <summary>
    /// The invariant format, whoever reads: <c>,</c>, UTF-8 with a BOM, dates <c>yyyy-MM-dd</c>, times ISO 8601 in UTC,
    /// codes kebab-case, <c>yes</c>/<c>no</c>; a text that starts like a formula still gets its apostrophe.
    /// </summary>
    private static readonly CsvWriterOptions Invariant = new()
    {
        Injection = CsvInjection.Escape,
        InjectionEscape = '\'',
        Separator = ',',
        FormatProvider = CultureInfo.InvariantCulture,
        WriteByteOrderMark = true,
        TrueValue = "yes",
        FalseValue = "no",
    };

    /// <summary>
    /// Writes the headers, then each row as it arrives, in the invariant format, to a stream that stays open; the
    /// buffer goes out asynchronously (a response body refuses synchronous writes). Answers the number of rows.
    /// </summary>
    /// <param name="rows">Cells as stored: text, numbers, dates, times, enums, yes/no, ids; null is an empty cell.</param>
    public static async Task<int> WriteInvariantAsync(Stream destination, IReadOnlyList<string> headers, IAsyncEnumerable<IReadOnlyList<object?>> rows,
        CancellationToken ct)
    {
        var count = 0;
        await using var csv = CsvWriter.Create(destination, Invariant, leaveOpen: true);
        foreach (var header in headers)
        {
            csv.WriteField(header);
        }
        await csv.EndRecordAsync(ct);
        await foreach (var row in rows.WithCancellation(ct))
        {
            foreach (var cell in row)
            {
                WriteInvariantCell(csv, cell);
            }
            await csv.EndRecordAsync(ct);
            count++;
        }
        await csv.FlushAsync(ct);
        return count;
    }

    private static void WriteInvariantCell(CsvWriter csv, object? cell)
    {
        switch (cell)
        {
            case null: csv.WriteField(""); break;
            case string text: csv.WriteField(text); break;
            case bool yes: csv.WriteField(yes); break;
            case Enum code: csv.WriteField(code.ToKebab()); break;
            case DateOnly date: csv.WriteField(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
            // Stored in UTC: a provider that reads the kind back as unspecified gets the same text as one that reads it as UTC.
            case DateTime at: csv.WriteField((at.Kind == DateTimeKind.Local ? at.ToUniversalTime() : DateTime.SpecifyKind(at, DateTimeKind.Utc)).ToString("O", CultureInfo.InvariantCulture)); break;
            case DateTimeOffset at: csv.WriteField(at.ToString("O", CultureInfo.InvariantCulture)); break;
            case TimeOnly time: csv.WriteField(time.ToString("HH:mm:ss", CultureInfo.InvariantCulture)); break;
            case Guid id: csv.WriteField(id.ToString("D")); break;
            default: WriteCell(csv, cell); break;
        }
    }

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
