using Microsoft.EntityFrameworkCore.Migrations;

namespace Trajet.Web.Data.Migrations;

/// <summary>
/// Uploaded files kept in the database (Features/Documents/DatabaseDocumentStore.cs, Documents:Store=Database): each
/// document's content as numbered chunks, each encrypted on its own. No foreign key: the content is written before its
/// document's row, in the same transaction, and FileKey is not a key of CaseDocuments.
/// </summary>
[Migration("20261207000039_DocumentContents")]
public sealed class Schema0039DocumentContents : Migration
{
    protected override void Up(MigrationBuilder mb)
    {
        mb.CreateTable("DocumentContents", t => new
        {
            DocumentKey = t.Column<string>(maxLength: 32, nullable: false),
            Chunk = t.Column<int>(nullable: false),
            Data = t.Column<byte[]>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_DocumentContents", x => new { x.DocumentKey, x.Chunk }));
        if (mb.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            // Encrypted chunks do not compress: stored out of line without PostgreSQL trying to.
            mb.Sql("""ALTER TABLE "DocumentContents" ALTER COLUMN "Data" SET STORAGE EXTERNAL;""");
        }
    }
}
