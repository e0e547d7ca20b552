using Microsoft.EntityFrameworkCore.Migrations;

namespace Trajet.Web.Data.Migrations;

/// <summary>
/// Encrypted notes are longer than the text they protect: their columns become unbounded text on PostgreSQL
/// (SQLite never enforced the lengths). The length rules stay in the use cases.
/// </summary>
[Migration("20261122000017_ConfidentialText")]
public sealed class Schema0017ConfidentialText : Migration
{
    private static readonly (string Table, string Column)[] Columns =
    [
        ("Members", "FamilyLinks"), ("Members", "ConditionsImposed"), ("CaseStatusChanges", "Reason"), ("ScreeningAnswers", "Note"),
        ("SummarySheets", "Group1Obstacles"), ("SummarySheets", "Group2Obstacles"), ("SummarySheets", "Group3Obstacles"), ("SummarySheets", "Observations"),
        ("BaselineScores", "Why"), ("CaseStudies", "Profile"), ("CaseStudies", "Screening"), ("CaseStudies", "Planning"), ("CaseStudies", "Interventions"),
        ("CaseStudies", "Review"), ("CaseStudies", "Closure"), ("Interactions", "Notes"), ("Interactions", "NextSteps"), ("LegalEvents", "Notes"),
        ("PlanReviews", "Progress"), ("PlanReviews", "Changes"), ("PartnerReferrals", "Notes"), ("CaseDocuments", "Notes"), ("Consents", "WithdrawalNote"),
    ];

    protected override void Up(MigrationBuilder mb)
    {
        if (mb.ActiveProvider != "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            return;
        }
        foreach (var (table, column) in Columns)
        {
            mb.Sql($"""ALTER TABLE "{table}" ALTER COLUMN "{column}" TYPE text;""");
        }
    }
}
