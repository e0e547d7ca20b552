using Microsoft.EntityFrameworkCore.Migrations;

namespace Trajet.Web.Data.Migrations;

/// <summary>
/// Configured texts in French, Dutch and English (Infrastructure/LocalizedText.cs) beside each default column, which
/// keeps its text: criteria, deadline rules and the rule copied onto an event, desks, places and organisations.
/// </summary>
[Migration("20261206000027_LocalizedTexts")]
public sealed class Schema0027LocalizedTexts : Migration
{
    protected override void Up(MigrationBuilder mb)
    {
        foreach (var (table, column, maxLength) in new[]
        {
            ("AdmissionCriteria", "Text", 500),
            ("DeadlineRules", "Label", 300),
            ("LegalEvents", "DeadlineSource", 300),
            ("Desks", "Name", 200),
            ("OutreachPlaces", "Name", 200),
            ("Organisations", "Name", 200),
        })
        {
            foreach (var language in new[] { "Fr", "Nl", "En" })
            {
                mb.AddColumn<string>(column + language, table, maxLength: maxLength, nullable: true);
            }
        }
    }
}
