using Microsoft.EntityFrameworkCore.Migrations;

namespace Trajet.Web.Data.Migrations;

/// <summary>The legal chronology and the organisations' deadline rules.</summary>
[Migration("20261122000007_LegalChronology")]
public sealed class Schema0007LegalChronology : Migration
{
    protected override void Up(MigrationBuilder mb)
    {
        mb.CreateTable("LegalEvents", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            CaseId = t.Column<Guid>(nullable: false),
            OrganisationId = t.Column<Guid>(nullable: false),
            ProgrammeId = t.Column<Guid>(nullable: false),
            Date = t.Column<DateOnly>(nullable: false),
            Type = t.Column<string>(maxLength: 40, nullable: false),
            Authority = t.Column<string>(maxLength: 200, nullable: true),
            Reference = t.Column<string>(maxLength: 100, nullable: true),
            Lawyer = t.Column<string>(maxLength: 200, nullable: true),
            Outcome = t.Column<string>(maxLength: 40, nullable: true),
            DaysToComply = t.Column<int>(nullable: true),
            Notes = t.Column<string>(maxLength: 4000, nullable: true),
            Deadline = t.Column<DateOnly>(nullable: true),
            DeadlineSource = t.Column<string>(maxLength: 300, nullable: true),
            RecordedByUserId = t.Column<Guid>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_LegalEvents", x => x.Id);
            t.ForeignKey("FK_LegalEvents_Cases_CaseId", x => x.CaseId, "Cases", "Id", onDelete: ReferentialAction.Cascade);
        });
        mb.CreateIndex("IX_LegalEvents_CaseId_Date", "LegalEvents", ["CaseId", "Date"]);
        mb.CreateIndex("IX_LegalEvents_OrganisationId_Deadline", "LegalEvents", ["OrganisationId", "Deadline"]);

        mb.CreateTable("DeadlineRules", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            OrganisationId = t.Column<Guid>(nullable: false),
            EventType = t.Column<string>(maxLength: 40, nullable: false),
            Outcome = t.Column<string>(maxLength: 40, nullable: true),
            Label = t.Column<string>(maxLength: 300, nullable: false),
            Days = t.Column<int>(nullable: false),
            Months = t.Column<int>(nullable: false),
            UsesDaysOnEvent = t.Column<bool>(nullable: false),
            IsActive = t.Column<bool>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_DeadlineRules", x => x.Id);
            t.ForeignKey("FK_DeadlineRules_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Cascade);
        });
        mb.CreateIndex("IX_DeadlineRules_OrganisationId", "DeadlineRules", "OrganisationId");
    }
}
