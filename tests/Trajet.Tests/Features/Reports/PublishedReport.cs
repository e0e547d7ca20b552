using System.Globalization;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Trajet.Tests.Features.Reports;

/// <summary>
/// The evaluation report's counts as a reader receives them (JSON, CSV or XLSX, null where hidden), named alike, and
/// the sums anyone can check on them: rows add up to their totals, and a percentage gives back its count.
/// </summary>
public sealed class PublishedReport
{
    public Dictionary<string, int?> Cells { get; } = [];
    private readonly List<Recompute.Sum> percents = [];

    /// <summary>The hidden counts that the shown ones give away.</summary>
    public List<string> Recoverable(int hiddenAtLeast) => Recompute.Recoverable(Cells, Sums(), hiddenAtLeast);

    public int Hidden => Cells.Values.Count(v => v is null);

    private IEnumerable<Recompute.Sum> Sums()
    {
        Recompute.Sum Sum(string prefix, params string[] totals) => new([.. Cells.Keys.Where(k => k.StartsWith(prefix + ".", StringComparison.Ordinal))], totals);
        foreach (var row in Cells.Keys.Where(k => k.StartsWith("impact.", StringComparison.Ordinal) || k.StartsWith("prompts.", StringComparison.Ordinal))
            .Select(k => k[..k.LastIndexOf('.')]).Distinct())
        {
            yield return Sum(row, "sheets");
        }
        yield return new(["cohort.families", "cohort.individuals"], ["funders.handled"]);
        yield return Sum("cohort.adultAges", "cohort.adults");
        yield return Sum("cohort.childAges", "cohort.children");
        yield return Sum("cohort.yearsInCountry", "cohort.adults");
        yield return Sum("cohort.nationalities", "cohort.adults", "cohort.children");
        yield return Sum("cohort.currentStatus", "funders.handled");
        yield return new(["funders.regularised", "funders.returned", "funders.removed"], ["cohort.currentStatus.resolved"]);
        foreach (var item in Cells.Keys.Where(k => k.StartsWith("baseline.", StringComparison.Ordinal)).Select(k => k.Split('.')[1]).Distinct())
        {
            yield return new([$"baseline.{item}.improved", $"baseline.{item}.stayed", $"baseline.{item}.worsened"], [$"baseline.{item}.families"]);
        }
        foreach (var sum in percents)
        {
            yield return sum;
        }
    }

    /// <summary>A shown percentage of the sheets gives back the counts it is made of.</summary>
    private void Percent(double? percent, params string[] counts)
    {
        if (percent is { } p && Cells.GetValueOrDefault("sheets") is { } sheets)
        {
            percents.Add(new(counts, [], (int)Math.Round(p * sheets / 100, MidpointRounding.AwayFromZero)));
        }
    }

    private static int? Count(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetInt32();

    private static double? Number(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetDouble();

    public static PublishedReport FromJson(JsonElement report)
    {
        var published = new PublishedReport();
        var cells = published.Cells;
        cells["sheets"] = Count(report.GetProperty("sheets"));
        foreach (var row in report.GetProperty("impact").EnumerateArray())
        {
            var key = row.GetProperty("key").GetString();
            foreach (var count in row.GetProperty("counts").EnumerateObject())
            {
                cells[$"impact.{key}.{count.Name}"] = Count(count.Value);
            }
            published.Percent(Number(row.GetProperty("positivePercent")), $"impact.{key}.some", $"impact.{key}.considerable");
        }
        foreach (var row in report.GetProperty("prompts").EnumerateArray())
        {
            var key = row.GetProperty("key").GetString();
            foreach (var count in row.GetProperty("counts").EnumerateObject())
            {
                cells[$"prompts.{key}.{count.Name}"] = Count(count.Value);
                published.Percent(Number(row.GetProperty("percent").GetProperty(count.Name)), $"prompts.{key}.{count.Name}");
            }
        }
        var cohort = report.GetProperty("cohort");
        foreach (var name in new[] { "families", "individuals", "adults", "children", "everHadLegalStay", "askedAsylumOnArrival", "homeVisits", "referred", "admitted" })
        {
            cells[$"cohort.{name}"] = Count(cohort.GetProperty(name));
        }
        foreach (var name in new[] { "adultAges", "childAges", "nationalities", "yearsInCountry", "currentStatus" })
        {
            foreach (var band in cohort.GetProperty(name).EnumerateArray())
            {
                cells[$"cohort.{name}.{band.GetProperty("key").GetString()}"] = Count(band.GetProperty("count"));
            }
        }
        foreach (var name in new[] { "inCountryMoreThan5Years", "askedAsylumOnArrival", "everHadLegalStay" })
        {
            cells[$"cohort.perFamily.{name}"] = Count(cohort.GetProperty("perFamily").GetProperty(name));
        }
        foreach (var name in new[] { "handled", "returned", "regularised", "absconded", "removed", "reDetained" })
        {
            cells[$"funders.{name}"] = Count(report.GetProperty("funders").GetProperty(name));
        }
        foreach (var row in report.GetProperty("baseline").EnumerateArray())
        {
            foreach (var name in new[] { "families", "improved", "stayed", "worsened" })
            {
                cells[$"baseline.{row.GetProperty("key").GetString()}.{name}"] = Count(row.GetProperty(name));
            }
        }
        return published;
    }

    /// <summary>The CSV in codes (a client that names no language): table, group, question, answer, count.</summary>
    public static PublishedReport FromCsv(string csv)
    {
        var published = new PublishedReport();
        var rows = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToList();
        foreach (var r in rows.Where(r => !r[3].EndsWith("percent", StringComparison.Ordinal) && !NotCounts.Contains(r[2])))
        {
            var key = r[0] switch
            {
                "sheets" => "sheets",
                "impact" or "prompts" => $"{r[0]}.{r[2]}.{r[3]}",
                "baseline" => $"baseline.{r[2]}.{r[3]}",
                _ => CohortKey(r[2]),
            };
            published.Cells[key] = CsvCount(r[4]);
        }
        foreach (var r in rows.Where(r => r[3].EndsWith("percent", StringComparison.Ordinal)))
        {
            double? percent = r[4] == "hidden" || r[4] == "" ? null : double.Parse(r[4], CultureInfo.InvariantCulture);
            published.Percent(percent, r[3] == "positive-percent" ? [$"impact.{r[2]}.some", $"impact.{r[2]}.considerable"] : [$"prompts.{r[2]}.{r[3][..^"-percent".Length]}"]);
        }
        return published;
    }

    /// <summary>The XLSX in codes: the Impact, Prompts, Cohort and Baseline sheets.</summary>
    public static PublishedReport FromXlsx(byte[] file)
    {
        var published = new PublishedReport();
        using var document = SpreadsheetDocument.Open(new MemoryStream(file), false);
        var workbook = document.WorkbookPart!;
        List<List<string>> Table(string name)
        {
            var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name!.Value == name);
            return [.. ((WorksheetPart)workbook.GetPartById(sheet.Id!.Value!)).Worksheet.Descendants<Row>()
                .Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToList())];
        }
        void Rows(string name, Func<List<string>, string> prefix, int from)
        {
            var table = Table(name);
            foreach (var row in table.Skip(1))
            {
                for (var i = from; i < row.Count; i++)
                {
                    var column = table[0][i];
                    if (column.EndsWith("percent", StringComparison.Ordinal) || column == "positive %")
                    {
                        double? percent = row[i] is "hidden" or "" ? null : double.Parse(row[i], CultureInfo.InvariantCulture);
                        var answer = column == "positive %" ? null : column[..^"-percent".Length];
                        published.Percent(percent, answer is null ? [$"{prefix(row)}.some", $"{prefix(row)}.considerable"] : [$"{prefix(row)}.{answer}"]);
                    }
                    else
                    {
                        published.Cells[$"{prefix(row)}.{column}"] = CsvCount(row[i]);
                    }
                }
            }
        }
        foreach (var row in Table("Cohort").Skip(1).Where(r => !NotCounts.Contains(r[0])))
        {
            published.Cells[CohortKey(row[0])] = CsvCount(row[1]);
        }
        Rows("Impact", r => $"impact.{r[0]}", 1);
        Rows("Prompts", r => $"prompts.{r[1]}", 2);
        Rows("Baseline", r => $"baseline.{r[0]}", 1);
        return published;
    }

    // The cohort's basis and the family's fewest and most years are not counts.
    private static readonly string[] NotCounts = ["basis", "families-min-years-in-country", "families-max-years-in-country"];

    private static int? CsvCount(string text) => text == "hidden" ? null : int.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>The exports' cohort codes under the JSON's names.</summary>
    private static string CohortKey(string code)
    {
        foreach (var (prefix, name) in new[] { ("adults-aged-", "adultAges"), ("children-aged-", "childAges"), ("nationality-", "nationalities"),
            ("years-in-country-", "yearsInCountry"), ("status-", "currentStatus") })
        {
            if (code.StartsWith(prefix, StringComparison.Ordinal))
            {
                return $"cohort.{name}.{code[prefix.Length..]}";
            }
        }
        return code switch
        {
            "sheets" => "sheets",
            "handled" or "returned" or "regularised" or "absconded" => $"funders.{code}",
            "families-in-country-more-than-5-years" => "cohort.perFamily.inCountryMoreThan5Years",
            "families-asked-asylum-on-arrival" => "cohort.perFamily.askedAsylumOnArrival",
            "families-ever-had-legal-stay" => "cohort.perFamily.everHadLegalStay",
            _ => "cohort." + string.Concat(code.Split('-').Select((w, i) => i == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..])),
        };
    }
}
