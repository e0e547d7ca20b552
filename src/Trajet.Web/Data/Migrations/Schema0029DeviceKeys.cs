using Microsoft.EntityFrameworkCore.Migrations;

namespace Trajet.Web.Data.Migrations;

/// <summary>The key pairs that seal what phones keep offline (Features/Accounts/DeviceKey.cs).</summary>
[Migration("20261206000029_DeviceKeys")]
public sealed class Schema0029DeviceKeys : Migration
{
    protected override void Up(MigrationBuilder mb)
    {
        mb.CreateTable("DeviceKeys", t => new
        {
            UserId = t.Column<Guid>(nullable: false),
            KeyId = t.Column<string>(maxLength: 32, nullable: false),
            PublicKey = t.Column<string>(maxLength: 600, nullable: false),
            PrivateKey = t.Column<string>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_DeviceKeys", x => x.UserId);
            t.ForeignKey("FK_DeviceKeys_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });
    }
}
