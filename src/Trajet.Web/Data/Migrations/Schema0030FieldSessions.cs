using Microsoft.EntityFrameworkCore.Migrations;

namespace Trajet.Web.Data.Migrations;

/// <summary>Registered phones, and the field sessions they give (Features/Accounts/FieldSessions.cs).</summary>
[Migration("20261206000030_FieldSessions")]
public sealed class Schema0030FieldSessions : Migration
{
    protected override void Up(MigrationBuilder mb)
    {
        mb.CreateTable("RegisteredDevices", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            OrganisationId = t.Column<Guid>(nullable: false),
            Name = t.Column<string>(maxLength: 100, nullable: false),
            TokenHash = t.Column<string>(maxLength: 64, nullable: false),
            RegisteredByUserId = t.Column<Guid>(nullable: false),
            RegisteredAt = t.Column<DateTime>(nullable: false),
            RevokedAt = t.Column<DateTime>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_RegisteredDevices", x => x.Id);
            t.ForeignKey("FK_RegisteredDevices_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_RegisteredDevices_AspNetUsers_RegisteredByUserId", x => x.RegisteredByUserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Restrict);
        });
        mb.CreateIndex("IX_RegisteredDevices_TokenHash", "RegisteredDevices", "TokenHash", unique: true);
        mb.CreateIndex("IX_RegisteredDevices_OrganisationId", "RegisteredDevices", "OrganisationId");
        mb.CreateIndex("IX_RegisteredDevices_RegisteredByUserId", "RegisteredDevices", "RegisteredByUserId");

        // Plain columns: SQLite cannot add a foreign key to an existing table; the session check joins on DeviceId.
        mb.AddColumn<Guid>("DeviceId", "UserSessions", nullable: true);
        mb.AddColumn<DateTime>("EndsAt", "UserSessions", nullable: true);
        mb.CreateIndex("IX_UserSessions_DeviceId", "UserSessions", "DeviceId");
    }
}
