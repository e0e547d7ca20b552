using Microsoft.EntityFrameworkCore.Migrations;
using Trajet.Web.Features.CaseWork;

namespace Trajet.Web.Data.Migrations.Steps;

/// <summary>
/// Each case keeps its interaction totals and the bounds of their dates, moved by triggers on <c>Interactions</c>
/// (CaseWork/InteractionTotals.cs), so that the evaluation report does not count a national caseload's 1.8 million
/// interactions one by one. Counted here once for the interactions already recorded.
/// </summary>
internal static class Schema0023InteractionTotals
{
    public static void Up(MigrationBuilder mb)
    {
        mb.AddColumn<int>("InteractionCount", "Cases", nullable: false, defaultValue: 0);
        mb.AddColumn<int>("HomeVisitCount", "Cases", nullable: false, defaultValue: 0);
        mb.AddColumn<DateOnly>("FirstInteractionOn", "Cases", nullable: true);
        mb.AddColumn<DateOnly>("LastInteractionOn", "Cases", nullable: true);
        mb.Sql(InteractionTotals.RecountSql);
        mb.Sql(InteractionTotals.CreateTriggersSql(postgres: mb.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL"));
    }
}
