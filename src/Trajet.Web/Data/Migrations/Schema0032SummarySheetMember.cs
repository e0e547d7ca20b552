using Microsoft.EntityFrameworkCore.Migrations;

namespace Trajet.Web.Data.Migrations;

/// <summary>
/// The summary sheet names the member it describes and keeps the note's two final questions apart
/// (Features/Instruments/SummarySheet.cs). Sheets written before describe the first adult and keep one text.
/// </summary>
[Migration("20261206000032_SummarySheetMember")]
public sealed class Schema0032SummarySheetMember : Migration
{
    protected override void Up(MigrationBuilder mb)
    {
        // A plain column: SQLite cannot add a foreign key to an existing table, and the sheet is a snapshot anyway.
        mb.AddColumn<Guid>("MemberId", "SummarySheets", nullable: true);
        // Encrypted free text, unbounded as Schema0017 made the other texts of the sheet.
        mb.AddColumn<string>("ImpactFactors", "SummarySheets", nullable: true);
    }
}
