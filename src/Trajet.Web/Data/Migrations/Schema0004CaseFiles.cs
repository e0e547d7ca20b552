using Microsoft.EntityFrameworkCore.Migrations;

namespace Trajet.Web.Data.Migrations;

/// <summary>
/// Full case files: screening against configured criteria, assignment, closure outcome, the
/// person's migration profile, and sound-alike name keys for duplicates and variant search.
/// </summary>
[Migration("20261122000004_CaseFiles")]
public sealed class Schema0004CaseFiles : Migration
{
    protected override void Up(MigrationBuilder mb)
    {
        mb.AddColumn<DateOnly>("AdmittedOn", "Cases", nullable: true);
        mb.AddColumn<DateOnly>("ClosedOn", "Cases", nullable: true);
        mb.AddColumn<string>("Outcome", "Cases", maxLength: 40, nullable: true);
        mb.AddColumn<string>("DurableSolution", "Cases", maxLength: 40, nullable: true);

        // Filled from the recording time by each provider's own SQL, at the end.
        mb.AddColumn<DateOnly>("Date", "CaseStatusChanges", nullable: false, defaultValue: new DateOnly(2000, 1, 1));

        mb.AddColumn<string>("Aliases", "Members", maxLength: 500, nullable: false, defaultValue: "");
        mb.AddColumn<string>("Vulnerabilities", "Members", maxLength: 1000, nullable: false, defaultValue: "");
        mb.AddColumn<string>("FamilyLinks", "Members", maxLength: 1000, nullable: true);
        mb.AddColumn<int>("ArrivalYear", "Members", nullable: true);
        mb.AddColumn<bool>("EverHadLegalStay", "Members", nullable: true);
        mb.AddColumn<bool>("AskedAsylumOnArrival", "Members", nullable: true);
        mb.AddColumn<int>("DetentionDays", "Members", nullable: true);
        mb.AddColumn<int>("ReDetentions", "Members", nullable: true);
        mb.AddColumn<string>("ConditionsImposed", "Members", maxLength: 1000, nullable: true);
        mb.AddColumn<DateTime>("UpdatedAt", "Members", nullable: false, defaultValue: new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        mb.Sql("""UPDATE "Members" SET "UpdatedAt" = "CreatedAt";""");

        mb.CreateTable("CaseAssignments", t => new
        {
            CaseId = t.Column<Guid>(nullable: false),
            UserId = t.Column<Guid>(nullable: false),
            AssignedAt = t.Column<DateTime>(nullable: false),
            AssignedByUserId = t.Column<Guid>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_CaseAssignments", x => new { x.CaseId, x.UserId });
            t.ForeignKey("FK_CaseAssignments_Cases_CaseId", x => x.CaseId, "Cases", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_CaseAssignments_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });
        mb.CreateIndex("IX_CaseAssignments_UserId", "CaseAssignments", "UserId");

        mb.CreateTable("AdmissionCriteria", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            ProgrammeId = t.Column<Guid>(nullable: false),
            Position = t.Column<int>(nullable: false),
            Text = t.Column<string>(maxLength: 500, nullable: false),
            IsActive = t.Column<bool>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AdmissionCriteria", x => x.Id);
            t.ForeignKey("FK_AdmissionCriteria_Programmes_ProgrammeId", x => x.ProgrammeId, "Programmes", "Id", onDelete: ReferentialAction.Cascade);
        });
        mb.CreateIndex("IX_AdmissionCriteria_ProgrammeId_Position", "AdmissionCriteria", ["ProgrammeId", "Position"]);

        mb.CreateTable("ScreeningAnswers", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            CaseId = t.Column<Guid>(nullable: false),
            CriterionId = t.Column<Guid>(nullable: false),
            Answer = t.Column<string>(maxLength: 40, nullable: false),
            Note = t.Column<string>(maxLength: 1000, nullable: true),
            RecordedAt = t.Column<DateTime>(nullable: false),
            RecordedByUserId = t.Column<Guid>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ScreeningAnswers", x => x.Id);
            t.ForeignKey("FK_ScreeningAnswers_Cases_CaseId", x => x.CaseId, "Cases", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_ScreeningAnswers_AdmissionCriteria_CriterionId", x => x.CriterionId, "AdmissionCriteria", "Id", onDelete: ReferentialAction.Restrict);
        });
        mb.CreateIndex("IX_ScreeningAnswers_CaseId_CriterionId", "ScreeningAnswers", ["CaseId", "CriterionId"], unique: true);
        mb.CreateIndex("IX_ScreeningAnswers_CriterionId", "ScreeningAnswers", "CriterionId");

        mb.CreateTable("PersonNameKeys", t => new
        {
            MemberId = t.Column<Guid>(nullable: false),
            Key = t.Column<string>(maxLength: 60, nullable: false),
            OrganisationId = t.Column<Guid>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_PersonNameKeys", x => new { x.MemberId, x.Key });
            t.ForeignKey("FK_PersonNameKeys_Members_MemberId", x => x.MemberId, "Members", "Id", onDelete: ReferentialAction.Cascade);
        });
        mb.CreateIndex("IX_PersonNameKeys_OrganisationId_Key", "PersonNameKeys", ["OrganisationId", "Key"]);
        mb.Sql(mb.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL"
            ? """UPDATE "CaseStatusChanges" SET "Date" = "At"::date;"""
            : """UPDATE "CaseStatusChanges" SET "Date" = date("At");""");
    }
}
