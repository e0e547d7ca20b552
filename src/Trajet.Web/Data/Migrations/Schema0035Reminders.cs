using Microsoft.EntityFrameworkCore.Migrations;

namespace Trajet.Web.Data.Migrations;

/// <summary>
/// Reminders (Features/Reminders): the mail outbox, each worker's reminder settings, and the leases under which the
/// scheduled jobs run on one instance at a time (Infrastructure/Jobs).
/// </summary>
[Migration("20261207000035_Reminders")]
public sealed class Schema0035Reminders : Migration
{
    protected override void Up(MigrationBuilder mb)
    {
        mb.CreateTable("OutgoingMails", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Key = t.Column<string>(maxLength: 120, nullable: false),
            Kind = t.Column<string>(maxLength: 40, nullable: false),
            UserId = t.Column<Guid>(nullable: true),
            OrganisationId = t.Column<Guid>(nullable: true),
            Day = t.Column<DateOnly>(nullable: true),
            To = t.Column<string>(nullable: false),
            Subject = t.Column<string>(maxLength: 300, nullable: false),
            Text = t.Column<string>(nullable: true),
            Html = t.Column<string>(nullable: true),
            Lines = t.Column<int>(nullable: false),
            Status = t.Column<string>(maxLength: 40, nullable: false),
            Attempts = t.Column<int>(nullable: false),
            NextAttemptAt = t.Column<DateTime>(nullable: false),
            LastError = t.Column<string>(maxLength: 1000, nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            SentAt = t.Column<DateTime>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_OutgoingMails", x => x.Id);
            t.ForeignKey("FK_OutgoingMails_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });
        mb.CreateIndex("IX_OutgoingMails_Key", "OutgoingMails", "Key", unique: true);
        mb.CreateIndex("IX_OutgoingMails_Status_NextAttemptAt", "OutgoingMails", ["Status", "NextAttemptAt"]);
        mb.CreateIndex("IX_OutgoingMails_UserId_Day", "OutgoingMails", ["UserId", "Day"]);

        mb.CreateTable("ReminderPreferences", t => new
        {
            UserId = t.Column<Guid>(nullable: false),
            Enabled = t.Column<bool>(nullable: false),
            Hour = t.Column<int>(nullable: false),
            Language = t.Column<string>(maxLength: 5, nullable: false),
            DoneOn = t.Column<DateOnly>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ReminderPreferences", x => x.UserId);
            t.ForeignKey("FK_ReminderPreferences_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });

        mb.CreateTable("JobLeases", t => new
        {
            Name = t.Column<string>(maxLength: 60, nullable: false),
            Holder = t.Column<string>(maxLength: 100, nullable: true),
            Until = t.Column<DateTime>(nullable: false),
            LastRunAt = t.Column<DateTime>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_JobLeases", x => x.Name));
    }
}
