using Microsoft.EntityFrameworkCore.Migrations;

namespace Trajet.Web.Data.Migrations;

/// <summary>
/// The personal calendar feed (Features/Calendar): one row per user holding the SHA-256 of the secret in the feed's
/// URL and the language the feed is written in. Deleting the row revokes the URL.
/// </summary>
[Migration("20261206000036_CalendarFeeds")]
public sealed class Schema0036CalendarFeeds : Migration
{
    protected override void Up(MigrationBuilder mb)
    {
        mb.CreateTable("CalendarFeeds", t => new
        {
            UserId = t.Column<Guid>(nullable: false),
            TokenHash = t.Column<string>(maxLength: 64, nullable: false),
            Language = t.Column<string>(maxLength: 2, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_CalendarFeeds", x => x.UserId);
            t.ForeignKey("FK_CalendarFeeds_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });
        mb.CreateIndex("IX_CalendarFeeds_TokenHash", "CalendarFeeds", "TokenHash", unique: true);
    }
}
