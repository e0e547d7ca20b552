using Microsoft.EntityFrameworkCore.Migrations;

namespace Trajet.Web.Data.Migrations;

/// <summary>
/// A summary sheet belongs to its case's family (Case.FamilyId), so that the evaluation counts one latest sheet per
/// family, a re-referred family's sheets on its two cases included (Features/Instruments/LatestSheet.cs).
/// </summary>
[Migration("20261206000033_SheetFamily")]
public sealed class Schema0033SheetFamily : Migration
{
    protected override void Up(MigrationBuilder mb)
    {
        mb.AddColumn<Guid>("FamilyId", "SummarySheets", nullable: false, defaultValue: Guid.Empty);
        mb.Sql("""
            UPDATE "SummarySheets" SET "FamilyId" = (SELECT c."FamilyId" FROM "Cases" AS c WHERE c."Id" = "SummarySheets"."CaseId")
            """);
        mb.Sql("""
            UPDATE "SummarySheets" SET "IsLatest" = NOT EXISTS (SELECT 1 FROM "SummarySheets" AS o WHERE o."FamilyId" = "SummarySheets"."FamilyId" AND o."ProgrammeId" = "SummarySheets"."ProgrammeId"
                AND (o."Date" > "SummarySheets"."Date" OR (o."Date" = "SummarySheets"."Date" AND o."CreatedAt" > "SummarySheets"."CreatedAt")))
            """);
        mb.CreateIndex("IX_SummarySheets_FamilyId_Date_CreatedAt", "SummarySheets", ["FamilyId", "Date", "CreatedAt"]);
    }
}
