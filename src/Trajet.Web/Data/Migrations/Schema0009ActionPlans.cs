using Microsoft.EntityFrameworkCore.Migrations;

namespace Trajet.Web.Data.Migrations;

/// <summary>Action plans: goals, actions and reviews of a case.</summary>
[Migration("20261122000009_ActionPlans")]
public sealed class Schema0009ActionPlans : Migration
{
    protected override void Up(MigrationBuilder mb)
    {
        mb.CreateTable("PlanGoals", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            CaseId = t.Column<Guid>(nullable: false),
            OrganisationId = t.Column<Guid>(nullable: false),
            ProgrammeId = t.Column<Guid>(nullable: false),
            Option = t.Column<string>(maxLength: 40, nullable: false),
            Description = t.Column<string>(maxLength: 1000, nullable: false),
            AgreedOn = t.Column<DateOnly>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_PlanGoals", x => x.Id);
            t.ForeignKey("FK_PlanGoals_Cases_CaseId", x => x.CaseId, "Cases", "Id", onDelete: ReferentialAction.Cascade);
        });
        mb.CreateIndex("IX_PlanGoals_CaseId", "PlanGoals", "CaseId");

        mb.CreateTable("PlanActions", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            CaseId = t.Column<Guid>(nullable: false),
            GoalId = t.Column<Guid>(nullable: true),
            Description = t.Column<string>(maxLength: 1000, nullable: false),
            Owner = t.Column<string>(maxLength: 40, nullable: false),
            DueDate = t.Column<DateOnly>(nullable: true),
            Status = t.Column<string>(maxLength: 40, nullable: false),
            ClosedOn = t.Column<DateOnly>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_PlanActions", x => x.Id);
            t.ForeignKey("FK_PlanActions_Cases_CaseId", x => x.CaseId, "Cases", "Id", onDelete: ReferentialAction.Cascade);
        });
        mb.CreateIndex("IX_PlanActions_CaseId_Status", "PlanActions", ["CaseId", "Status"]);
        mb.CreateIndex("IX_PlanActions_Status_DueDate", "PlanActions", ["Status", "DueDate"]);

        mb.CreateTable("PlanReviews", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            CaseId = t.Column<Guid>(nullable: false),
            Date = t.Column<DateOnly>(nullable: false),
            Progress = t.Column<string>(maxLength: 4000, nullable: false),
            Changes = t.Column<string>(maxLength: 4000, nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_PlanReviews", x => x.Id);
            t.ForeignKey("FK_PlanReviews_Cases_CaseId", x => x.CaseId, "Cases", "Id", onDelete: ReferentialAction.Cascade);
        });
        mb.CreateIndex("IX_PlanReviews_CaseId_Date", "PlanReviews", ["CaseId", "Date"]);
    }
}
