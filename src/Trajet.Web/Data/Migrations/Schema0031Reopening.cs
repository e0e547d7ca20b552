using Microsoft.EntityFrameworkCore.Migrations;

namespace Trajet.Web.Data.Migrations;

/// <summary>
/// Reopened cases and linked re-referrals (Features/Cases/CaseSupportPeriod.cs, Case.FamilyId and PreviousCaseId):
/// the periods of support, one per admitted case so far; each case its own family; each closure's outcome kept in
/// the history, since reopening clears it from the case.
/// </summary>
[Migration("20261206000031_Reopening")]
public sealed class Schema0031Reopening : Migration
{
    protected override void Up(MigrationBuilder mb)
    {
        mb.CreateTable("CaseSupportPeriods", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            CaseId = t.Column<Guid>(nullable: false),
            ProgrammeId = t.Column<Guid>(nullable: false),
            From = t.Column<DateOnly>(nullable: false),
            To = t.Column<DateOnly>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_CaseSupportPeriods", x => x.Id);
            t.ForeignKey("FK_CaseSupportPeriods_Cases_CaseId", x => x.CaseId, "Cases", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_CaseSupportPeriods_Programmes_ProgrammeId", x => x.ProgrammeId, "Programmes", "Id", onDelete: ReferentialAction.Restrict);
        });
        mb.CreateIndex("IX_CaseSupportPeriods_CaseId", "CaseSupportPeriods", "CaseId");
        mb.CreateIndex("IX_CaseSupportPeriods_ProgrammeId_From_To_CaseId", "CaseSupportPeriods", ["ProgrammeId", "From", "To", "CaseId"]);
        // Until now a case had at most one period: it takes the case's id, which needs no provider's uuid function.
        mb.Sql("""
            INSERT INTO "CaseSupportPeriods" ("Id", "CaseId", "ProgrammeId", "From", "To")
            SELECT "Id", "Id", "ProgrammeId", "AdmittedOn", "ClosedOn" FROM "Cases" WHERE "AdmittedOn" IS NOT NULL
            """);

        // Plain columns: SQLite cannot add a foreign key to an existing table.
        mb.AddColumn<Guid>("FamilyId", "Cases", nullable: false, defaultValue: Guid.Empty);
        mb.AddColumn<Guid>("PreviousCaseId", "Cases", nullable: true);
        mb.Sql("""UPDATE "Cases" SET "FamilyId" = "Id" """);
        mb.CreateIndex("IX_Cases_FamilyId", "Cases", "FamilyId");
        mb.CreateIndex("IX_Cases_PreviousCaseId", "Cases", "PreviousCaseId");

        mb.AddColumn<string>("Outcome", "CaseStatusChanges", maxLength: 40, nullable: true);
        mb.AddColumn<string>("DurableSolution", "CaseStatusChanges", maxLength: 40, nullable: true);
        // No case was ever reopened before this step: a closed case's closure is its one row to "Closed".
        mb.Sql("""
            UPDATE "CaseStatusChanges" SET
                "Outcome" = (SELECT c."Outcome" FROM "Cases" AS c WHERE c."Id" = "CaseStatusChanges"."CaseId"),
                "DurableSolution" = (SELECT c."DurableSolution" FROM "Cases" AS c WHERE c."Id" = "CaseStatusChanges"."CaseId")
            WHERE "To" = 'Closed'
            """);
    }
}
