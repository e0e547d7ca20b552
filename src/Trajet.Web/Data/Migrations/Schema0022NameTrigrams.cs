using Microsoft.EntityFrameworkCore.Migrations;

namespace Trajet.Web.Data.Migrations;

/// <summary>
/// SQLite's answer to PostgreSQL's trigram index (0021): an FTS5 table with the trigram tokenizer holds every person's
/// search text, so that a substring of a name is looked up instead of scanning every person. Triggers keep it in step
/// with <c>Members.SearchName</c>. Its rows are numbered by <c>MemberNameRows</c> (an INTEGER PRIMARY KEY, which
/// VACUUM keeps, unlike the implicit rowid of <c>Members</c>). Secure delete: an erased name leaves no trace in the index.
/// PostgreSQL needs nothing.
/// </summary>
[Migration("20261122000022_NameTrigrams")]
public sealed class Schema0022NameTrigrams : Migration
{
    protected override void Up(MigrationBuilder mb)
    {
        if (mb.ActiveProvider != "Microsoft.EntityFrameworkCore.Sqlite")
        {
            return;
        }
        mb.Sql("""
            CREATE TABLE "MemberNameRows" ("Row" INTEGER NOT NULL PRIMARY KEY, "MemberId" TEXT NOT NULL UNIQUE);
            CREATE VIRTUAL TABLE "MemberNames" USING fts5("SearchName", tokenize = 'trigram');
            INSERT INTO "MemberNames" ("MemberNames", rank) VALUES ('secure-delete', 1);
            INSERT INTO "MemberNameRows" ("MemberId") SELECT "Id" FROM "Members";
            INSERT INTO "MemberNames" (rowid, "SearchName")
                SELECT r."Row", m."SearchName" FROM "MemberNameRows" AS r JOIN "Members" AS m ON m."Id" = r."MemberId";
            CREATE TRIGGER "Members_NameRow_Insert" AFTER INSERT ON "Members" BEGIN
                INSERT INTO "MemberNameRows" ("MemberId") VALUES (new."Id");
                INSERT INTO "MemberNames" (rowid, "SearchName") VALUES (last_insert_rowid(), new."SearchName");
            END;
            CREATE TRIGGER "Members_NameRow_Update" AFTER UPDATE OF "SearchName" ON "Members" BEGIN
                UPDATE "MemberNames" SET "SearchName" = new."SearchName"
                    WHERE rowid = (SELECT "Row" FROM "MemberNameRows" WHERE "MemberId" = new."Id");
            END;
            CREATE TRIGGER "Members_NameRow_Delete" AFTER DELETE ON "Members" BEGIN
                DELETE FROM "MemberNames" WHERE rowid = (SELECT "Row" FROM "MemberNameRows" WHERE "MemberId" = old."Id");
                DELETE FROM "MemberNameRows" WHERE "MemberId" = old."Id";
            END;
            """);
    }
}
