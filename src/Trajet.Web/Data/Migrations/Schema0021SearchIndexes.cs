using Microsoft.EntityFrameworkCore.Migrations;

namespace Trajet.Web.Data.Migrations;

/// <summary>
/// The name search on a national caseload (bench/README.md): each name key carries its person's case and one index
/// covers keys to cases; on PostgreSQL a trigram index (pg_trgm, a trusted extension) answers the substring of a
/// name instead of a scan of every person. SQLite keeps the scan.
/// </summary>
[Migration("20261122000021_SearchIndexes")]
public sealed class Schema0021SearchIndexes : Migration
{
    protected override void Up(MigrationBuilder mb)
    {
        mb.AddColumn<Guid>("CaseId", "PersonNameKeys", nullable: false, defaultValue: Guid.Empty);
        mb.Sql("""
            UPDATE "PersonNameKeys" SET "CaseId" = (SELECT m."CaseId" FROM "Members" AS m WHERE m."Id" = "PersonNameKeys"."MemberId");
            """);
        mb.DropIndex("IX_PersonNameKeys_OrganisationId_Key", "PersonNameKeys");
        mb.CreateIndex("IX_PersonNameKeys_OrganisationId_Key_MemberId_CaseId", "PersonNameKeys", ["OrganisationId", "Key", "MemberId", "CaseId"]);
        if (mb.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            mb.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            mb.Sql("""CREATE INDEX "IX_Members_SearchName_Trigram" ON "Members" USING gin ("SearchName" gin_trgm_ops);""");
        }
    }
}
