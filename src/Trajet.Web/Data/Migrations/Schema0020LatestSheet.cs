using Microsoft.EntityFrameworkCore.Migrations;

namespace Trajet.Web.Data.Migrations;

/// <summary>
/// Marks each case's latest summary sheet (<see cref="Features.Instruments.LatestSheet"/>), so that the evaluation
/// report over all time reads the marked sheets instead of comparing every sheet with the others of its case.
/// </summary>
[Migration("20261122000020_LatestSheet")]
public sealed class Schema0020LatestSheet : Migration
{
    protected override void Up(MigrationBuilder mb)
    {
        mb.AddColumn<bool>("IsLatest", "SummarySheets", nullable: false, defaultValue: false);
        mb.Sql("""
            UPDATE "SummarySheets" SET "IsLatest" = TRUE
            WHERE NOT EXISTS (SELECT 1 FROM "SummarySheets" AS o WHERE o."CaseId" = "SummarySheets"."CaseId"
                AND (o."Date" > "SummarySheets"."Date" OR (o."Date" = "SummarySheets"."Date" AND o."CreatedAt" > "SummarySheets"."CreatedAt")));
            """);
        mb.CreateIndex("IX_SummarySheets_ProgrammeId_Latest", "SummarySheets", "ProgrammeId", filter: "\"IsLatest\"");
    }
}
