using Trajet.Web.Features.Cases;

namespace Trajet.Web.Features.CaseWork;

/// <summary>
/// Each case's interaction totals (<see cref="Case.InteractionCount"/>, <see cref="Case.HomeVisitCount"/> and the bounds
/// of their dates), kept by database triggers on <c>Interactions</c> (migration 0023): whatever adds, changes or removes
/// an interaction moves them in the same statement, with no round trip of its own. The evaluation report then counts a
/// national caseload's contacts from 100,000 case rows instead of 1.8 million interactions, reading the interactions
/// only of the cases whose interactions are not all within its period. A removal leaves the bounds as they are: wider
/// bounds only send the report to that case's interactions.
/// </summary>
public static class InteractionTotals
{
    /// <summary>Adds one interaction to the totals of a case being built, as the triggers would (the benchmark's generator, which loads with them off).</summary>
    public static void Add(Case c, Interaction interaction)
    {
        c.InteractionCount++;
        c.HomeVisitCount += interaction.Type == InteractionType.HomeVisit ? 1 : 0;
        c.FirstInteractionOn = c.FirstInteractionOn is { } first && first < interaction.Date ? first : interaction.Date;
        c.LastInteractionOn = c.LastInteractionOn is { } last && last > interaction.Date ? last : interaction.Date;
    }

    /// <summary>The totals of every case counted again from its interactions (migration 0023; after a load with the triggers off).</summary>
    public const string RecountSql = """
        UPDATE "Cases" SET
            "InteractionCount" = (SELECT COUNT(*) FROM "Interactions" AS i WHERE i."CaseId" = "Cases"."Id"),
            "HomeVisitCount" = (SELECT COUNT(*) FROM "Interactions" AS i WHERE i."CaseId" = "Cases"."Id" AND i."Type" = 'HomeVisit'),
            "FirstInteractionOn" = (SELECT MIN(i."Date") FROM "Interactions" AS i WHERE i."CaseId" = "Cases"."Id"),
            "LastInteractionOn" = (SELECT MAX(i."Date") FROM "Interactions" AS i WHERE i."CaseId" = "Cases"."Id");
        """;

    public static string CreateTriggersSql(bool postgres) => postgres ? PostgresTriggers : SqliteTriggers;

    public static string DropTriggersSql(bool postgres) => postgres
        ? """DROP TRIGGER IF EXISTS "Interactions_Totals" ON "Interactions";"""
        : """
          DROP TRIGGER IF EXISTS "Interactions_Totals_Insert";
          DROP TRIGGER IF EXISTS "Interactions_Totals_Update";
          DROP TRIGGER IF EXISTS "Interactions_Totals_Delete";
          """;

    // The two halves of every trigger: an interaction leaves its case (old), an interaction joins its case (new).
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
