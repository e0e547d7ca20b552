using Microsoft.EntityFrameworkCore.Migrations;

namespace Trajet.Web.Data.Migrations.Steps;

/// <summary>One-off start-up jobs that have completed (<see cref="Data.StartupTasks"/>).</summary>
internal static class Schema0019StartupTasks
{
    public static void Up(MigrationBuilder mb) =>
        mb.CreateTable("StartupTasks", t => new
        {
            Name = t.Column<string>(maxLength: 200, nullable: false),
            CompletedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_StartupTasks", x => x.Name));
}
