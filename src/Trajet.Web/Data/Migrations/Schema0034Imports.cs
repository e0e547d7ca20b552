using Microsoft.EntityFrameworkCore.Migrations;

namespace Trajet.Web.Data.Migrations;

/// <summary>
/// The case import: a case keeps the reference it had in the imported spreadsheet (unique in its programme, so the
/// same file imported twice creates nothing new), and an uploaded file waits in PendingImports for the coordinator's
/// review (Features/Imports).
/// </summary>
[Migration("20261206000034_Imports")]
public sealed class Schema0034Imports : Migration
{
    protected override void Up(MigrationBuilder mb)
    {
        mb.AddColumn<string>("ExternalRef", "Cases", maxLength: 60, nullable: true);
        mb.CreateIndex("IX_Cases_ProgrammeId_ExternalRef", "Cases", ["ProgrammeId", "ExternalRef"], unique: true);
        mb.CreateTable("PendingImports", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            UserId = t.Column<Guid>(nullable: false),
            ProgrammeId = t.Column<Guid>(nullable: false),
            FileName = t.Column<string>(maxLength: 200, nullable: false),
            Content = t.Column<byte[]>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_PendingImports", x => x.Id);
            t.ForeignKey("FK_PendingImports_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_PendingImports_Programmes_ProgrammeId", x => x.ProgrammeId, "Programmes", "Id", onDelete: ReferentialAction.Cascade);
        });
        mb.CreateIndex("IX_PendingImports_UserId", "PendingImports", "UserId");
        mb.CreateIndex("IX_PendingImports_ProgrammeId", "PendingImports", "ProgrammeId");
    }
}
