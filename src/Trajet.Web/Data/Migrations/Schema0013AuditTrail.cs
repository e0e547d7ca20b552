using Microsoft.EntityFrameworkCore.Migrations;

namespace Trajet.Web.Data.Migrations;

/// <summary>The append-only, hash-chained audit trail. Each provider adds its own triggers refusing edits and deletes.</summary>
[Migration("20261122000013_AuditTrail")]
public sealed class Schema0013AuditTrail : Migration
{
    public const string Refusal = "audit entries are append-only";

    protected override void Up(MigrationBuilder mb)
    {
        mb.CreateTable("AuditEntries", t => new
        {
            Sequence = t.Column<long>(nullable: false),
            At = t.Column<DateTime>(nullable: false),
            ActorId = t.Column<Guid>(nullable: true),
            ActorEmail = t.Column<string>(maxLength: 256, nullable: true),
            ActorOrganisationId = t.Column<Guid>(nullable: true),
            Action = t.Column<string>(maxLength: 40, nullable: false),
            EntityType = t.Column<string>(maxLength: 60, nullable: true),
            EntityId = t.Column<string>(maxLength: 100, nullable: true),
            CaseId = t.Column<Guid>(nullable: true),
            OrganisationId = t.Column<Guid>(nullable: true),
            Details = t.Column<string>(nullable: true),
            PreviousHash = t.Column<string>(maxLength: 64, nullable: false),
            Hash = t.Column<string>(maxLength: 64, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_AuditEntries", x => x.Sequence));
        mb.CreateIndex("IX_AuditEntries_At", "AuditEntries", "At");
        mb.CreateIndex("IX_AuditEntries_CaseId_Sequence", "AuditEntries", ["CaseId", "Sequence"]);
        mb.CreateIndex("IX_AuditEntries_OrganisationId_Sequence", "AuditEntries", ["OrganisationId", "Sequence"]);
        mb.CreateIndex("IX_AuditEntries_ActorEmail_Sequence", "AuditEntries", ["ActorEmail", "Sequence"]);
        mb.CreateIndex("IX_AuditEntries_Action_Sequence", "AuditEntries", ["Action", "Sequence"]);
        if (mb.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            PostgresTriggers(mb);
        }
        else
        {
            SqliteTriggers(mb);
        }
    }

    private static void SqliteTriggers(MigrationBuilder mb)
    {
        mb.Sql($"""CREATE TRIGGER "AuditEntries_NoUpdate" BEFORE UPDATE ON "AuditEntries" BEGIN SELECT RAISE(ABORT, '{Refusal}'); END;""");
        mb.Sql($"""CREATE TRIGGER "AuditEntries_NoDelete" BEFORE DELETE ON "AuditEntries" BEGIN SELECT RAISE(ABORT, '{Refusal}'); END;""");
    }

    private static void PostgresTriggers(MigrationBuilder mb)
    {
        mb.Sql($"""
            CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION '{Refusal}';
            END $$;
            """);
        mb.Sql("""CREATE TRIGGER "AuditEntries_NoUpdateOrDelete" BEFORE UPDATE OR DELETE ON "AuditEntries" FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();""");
        mb.Sql("""CREATE TRIGGER "AuditEntries_NoTruncate" BEFORE TRUNCATE ON "AuditEntries" FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();""");
    }
}
