using Microsoft.EntityFrameworkCore.Migrations;

namespace Trajet.Web.Data.Migrations;

/// <summary>One-off start-up jobs that have completed (<see cref="Data.StartupTasks"/>).</summary>
[Migration("20261122000019_StartupTasks")]
public sealed class Schema0019StartupTasks : Migration
{
    protected override void Up(MigrationBuilder mb) =>
        mb.CreateTable("StartupTasks", t => new
        {
            Name = t.Column<string>(maxLength: 200, nullable: false),
            CompletedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_StartupTasks", x => x.Name));
}
