using System.Globalization;

namespace Trajet.Web.Features.Outreach;

/// <summary>
/// The dashboard as files for funders: CSV in long format, XLSX with one sheet per breakdown (the report exports'
/// writers), headers and codes in the reader's language (<see cref="ExportWords"/>).
/// </summary>
public static class OutreachExports
{
    private static IEnumerable<(string Table, IReadOnlyList<OutreachDashboard.Row> Rows)> Breakdowns(OutreachDashboard.Report r) =>
    [
        ("place", r.ByPlace), ("month", r.ByMonth), ("nationality", r.ByNationality), ("language", r.ByLanguage),
        ("topic", r.ByTopic), ("orientation", r.ByOrientation), ("outcome", r.ByOutcome),
    ];

    private static IEnumerable<(string Key, int Value)> Totals(OutreachDashboard.Report r) =>
    [
        ("contacts", r.Contacts), ("unique-people", r.UniquePeople), ("known-people", r.KnownPeople),
        ("anonymous-contacts", r.AnonymousContacts), ("follow-ups", r.FollowUps), ("mediator-interpreted", r.MediatorInterpreted),
    ];

    /// <summary>The title of a breakdown, as the dashboard's charts are titled.</summary>
    public static string Title(IStringLocalizer l, string table) => table switch
    {
        "totals" => l["Totals"],
        "place" => l["By place"],
        "month" => l["By month"],
        "nationality" => l["By nationality"],
        "language" => l["By language"],
        "topic" => l["Information given"],
        "orientation" => l["Orientation"],
        "outcome" => l["Outcomes"],
        _ => table,
    };

    /// <summary>A row of a breakdown as the dashboard shows it: a place or month as is, a code by its label.</summary>
    public static string Label(IStringLocalizer l, string table, string key) => table switch
    {
        "totals" => key switch
        {
            "contacts" => l["Contacts"],
            "unique-people" => l["Unique people"],
            "known-people" => l["Known people"],
            "anonymous-contacts" => l["Anonymous contacts"],
            "follow-ups" => l["Follow-ups"],
            "mediator-interpreted" => l["With a mediator"],
            _ => key,
        },
        "nationality" => Codes.CountryLabel(l, key),
        "language" => key == Codes.Unknown ? l["Unknown"] : Codes.LanguageName(key),
        "topic" => l["topic-" + key],
        "orientation" => l["service-" + key],
        "outcome" => l["outcome-" + key],
        _ => key,
    };

    public static byte[] Csv(OutreachDashboard.Report report, ExportWords w)
    {
        string Table(string table) => w.Code(table, l => Title(l, table));
        string Key(string table, string key) => w.Code(key, l => Label(l, table, key));
        var rows = Totals(report).Select(t => new object?[] { Table("totals"), Key("totals", t.Key), t.Value, null })
            .Concat(Breakdowns(report).SelectMany(b => b.Rows.Select(r => new object?[] { Table(b.Table), Key(b.Table, r.Key), r.Contacts, r.People })));
        return CsvFile.Write([w.L["export-table"], w.L["export-key"], w.L["export-contacts"], w.L["export-people"]], rows);
    }

    public static byte[] Xlsx(OutreachDashboard.Report report, ExportWords w)
    {
        string Sheet(string table)
        {
            var name = w.Code(CultureInfo.InvariantCulture.TextInfo.ToTitleCase(table), l => Title(l, table));
            return name.Length > 31 ? name[..31] : name; // a workbook's limit
        }
        return XlsxFile.Write(
            new[]
            {
                new XlsxFile.Table(Sheet("totals"), [w.L["export-item"], w.L["export-count"]],
                    Totals(report).Select(t => new object[] { w.Code(t.Key, l => Label(l, "totals", t.Key)), t.Value })),
            }
            .Concat(Breakdowns(report).Select(b => new XlsxFile.Table(Sheet(b.Table),
                [w.Code(b.Table, l => Title(l, b.Table)), w.L["export-contacts"], w.L["export-people"]],
                b.Rows.Select(r => new object[] { w.Code(r.Key, l => Label(l, b.Table, r.Key)), r.Contacts, r.People })))));
    }
}
