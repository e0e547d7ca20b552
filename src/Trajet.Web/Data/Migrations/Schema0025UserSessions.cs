using Microsoft.EntityFrameworkCore.Migrations;

namespace Trajet.Web.Data.Migrations;

/// <summary>The open sessions of sign-in cookies (Features/Accounts/Sessions.cs).</summary>
[Migration("20261206000025_UserSessions")]
public sealed class Schema0025UserSessions : Migration
{
    protected override void Up(MigrationBuilder mb)
    {
        mb.CreateTable("UserSessions", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            UserId = t.Column<Guid>(nullable: false),
            StartedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_UserSessions", x => x.Id);
            t.ForeignKey("FK_UserSessions_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });
        mb.CreateIndex("IX_UserSessions_UserId", "UserSessions", "UserId");
    }
}
