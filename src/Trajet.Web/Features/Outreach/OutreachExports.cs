using System.Globalization;

namespace Trajet.Web.Features.Outreach;

/// <summary>The dashboard as files for funders: CSV in long format, XLSX with one sheet per breakdown (the report exports' writers).</summary>
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

    public static byte[] Csv(OutreachDashboard.Report report)
    {
        var rows = Totals(report).Select(t => new object?[] { "totals", t.Key, t.Value, null })
            .Concat(Breakdowns(report).SelectMany(b => b.Rows.Select(r => new object?[] { b.Table, r.Key, r.Contacts, r.People })));
        return CsvFile.Write(["table", "key", "contacts", "people"], rows);
    }

    public static byte[] Xlsx(OutreachDashboard.Report report) =>
        XlsxFile.Write(
            new[] { new XlsxFile.Table("Totals", ["item", "count"], Totals(report).Select(t => new object[] { t.Key, t.Value })) }
            .Concat(Breakdowns(report).Select(b => new XlsxFile.Table(
                CultureInfo.InvariantCulture.TextInfo.ToTitleCase(b.Table), [b.Table, "contacts", "people"],
                b.Rows.Select(r => new object[] { r.Key, r.Contacts, r.People })))));
}
