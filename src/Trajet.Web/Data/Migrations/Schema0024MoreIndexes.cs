using Microsoft.EntityFrameworkCore.Migrations;

namespace Trajet.Web.Data.Migrations;

/// <summary>
/// The evaluation report reads the cases a programme supported in a period: which of them, their kind, status and
/// outcome now come from one index range instead of a row fetched for each of a national programme's 90,000 cases.
/// Also the index of the outreach contacts' programme (its foreign key) that the model has always had and no migration
/// created (found by MigrationTests.Schema_HasEveryIndexOfTheModel_OnItsColumns).
/// </summary>
[Migration("20261122000024_MoreIndexes")]
public sealed class Schema0024MoreIndexes : Migration
{
    protected override void Up(MigrationBuilder mb)
    {
        mb.CreateIndex("IX_Cases_ProgrammeId_AdmittedOn_ClosedOn_Kind_Status_Outcome", "Cases",
            ["ProgrammeId", "AdmittedOn", "ClosedOn", "Kind", "Status", "Outcome"]);
        mb.CreateIndex("IX_OutreachContacts_ProgrammeId", "OutreachContacts", "ProgrammeId");
    }
}
