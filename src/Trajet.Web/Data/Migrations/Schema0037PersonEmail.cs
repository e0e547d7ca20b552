using Microsoft.EntityFrameworkCore.Migrations;

namespace Trajet.Web.Data.Migrations;

/// <summary>
/// The person's own e-mail address on the household's contact (Features/Cases/HouseholdContact.cs), encrypted at rest
/// like the phones: where the invitation letter is e-mailed when the person agreed to it.
/// </summary>
[Migration("20261207000037_PersonEmail")]
public sealed class Schema0037PersonEmail : Migration
{
    protected override void Up(MigrationBuilder mb) =>
        mb.AddColumn<string>("Email", "HouseholdContacts", nullable: true);
}
