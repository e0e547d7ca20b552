using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Trajet.Web.Data.Migrations;

/// <summary>
/// The Data Protection key ring in the database (Infrastructure/KeyRing.cs), for several instances on PostgreSQL; on SQLite
/// the table stays empty and the keys stay in <c>DataProtection:KeysPath</c>.
/// </summary>
[Migration("20261207000038_DataProtectionKeys")]
public sealed class Schema0038DataProtectionKeys : Migration
{
    protected override void Up(MigrationBuilder mb) =>
        mb.CreateTable("DataProtectionKeys", t => new
        {
            Id = t.Column<int>(nullable: false)
                .Annotation("Sqlite:Autoincrement", true)
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
            FriendlyName = t.Column<string>(nullable: true),
            Xml = t.Column<string>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_DataProtectionKeys", x => x.Id));
}
