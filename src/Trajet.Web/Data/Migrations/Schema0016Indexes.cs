using Microsoft.EntityFrameworkCore.Migrations;

namespace Trajet.Web.Data.Migrations;

/// <summary>
/// Indexes for a national caseload (bench/README.md): the case list filtered by status and sorted
/// by referral date stops after a page, and counts without reading the cases; the report's
/// interaction counts and latest-sheet test read only narrow indexes. Each replaces the shorter
/// index it starts with.
/// </summary>
[Migration("20261122000016_Indexes")]
public sealed class Schema0016Indexes : Migration
{
    protected override void Up(MigrationBuilder mb)
    {
        mb.DropIndex("IX_Cases_OrganisationId_Status", "Cases");
        mb.CreateIndex("IX_Cases_OrganisationId_Status_ReferralDate_ProgrammeId", "Cases", ["OrganisationId", "Status", "ReferralDate", "ProgrammeId"]);
        mb.CreateIndex("IX_Cases_OrganisationId_ReferralDate_ProgrammeId", "Cases", ["OrganisationId", "ReferralDate", "ProgrammeId"]);

        mb.DropIndex("IX_Interactions_CaseId_Date", "Interactions");
        mb.CreateIndex("IX_Interactions_CaseId_Date_Type", "Interactions", ["CaseId", "Date", "Type"]);

        mb.DropIndex("IX_SummarySheets_CaseId_Date", "SummarySheets");
        mb.CreateIndex("IX_SummarySheets_CaseId_Date_CreatedAt", "SummarySheets", ["CaseId", "Date", "CreatedAt"]);
    }
}
