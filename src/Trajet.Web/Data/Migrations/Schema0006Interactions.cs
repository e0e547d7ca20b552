using Microsoft.EntityFrameworkCore.Migrations;

namespace Trajet.Web.Data.Migrations;

/// <summary>Interactions: home visits, calls, accompaniments… of a case.</summary>
[Migration("20261122000006_Interactions")]
public sealed class Schema0006Interactions : Migration
{
    protected override void Up(MigrationBuilder mb)
    {
        mb.CreateTable("Interactions", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            CaseId = t.Column<Guid>(nullable: false),
            OrganisationId = t.Column<Guid>(nullable: false),
            ProgrammeId = t.Column<Guid>(nullable: false),
            Type = t.Column<string>(maxLength: 40, nullable: false),
            AccompanimentTo = t.Column<string>(maxLength: 40, nullable: true),
            Date = t.Column<DateOnly>(nullable: false),
            DurationMinutes = t.Column<int>(nullable: true),
            Participants = t.Column<string>(maxLength: 300, nullable: true),
            Language = t.Column<string>(maxLength: 10, nullable: true),
            InterpreterPresent = t.Column<bool>(nullable: false),
            MediatorPresent = t.Column<bool>(nullable: false),
            Notes = t.Column<string>(maxLength: 8000, nullable: true),
            NextSteps = t.Column<string>(maxLength: 2000, nullable: true),
            RecordedByUserId = t.Column<Guid>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Interactions", x => x.Id);
            t.ForeignKey("FK_Interactions_Cases_CaseId", x => x.CaseId, "Cases", "Id", onDelete: ReferentialAction.Cascade);
        });
        mb.CreateIndex("IX_Interactions_CaseId_Date", "Interactions", ["CaseId", "Date"]);
        mb.CreateIndex("IX_Interactions_ProgrammeId_Type", "Interactions", ["ProgrammeId", "Type"]);
    }
}
