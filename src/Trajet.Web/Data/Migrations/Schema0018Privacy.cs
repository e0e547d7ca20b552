using Microsoft.EntityFrameworkCore.Migrations;

namespace Trajet.Web.Data.Migrations;

/// <summary>
/// Subject rights: each person's own key for the audit's sealed values, when a person or a whole case was erased,
/// and the free text of coaching and outreach encrypted like the other notes (unbounded text on PostgreSQL).
/// </summary>
[Migration("20261122000018_SubjectRights")]
public sealed class Schema0018Privacy : Migration
{
    private static readonly (string Table, string Column)[] ConfidentialColumns =
    [
        ("Interactions", "FileChecked"), ("Interactions", "MissingItems"), ("Interactions", "Conclusions"), ("WalkIns", "Question"),
        ("WalkIns", "OutcomeNotes"), ("Appointments", "CancelReason"), ("PathwayDecisions", "Reasons"), ("PathwayDecisions", "InformationGiven"),
        ("PathwayDecisions", "OptionsExplained"), ("PathwayDecisions", "ConsequencesExplained"), ("OutreachSessions", "Notes"),
        ("OutreachContacts", "InformationOther"), ("OutreachOutcomes", "Notes"), ("InboundReferrals", "Reason"),
    ];

    protected override void Up(MigrationBuilder mb)
    {
        mb.CreateTable("PersonKeys", t => new
        {
            SubjectId = t.Column<Guid>(nullable: false),
            Key = t.Column<string>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_PersonKeys", x => x.SubjectId));
        mb.AddColumn<DateOnly>("ErasedOn", "Members", nullable: true);
        mb.AddColumn<DateOnly>("ErasedOn", "Cases", nullable: true);
        mb.AddColumn<DateOnly>("ErasedOn", "OutreachPeople", nullable: true);
        mb.CreateIndex("IX_Cases_Status_ClosedOn", "Cases", ["Status", "ClosedOn"]);
        if (mb.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            foreach (var (table, column) in ConfidentialColumns)
            {
                mb.Sql($"""ALTER TABLE "{table}" ALTER COLUMN "{column}" TYPE text;""");
            }
        }
    }
}
