using Microsoft.EntityFrameworkCore.Migrations;

namespace Trajet.Web.Data.Migrations;

/// <summary>
/// The outreach dashboard's tallies (Features/Outreach/OutreachTally.cs): contacts, anonymous contacts and known people
/// per programme, period (day, month, year, all time), breakdown and key, and the contacts of each known person in each
/// of these buckets; filled from the contacts and outcomes already saved, set-based.
/// </summary>
[Migration("20261207000040_OutreachTallies")]
public sealed class Schema0040OutreachTallies : Migration
{
    protected override void Up(MigrationBuilder mb)
    {
        mb.CreateTable("OutreachTallies", t => new
        {
            ProgrammeId = t.Column<Guid>(nullable: false),
            Grain = t.Column<string>(maxLength: 1, nullable: false),
            Period = t.Column<DateOnly>(nullable: false),
            Dimension = t.Column<string>(maxLength: 20, nullable: false),
            Key = t.Column<string>(maxLength: 200, nullable: false),
            Contacts = t.Column<int>(nullable: false),
            Anonymous = t.Column<int>(nullable: false),
            Known = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_OutreachTallies", x => new { x.ProgrammeId, x.Grain, x.Period, x.Dimension, x.Key }));
        mb.CreateTable("OutreachPersonTallies", t => new
        {
            ProgrammeId = t.Column<Guid>(nullable: false),
            Grain = t.Column<string>(maxLength: 1, nullable: false),
            Period = t.Column<DateOnly>(nullable: false),
            Dimension = t.Column<string>(maxLength: 20, nullable: false),
            Key = t.Column<string>(maxLength: 200, nullable: false),
            PersonId = t.Column<Guid>(nullable: false),
            Contacts = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_OutreachPersonTallies", x => new { x.ProgrammeId, x.Grain, x.Period, x.Dimension, x.Key, x.PersonId }));
        mb.Sql(mb.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL" ? Postgres : Sqlite);
    }

    // OutreachTallies.RebuildSql as it was when this step was written.
    private const string Postgres = """
        DELETE FROM "OutreachPersonTallies";
        DELETE FROM "OutreachTallies";
        ALTER TABLE "OutreachPersonTallies" DROP CONSTRAINT "PK_OutreachPersonTallies"; ALTER TABLE "OutreachTallies" DROP CONSTRAINT "PK_OutreachTallies";
        INSERT INTO "OutreachPersonTallies" ("ProgrammeId", "Grain", "Period", "Dimension", "Key", "PersonId", "Contacts")
        SELECT f."ProgrammeId", 'D', f."Date", f.d, f.k, f."PersonId", COUNT(*)
        FROM (SELECT "ProgrammeId", "Date", "PersonId", 'all' AS d, '' AS k FROM "OutreachContacts"
        UNION ALL SELECT "ProgrammeId", "Date", "PersonId", 'flag', 'follow-up' FROM "OutreachContacts" WHERE "FollowUp"
        UNION ALL SELECT "ProgrammeId", "Date", "PersonId", 'flag', 'mediator' FROM "OutreachContacts" WHERE "MediatorInterpreted"
        UNION ALL SELECT "ProgrammeId", "Date", "PersonId", 'place', "Place" FROM "OutreachContacts"
        UNION ALL SELECT "ProgrammeId", "Date", "PersonId", 'nationality', "Nationality" FROM "OutreachContacts"
        UNION ALL SELECT "ProgrammeId", "Date", "PersonId", 'language', COALESCE("Language", 'unknown') FROM "OutreachContacts"
        UNION ALL SELECT c."ProgrammeId", c."Date", c."PersonId", 'topic' AS d, n.k FROM "OutreachContacts" c JOIN (SELECT 'international-protection' AS k UNION ALL SELECT 'dublin' AS k UNION ALL SELECT 'reception' AS k UNION ALL SELECT 'voluntary-return' AS k UNION ALL SELECT 'other' AS k) n ON strpos(',' || c."InformationGiven" || ',', ',' || n.k || ',') > 0
        UNION ALL SELECT c."ProgrammeId", c."Date", c."PersonId", 'orientation' AS d, n.k FROM "OutreachContacts" c JOIN (SELECT 'legal' AS k UNION ALL SELECT 'social' AS k UNION ALL SELECT 'medical' AS k UNION ALL SELECT 'shelter' AS k) n ON strpos(',' || c."Orientation" || ',', ',' || n.k || ',') > 0
        UNION ALL SELECT o."ProgrammeId", o."Date", o."PersonId", 'outcome', n.k FROM "OutreachOutcomes" o JOIN (SELECT 'ProtectionApplicationBelgium' AS name, 'protection-application-belgium' AS k UNION ALL SELECT 'ProtectionApplicationFrance' AS name, 'protection-application-france' AS k UNION ALL SELECT 'VoluntaryReturnApplication' AS name, 'voluntary-return-application' AS k UNION ALL SELECT 'ReceptionBelgium' AS name, 'reception-belgium' AS k UNION ALL SELECT 'ReceptionFrance' AS name, 'reception-france' AS k) n ON o."Kind" = n.name) f WHERE f."PersonId" IS NOT NULL AND f.d <> 'flag' GROUP BY f."ProgrammeId", f."Date", f.d, f.k, f."PersonId";
        INSERT INTO "OutreachPersonTallies" ("ProgrammeId", "Grain", "Period", "Dimension", "Key", "PersonId", "Contacts")
        SELECT t."ProgrammeId", g.g, CASE g.g WHEN 'A' THEN DATE '-infinity' WHEN 'Y' THEN date_trunc('year', t."Period")::date ELSE date_trunc('month', t."Period")::date END, t."Dimension", t."Key", t."PersonId", SUM(t."Contacts")
        FROM "OutreachPersonTallies" t CROSS JOIN (SELECT 'A' AS g UNION ALL SELECT 'Y' UNION ALL SELECT 'M') g GROUP BY t."ProgrammeId", g.g, CASE g.g WHEN 'A' THEN DATE '-infinity' WHEN 'Y' THEN date_trunc('year', t."Period")::date ELSE date_trunc('month', t."Period")::date END, t."Dimension", t."Key", t."PersonId";
        ALTER TABLE "OutreachPersonTallies" ADD CONSTRAINT "PK_OutreachPersonTallies" PRIMARY KEY ("ProgrammeId", "Grain", "Period", "Dimension", "Key", "PersonId");
        INSERT INTO "OutreachTallies" ("ProgrammeId", "Grain", "Period", "Dimension", "Key", "Contacts", "Anonymous", "Known")
        SELECT f."ProgrammeId", 'D', f."Date", f.d, f.k, COUNT(*), SUM(CASE WHEN f."PersonId" IS NULL THEN 1 ELSE 0 END), 0
        FROM (SELECT "ProgrammeId", "Date", "PersonId", 'all' AS d, '' AS k FROM "OutreachContacts"
        UNION ALL SELECT "ProgrammeId", "Date", "PersonId", 'flag', 'follow-up' FROM "OutreachContacts" WHERE "FollowUp"
        UNION ALL SELECT "ProgrammeId", "Date", "PersonId", 'flag', 'mediator' FROM "OutreachContacts" WHERE "MediatorInterpreted"
        UNION ALL SELECT "ProgrammeId", "Date", "PersonId", 'place', "Place" FROM "OutreachContacts"
        UNION ALL SELECT "ProgrammeId", "Date", "PersonId", 'nationality', "Nationality" FROM "OutreachContacts"
        UNION ALL SELECT "ProgrammeId", "Date", "PersonId", 'language', COALESCE("Language", 'unknown') FROM "OutreachContacts"
        UNION ALL SELECT c."ProgrammeId", c."Date", c."PersonId", 'topic' AS d, n.k FROM "OutreachContacts" c JOIN (SELECT 'international-protection' AS k UNION ALL SELECT 'dublin' AS k UNION ALL SELECT 'reception' AS k UNION ALL SELECT 'voluntary-return' AS k UNION ALL SELECT 'other' AS k) n ON strpos(',' || c."InformationGiven" || ',', ',' || n.k || ',') > 0
        UNION ALL SELECT c."ProgrammeId", c."Date", c."PersonId", 'orientation' AS d, n.k FROM "OutreachContacts" c JOIN (SELECT 'legal' AS k UNION ALL SELECT 'social' AS k UNION ALL SELECT 'medical' AS k UNION ALL SELECT 'shelter' AS k) n ON strpos(',' || c."Orientation" || ',', ',' || n.k || ',') > 0
        UNION ALL SELECT o."ProgrammeId", o."Date", o."PersonId", 'outcome', n.k FROM "OutreachOutcomes" o JOIN (SELECT 'ProtectionApplicationBelgium' AS name, 'protection-application-belgium' AS k UNION ALL SELECT 'ProtectionApplicationFrance' AS name, 'protection-application-france' AS k UNION ALL SELECT 'VoluntaryReturnApplication' AS name, 'voluntary-return-application' AS k UNION ALL SELECT 'ReceptionBelgium' AS name, 'reception-belgium' AS k UNION ALL SELECT 'ReceptionFrance' AS name, 'reception-france' AS k) n ON o."Kind" = n.name) f GROUP BY f."ProgrammeId", f."Date", f.d, f.k;
        INSERT INTO "OutreachTallies" ("ProgrammeId", "Grain", "Period", "Dimension", "Key", "Contacts", "Anonymous", "Known")
        SELECT t."ProgrammeId", g.g, CASE g.g WHEN 'A' THEN DATE '-infinity' WHEN 'Y' THEN date_trunc('year', t."Period")::date ELSE date_trunc('month', t."Period")::date END, t."Dimension", t."Key", SUM(t."Contacts"), SUM(t."Anonymous"), 0
        FROM "OutreachTallies" t CROSS JOIN (SELECT 'A' AS g UNION ALL SELECT 'Y' UNION ALL SELECT 'M') g GROUP BY t."ProgrammeId", g.g, CASE g.g WHEN 'A' THEN DATE '-infinity' WHEN 'Y' THEN date_trunc('year', t."Period")::date ELSE date_trunc('month', t."Period")::date END, t."Dimension", t."Key";
        CREATE TEMP TABLE outreach_known ON COMMIT DROP AS
        SELECT "ProgrammeId", "Grain", "Period", "Dimension", "Key", COUNT(*) AS n FROM "OutreachPersonTallies" GROUP BY "ProgrammeId", "Grain", "Period", "Dimension", "Key";
        UPDATE "OutreachTallies" SET "Known" = k.n FROM outreach_known k
        WHERE "OutreachTallies"."ProgrammeId" = k."ProgrammeId" AND "OutreachTallies"."Grain" = k."Grain" AND "OutreachTallies"."Period" = k."Period"
        AND "OutreachTallies"."Dimension" = k."Dimension" AND "OutreachTallies"."Key" = k."Key";
        DROP TABLE outreach_known;
        ALTER TABLE "OutreachTallies" ADD CONSTRAINT "PK_OutreachTallies" PRIMARY KEY ("ProgrammeId", "Grain", "Period", "Dimension", "Key");
        """;

    private const string Sqlite = """
        DELETE FROM "OutreachPersonTallies";
        DELETE FROM "OutreachTallies";

        INSERT INTO "OutreachPersonTallies" ("ProgrammeId", "Grain", "Period", "Dimension", "Key", "PersonId", "Contacts")
        SELECT f."ProgrammeId", 'D', f."Date", f.d, f.k, f."PersonId", COUNT(*)
        FROM (SELECT "ProgrammeId", "Date", "PersonId", 'all' AS d, '' AS k FROM "OutreachContacts"
        UNION ALL SELECT "ProgrammeId", "Date", "PersonId", 'flag', 'follow-up' FROM "OutreachContacts" WHERE "FollowUp"
        UNION ALL SELECT "ProgrammeId", "Date", "PersonId", 'flag', 'mediator' FROM "OutreachContacts" WHERE "MediatorInterpreted"
        UNION ALL SELECT "ProgrammeId", "Date", "PersonId", 'place', "Place" FROM "OutreachContacts"
        UNION ALL SELECT "ProgrammeId", "Date", "PersonId", 'nationality', "Nationality" FROM "OutreachContacts"
        UNION ALL SELECT "ProgrammeId", "Date", "PersonId", 'language', COALESCE("Language", 'unknown') FROM "OutreachContacts"
        UNION ALL SELECT c."ProgrammeId", c."Date", c."PersonId", 'topic' AS d, n.k FROM "OutreachContacts" c JOIN (SELECT 'international-protection' AS k UNION ALL SELECT 'dublin' AS k UNION ALL SELECT 'reception' AS k UNION ALL SELECT 'voluntary-return' AS k UNION ALL SELECT 'other' AS k) n ON instr(',' || c."InformationGiven" || ',', ',' || n.k || ',') > 0
        UNION ALL SELECT c."ProgrammeId", c."Date", c."PersonId", 'orientation' AS d, n.k FROM "OutreachContacts" c JOIN (SELECT 'legal' AS k UNION ALL SELECT 'social' AS k UNION ALL SELECT 'medical' AS k UNION ALL SELECT 'shelter' AS k) n ON instr(',' || c."Orientation" || ',', ',' || n.k || ',') > 0
        UNION ALL SELECT o."ProgrammeId", o."Date", o."PersonId", 'outcome', n.k FROM "OutreachOutcomes" o JOIN (SELECT 'ProtectionApplicationBelgium' AS name, 'protection-application-belgium' AS k UNION ALL SELECT 'ProtectionApplicationFrance' AS name, 'protection-application-france' AS k UNION ALL SELECT 'VoluntaryReturnApplication' AS name, 'voluntary-return-application' AS k UNION ALL SELECT 'ReceptionBelgium' AS name, 'reception-belgium' AS k UNION ALL SELECT 'ReceptionFrance' AS name, 'reception-france' AS k) n ON o."Kind" = n.name) f WHERE f."PersonId" IS NOT NULL AND f.d <> 'flag' GROUP BY f."ProgrammeId", f."Date", f.d, f.k, f."PersonId";
        INSERT INTO "OutreachPersonTallies" ("ProgrammeId", "Grain", "Period", "Dimension", "Key", "PersonId", "Contacts")
        SELECT t."ProgrammeId", g.g, CASE g.g WHEN 'A' THEN '0001-01-01' WHEN 'Y' THEN substr(t."Period", 1, 4) || '-01-01' ELSE substr(t."Period", 1, 7) || '-01' END, t."Dimension", t."Key", t."PersonId", SUM(t."Contacts")
        FROM "OutreachPersonTallies" t CROSS JOIN (SELECT 'A' AS g UNION ALL SELECT 'Y' UNION ALL SELECT 'M') g GROUP BY t."ProgrammeId", g.g, CASE g.g WHEN 'A' THEN '0001-01-01' WHEN 'Y' THEN substr(t."Period", 1, 4) || '-01-01' ELSE substr(t."Period", 1, 7) || '-01' END, t."Dimension", t."Key", t."PersonId";

        INSERT INTO "OutreachTallies" ("ProgrammeId", "Grain", "Period", "Dimension", "Key", "Contacts", "Anonymous", "Known")
        SELECT f."ProgrammeId", 'D', f."Date", f.d, f.k, COUNT(*), SUM(CASE WHEN f."PersonId" IS NULL THEN 1 ELSE 0 END), 0
        FROM (SELECT "ProgrammeId", "Date", "PersonId", 'all' AS d, '' AS k FROM "OutreachContacts"
        UNION ALL SELECT "ProgrammeId", "Date", "PersonId", 'flag', 'follow-up' FROM "OutreachContacts" WHERE "FollowUp"
        UNION ALL SELECT "ProgrammeId", "Date", "PersonId", 'flag', 'mediator' FROM "OutreachContacts" WHERE "MediatorInterpreted"
        UNION ALL SELECT "ProgrammeId", "Date", "PersonId", 'place', "Place" FROM "OutreachContacts"
        UNION ALL SELECT "ProgrammeId", "Date", "PersonId", 'nationality', "Nationality" FROM "OutreachContacts"
        UNION ALL SELECT "ProgrammeId", "Date", "PersonId", 'language', COALESCE("Language", 'unknown') FROM "OutreachContacts"
        UNION ALL SELECT c."ProgrammeId", c."Date", c."PersonId", 'topic' AS d, n.k FROM "OutreachContacts" c JOIN (SELECT 'international-protection' AS k UNION ALL SELECT 'dublin' AS k UNION ALL SELECT 'reception' AS k UNION ALL SELECT 'voluntary-return' AS k UNION ALL SELECT 'other' AS k) n ON instr(',' || c."InformationGiven" || ',', ',' || n.k || ',') > 0
        UNION ALL SELECT c."ProgrammeId", c."Date", c."PersonId", 'orientation' AS d, n.k FROM "OutreachContacts" c JOIN (SELECT 'legal' AS k UNION ALL SELECT 'social' AS k UNION ALL SELECT 'medical' AS k UNION ALL SELECT 'shelter' AS k) n ON instr(',' || c."Orientation" || ',', ',' || n.k || ',') > 0
        UNION ALL SELECT o."ProgrammeId", o."Date", o."PersonId", 'outcome', n.k FROM "OutreachOutcomes" o JOIN (SELECT 'ProtectionApplicationBelgium' AS name, 'protection-application-belgium' AS k UNION ALL SELECT 'ProtectionApplicationFrance' AS name, 'protection-application-france' AS k UNION ALL SELECT 'VoluntaryReturnApplication' AS name, 'voluntary-return-application' AS k UNION ALL SELECT 'ReceptionBelgium' AS name, 'reception-belgium' AS k UNION ALL SELECT 'ReceptionFrance' AS name, 'reception-france' AS k) n ON o."Kind" = n.name) f GROUP BY f."ProgrammeId", f."Date", f.d, f.k;
        INSERT INTO "OutreachTallies" ("ProgrammeId", "Grain", "Period", "Dimension", "Key", "Contacts", "Anonymous", "Known")
        SELECT t."ProgrammeId", g.g, CASE g.g WHEN 'A' THEN '0001-01-01' WHEN 'Y' THEN substr(t."Period", 1, 4) || '-01-01' ELSE substr(t."Period", 1, 7) || '-01' END, t."Dimension", t."Key", SUM(t."Contacts"), SUM(t."Anonymous"), 0
        FROM "OutreachTallies" t CROSS JOIN (SELECT 'A' AS g UNION ALL SELECT 'Y' UNION ALL SELECT 'M') g GROUP BY t."ProgrammeId", g.g, CASE g.g WHEN 'A' THEN '0001-01-01' WHEN 'Y' THEN substr(t."Period", 1, 4) || '-01-01' ELSE substr(t."Period", 1, 7) || '-01' END, t."Dimension", t."Key";
        CREATE TEMP TABLE outreach_known AS
        SELECT "ProgrammeId", "Grain", "Period", "Dimension", "Key", COUNT(*) AS n FROM "OutreachPersonTallies" GROUP BY "ProgrammeId", "Grain", "Period", "Dimension", "Key";
        UPDATE "OutreachTallies" SET "Known" = k.n FROM outreach_known k
        WHERE "OutreachTallies"."ProgrammeId" = k."ProgrammeId" AND "OutreachTallies"."Grain" = k."Grain" AND "OutreachTallies"."Period" = k."Period"
        AND "OutreachTallies"."Dimension" = k."Dimension" AND "OutreachTallies"."Key" = k."Key";
        DROP TABLE outreach_known;
        """;
}
