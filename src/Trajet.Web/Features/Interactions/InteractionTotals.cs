namespace Trajet.Web.Features.Interactions;

/// <summary>
/// Each case's interaction totals and the bounds of their dates, kept by triggers on <c>Interactions</c> (migration
/// 0023) so that the report counts contacts from case rows (docs/architecture.md). A removal leaves the bounds as
/// they are: wider bounds only send the report to that case's interactions.
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

    /// <summary>The triggers as migration 0023 created them.</summary>
    public static string CreateTriggersSql(bool postgres) => Data.Migrations.Schema0023InteractionTotals.Triggers(postgres);

    public static string DropTriggersSql(bool postgres) => postgres
        ? """DROP TRIGGER IF EXISTS "Interactions_Totals" ON "Interactions";"""
        : """
          DROP TRIGGER IF EXISTS "Interactions_Totals_Insert";
          DROP TRIGGER IF EXISTS "Interactions_Totals_Update";
          DROP TRIGGER IF EXISTS "Interactions_Totals_Delete";
          """;
}
