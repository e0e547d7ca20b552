using Microsoft.EntityFrameworkCore.Migrations;

namespace Trajet.Web.Data.Migrations;

/// <summary>The first answer to each keyed create, for the device outbox's retries (Infrastructure/Idempotency.cs).</summary>
[Migration("20261206000028_IdempotentRequests")]
public sealed class Schema0028IdempotentRequests : Migration
{
    protected override void Up(MigrationBuilder mb)
    {
        mb.CreateTable("IdempotentRequests", t => new
        {
            UserId = t.Column<Guid>(nullable: false),
            Key = t.Column<Guid>(nullable: false),
            Fingerprint = t.Column<string>(maxLength: 64, nullable: false),
            StatusCode = t.Column<int>(nullable: false),
            Location = t.Column<string>(maxLength: 300, nullable: true),
            Response = t.Column<string>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_IdempotentRequests", x => new { x.UserId, x.Key }));
        mb.CreateIndex("IX_IdempotentRequests_CreatedAt", "IdempotentRequests", "CreatedAt");
    }
}
