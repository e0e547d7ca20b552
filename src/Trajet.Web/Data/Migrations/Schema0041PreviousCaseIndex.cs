using Microsoft.EntityFrameworkCore.Migrations;

namespace Trajet.Web.Data.Migrations;

/// <summary>
/// The index of a case's earlier case holds only the re-referrals. Almost every case has none: SQLite's statistics
/// counted all those as one value, so its planner read every case of the organisation to find a case's later ones
/// (BENCHMARKS.md, issue #27); a partial index is chosen at once.
/// </summary>
[Migration("20261207000041_PreviousCaseIndex")]
public sealed class Schema0041PreviousCaseIndex : Migration
{
    protected override void Up(MigrationBuilder mb)
    {
        mb.DropIndex("IX_Cases_PreviousCaseId", "Cases");
        mb.CreateIndex("IX_Cases_PreviousCaseId", "Cases", "PreviousCaseId", filter: "\"PreviousCaseId\" IS NOT NULL");
    }
}
