using Microsoft.EntityFrameworkCore.Migrations;

namespace Trajet.Web.Data.Migrations.Steps;

/// <summary>The open sessions of sign-in cookies (Features/Accounts/Sessions.cs).</summary>
internal static class Schema0025UserSessions
{
    public static void Up(MigrationBuilder mb)
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
