using Microsoft.EntityFrameworkCore.Migrations;

namespace Trajet.Web.Data.Migrations;

/// <summary>The evaluation instruments: client summary sheets (one column per question), baseline sheets, case studies.</summary>
[Migration("20261122000005_Instruments")]
public sealed class Schema0005Instruments : Migration
{
    protected override void Up(MigrationBuilder mb)
    {
        mb.CreateTable("SummarySheets", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            CaseId = t.Column<Guid>(nullable: false),
            OrganisationId = t.Column<Guid>(nullable: false),
            ProgrammeId = t.Column<Guid>(nullable: false),
            Date = t.Column<DateOnly>(nullable: false),
            Engagement = t.Column<string>(maxLength: 40, nullable: false),
            Risk = t.Column<string>(maxLength: 40, nullable: false),
            Trust = t.Column<string>(maxLength: 40, nullable: false),
            Group1Impact = t.Column<string>(maxLength: 40, nullable: false),
            Group2Impact = t.Column<string>(maxLength: 40, nullable: false),
            Group3Impact = t.Column<string>(maxLength: 40, nullable: false),
            Group1Obstacles = t.Column<string>(maxLength: 2000, nullable: true),
            Group2Obstacles = t.Column<string>(maxLength: 2000, nullable: true),
            Group3Obstacles = t.Column<string>(maxLength: 2000, nullable: true),
            MoreInformation = t.Column<string>(maxLength: 40, nullable: true),
            ConstructiveChoices = t.Column<string>(maxLength: 40, nullable: true),
            ConfidenceInProcedures = t.Column<string>(maxLength: 40, nullable: true),
            EngagedWithCaseManager = t.Column<string>(maxLength: 40, nullable: true),
            UnderstandsConsequences = t.Column<string>(maxLength: 40, nullable: true),
            Initiative = t.Column<string>(maxLength: 40, nullable: true),
            ExercisesRights = t.Column<string>(maxLength: 40, nullable: true),
            ExploresAllOptions = t.Column<string>(maxLength: 40, nullable: true),
            CooperatesWithConditions = t.Column<string>(maxLength: 40, nullable: true),
            AuthoritiesBetterInformed = t.Column<string>(maxLength: 40, nullable: true),
            LessVulnerable = t.Column<string>(maxLength: 40, nullable: true),
            MoreHope = t.Column<string>(maxLength: 40, nullable: true),
            MoreTrustInSystem = t.Column<string>(maxLength: 40, nullable: true),
            BetterPsychosocial = t.Column<string>(maxLength: 40, nullable: true),
            BetterSubsistence = t.Column<string>(maxLength: 40, nullable: true),
            BetterHousing = t.Column<string>(maxLength: 40, nullable: true),
            MoreStable = t.Column<string>(maxLength: 40, nullable: true),
            Observations = t.Column<string>(maxLength: 4000, nullable: true),
            Profile = t.Column<string>(maxLength: 8000, nullable: false),
            CreatedByUserId = t.Column<Guid>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_SummarySheets", x => x.Id);
            t.ForeignKey("FK_SummarySheets_Cases_CaseId", x => x.CaseId, "Cases", "Id", onDelete: ReferentialAction.Cascade);
        });
        mb.CreateIndex("IX_SummarySheets_ProgrammeId_Date", "SummarySheets", ["ProgrammeId", "Date"]);
        mb.CreateIndex("IX_SummarySheets_CaseId_Date", "SummarySheets", ["CaseId", "Date"]);

        mb.CreateTable("BaselineSheets", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            CaseId = t.Column<Guid>(nullable: false),
            OrganisationId = t.Column<Guid>(nullable: false),
            ProgrammeId = t.Column<Guid>(nullable: false),
            Date = t.Column<DateOnly>(nullable: false),
            SituationOn = t.Column<DateOnly>(nullable: false),
            CreatedByUserId = t.Column<Guid>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_BaselineSheets", x => x.Id);
            t.ForeignKey("FK_BaselineSheets_Cases_CaseId", x => x.CaseId, "Cases", "Id", onDelete: ReferentialAction.Cascade);
        });
        mb.CreateIndex("IX_BaselineSheets_CaseId_Date", "BaselineSheets", ["CaseId", "Date"]);

        mb.CreateTable("BaselineScores", t => new
        {
            SheetId = t.Column<Guid>(nullable: false),
            Item = t.Column<int>(nullable: false),
            Score = t.Column<int>(nullable: false),
            Why = t.Column<string>(maxLength: 1000, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_BaselineScores", x => new { x.SheetId, x.Item });
            t.ForeignKey("FK_BaselineScores_BaselineSheets_SheetId", x => x.SheetId, "BaselineSheets", "Id", onDelete: ReferentialAction.Cascade);
        });

        mb.CreateTable("CaseStudies", t => new
        {
            CaseId = t.Column<Guid>(nullable: false),
            OrganisationId = t.Column<Guid>(nullable: false),
            Profile = t.Column<string>(maxLength: 8000, nullable: true),
            Screening = t.Column<string>(maxLength: 8000, nullable: true),
            Planning = t.Column<string>(maxLength: 8000, nullable: true),
            Interventions = t.Column<string>(maxLength: 8000, nullable: true),
            Review = t.Column<string>(maxLength: 8000, nullable: true),
            Closure = t.Column<string>(maxLength: 8000, nullable: true),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            UpdatedByUserId = t.Column<Guid>(nullable: true),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_CaseStudies", x => x.CaseId);
            t.ForeignKey("FK_CaseStudies_Cases_CaseId", x => x.CaseId, "Cases", "Id", onDelete: ReferentialAction.Cascade);
        });
    }
}
