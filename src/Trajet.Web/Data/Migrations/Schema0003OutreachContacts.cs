using Microsoft.EntityFrameworkCore.Migrations;

namespace Trajet.Web.Data.Migrations;

/// <summary>Outreach contacts: the people met on rounds and at permanences.</summary>
[Migration("20261122000003_OutreachContacts")]
public sealed class Schema0003OutreachContacts : Migration
{
    protected override void Up(MigrationBuilder mb)
    {
        mb.CreateTable("OutreachContacts", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            OrganisationId = t.Column<Guid>(nullable: false),
            ProgrammeId = t.Column<Guid>(nullable: false),
            Date = t.Column<DateOnly>(nullable: false),
            Place = t.Column<string>(maxLength: 200, nullable: false),
            Nickname = t.Column<string>(maxLength: 100, nullable: true),
            Gender = t.Column<string>(maxLength: 40, nullable: false),
            AgeBand = t.Column<string>(maxLength: 40, nullable: false),
            Nationality = t.Column<string>(maxLength: 10, nullable: false),
            Language = t.Column<string>(maxLength: 10, nullable: true),
            MediatorInterpreted = t.Column<bool>(nullable: false),
            InformationGiven = t.Column<string>(maxLength: 200, nullable: false),
            Orientation = t.Column<string>(maxLength: 200, nullable: false),
            FollowUp = t.Column<bool>(nullable: false),
            RecordedByUserId = t.Column<Guid>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_OutreachContacts", x => x.Id);
            t.ForeignKey("FK_OutreachContacts_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_OutreachContacts_Programmes_ProgrammeId", x => x.ProgrammeId, "Programmes", "Id", onDelete: ReferentialAction.Restrict);
        });
        mb.CreateIndex("IX_OutreachContacts_OrganisationId_ProgrammeId_Date", "OutreachContacts", ["OrganisationId", "ProgrammeId", "Date"]);
    }
}
