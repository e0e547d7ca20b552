using Microsoft.EntityFrameworkCore.Migrations;

namespace Trajet.Web.Data.Migrations;

/// <summary>Documents of a case: identity papers, decisions, support letters…, with an optional stored file.</summary>
[Migration("20261122000008_Documents")]
public sealed class Schema0008Documents : Migration
{
    protected override void Up(MigrationBuilder mb)
    {
        mb.CreateTable("CaseDocuments", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            CaseId = t.Column<Guid>(nullable: false),
            OrganisationId = t.Column<Guid>(nullable: false),
            ProgrammeId = t.Column<Guid>(nullable: false),
            Type = t.Column<string>(maxLength: 40, nullable: false),
            Title = t.Column<string>(maxLength: 200, nullable: false),
            IssueDate = t.Column<DateOnly>(nullable: false),
            ExpiryDate = t.Column<DateOnly>(nullable: true),
            Notes = t.Column<string>(maxLength: 4000, nullable: true),
            FileKey = t.Column<string>(maxLength: 32, nullable: true),
            FileName = t.Column<string>(maxLength: 120, nullable: true),
            ContentType = t.Column<string>(maxLength: 100, nullable: true),
            FileSize = t.Column<long>(nullable: true),
            RecordedByUserId = t.Column<Guid>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_CaseDocuments", x => x.Id);
            t.ForeignKey("FK_CaseDocuments_Cases_CaseId", x => x.CaseId, "Cases", "Id", onDelete: ReferentialAction.Cascade);
        });
        mb.CreateIndex("IX_CaseDocuments_CaseId_IssueDate", "CaseDocuments", ["CaseId", "IssueDate"]);
    }
}
