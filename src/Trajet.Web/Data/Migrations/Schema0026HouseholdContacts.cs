using Microsoft.EntityFrameworkCore.Migrations;

namespace Trajet.Web.Data.Migrations;

/// <summary>The household's address and phones (Features/Cases/HouseholdContact.cs), encrypted at rest.</summary>
[Migration("20261206000026_HouseholdContacts")]
public sealed class Schema0026HouseholdContacts : Migration
{
    protected override void Up(MigrationBuilder mb)
    {
        mb.CreateTable("HouseholdContacts", t => new
        {
            CaseId = t.Column<Guid>(nullable: false),
            Address = t.Column<string>(nullable: true),
            AddressConfirmedOn = t.Column<DateOnly>(nullable: true),
            Phones = t.Column<string>(nullable: true),
            UpdatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_HouseholdContacts", x => x.CaseId);
            t.ForeignKey("FK_HouseholdContacts_Cases_CaseId", x => x.CaseId, "Cases", "Id", onDelete: ReferentialAction.Cascade);
        });
    }
}
