using Microsoft.EntityFrameworkCore.Migrations;

namespace Trajet.Web.Data.Migrations;

/// <summary>
/// Each case keeps its interaction totals and the bounds of their dates, moved by triggers on <c>Interactions</c>
/// (see CaseWork/InteractionTotals.cs), so that the evaluation report does not count a national caseload's 1.8 million
/// interactions one by one. Counted here once for the interactions already recorded.
/// </summary>
[Migration("20261122000023_InteractionTotals")]
public sealed class Schema0023InteractionTotals : Migration
{
    protected override void Up(MigrationBuilder mb)
    {
        mb.AddColumn<int>("InteractionCount", "Cases", nullable: false, defaultValue: 0);
        mb.AddColumn<int>("HomeVisitCount", "Cases", nullable: false, defaultValue: 0);
        mb.AddColumn<DateOnly>("FirstInteractionOn", "Cases", nullable: true);
        mb.AddColumn<DateOnly>("LastInteractionOn", "Cases", nullable: true);
        mb.Sql(Recount);
        mb.Sql(Triggers(postgres: mb.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL"));
    }

    /// <summary>The triggers as this step creates them (the benchmark's generator drops and recreates them around its load).</summary>
    public static string Triggers(bool postgres) => postgres ? PostgresTriggers : SqliteTriggers;

    private const string Recount = """
        UPDATE "Cases" SET
            "InteractionCount" = (SELECT COUNT(*) FROM "Interactions" AS i WHERE i."CaseId" = "Cases"."Id"),
            "HomeVisitCount" = (SELECT COUNT(*) FROM "Interactions" AS i WHERE i."CaseId" = "Cases"."Id" AND i."Type" = 'HomeVisit'),
            "FirstInteractionOn" = (SELECT MIN(i."Date") FROM "Interactions" AS i WHERE i."CaseId" = "Cases"."Id"),
            "LastInteractionOn" = (SELECT MAX(i."Date") FROM "Interactions" AS i WHERE i."CaseId" = "Cases"."Id");
        """;

    private const string SqliteLeave = """
        UPDATE "Cases" SET "InteractionCount" = "InteractionCount" - 1, "HomeVisitCount" = "HomeVisitCount" - (old."Type" = 'HomeVisit')
            WHERE "Id" = old."CaseId";
        """;

    private const string SqliteJoin = """
        UPDATE "Cases" SET "InteractionCount" = "InteractionCount" + 1, "HomeVisitCount" = "HomeVisitCount" + (new."Type" = 'HomeVisit'),
            "FirstInteractionOn" = CASE WHEN "FirstInteractionOn" IS NULL OR new."Date" < "FirstInteractionOn" THEN new."Date" ELSE "FirstInteractionOn" END,
            "LastInteractionOn" = CASE WHEN "LastInteractionOn" IS NULL OR new."Date" > "LastInteractionOn" THEN new."Date" ELSE "LastInteractionOn" END
            WHERE "Id" = new."CaseId";
        """;

    private const string SqliteTriggers = $"""
        CREATE TRIGGER "Interactions_Totals_Insert" AFTER INSERT ON "Interactions" BEGIN
            {SqliteJoin}
        END;
        CREATE TRIGGER "Interactions_Totals_Update" AFTER UPDATE OF "CaseId", "Type", "Date" ON "Interactions" BEGIN
            {SqliteLeave}
            {SqliteJoin}
        END;
        CREATE TRIGGER "Interactions_Totals_Delete" AFTER DELETE ON "Interactions" BEGIN
            {SqliteLeave}
        END;
        """;

    private const string PostgresTriggers = """
        CREATE OR REPLACE FUNCTION trajet_interaction_totals() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP IN ('UPDATE', 'DELETE') THEN
                UPDATE "Cases" SET "InteractionCount" = "InteractionCount" - 1,
                    "HomeVisitCount" = "HomeVisitCount" - CASE WHEN OLD."Type" = 'HomeVisit' THEN 1 ELSE 0 END
                    WHERE "Id" = OLD."CaseId";
            END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') THEN
                UPDATE "Cases" SET "InteractionCount" = "InteractionCount" + 1,
                    "HomeVisitCount" = "HomeVisitCount" + CASE WHEN NEW."Type" = 'HomeVisit' THEN 1 ELSE 0 END,
                    "FirstInteractionOn" = LEAST("FirstInteractionOn", NEW."Date"),
                    "LastInteractionOn" = GREATEST("LastInteractionOn", NEW."Date")
                    WHERE "Id" = NEW."CaseId";
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER "Interactions_Totals" AFTER INSERT OR DELETE OR UPDATE OF "CaseId", "Type", "Date" ON "Interactions"
            FOR EACH ROW EXECUTE FUNCTION trajet_interaction_totals();
        """;
}
