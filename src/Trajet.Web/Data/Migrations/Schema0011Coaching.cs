using Microsoft.EntityFrameworkCore.Migrations;

namespace Trajet.Web.Data.Migrations;

/// <summary>Individual coaching: desks and their opening hours, walk-ins, appointments, invitation letters, pathway decisions; interview fields on interactions.</summary>
[Migration("20261122000011_Coaching")]
public sealed class Schema0011Coaching : Migration
{
    protected override void Up(MigrationBuilder mb)
    {
        mb.CreateTable("Desks", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            OrganisationId = t.Column<Guid>(nullable: false),
            ProgrammeId = t.Column<Guid>(nullable: false),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            Address = t.Column<string>(maxLength: 300, nullable: false),
            Region = t.Column<string>(maxLength: 40, nullable: false),
            Contact = t.Column<string>(maxLength: 300, nullable: true),
            IsActive = t.Column<bool>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Desks", x => x.Id);
            t.ForeignKey("FK_Desks_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_Desks_Programmes_ProgrammeId", x => x.ProgrammeId, "Programmes", "Id", onDelete: ReferentialAction.Restrict);
        });
        mb.CreateIndex("IX_Desks_OrganisationId_ProgrammeId", "Desks", ["OrganisationId", "ProgrammeId"]);
        mb.CreateIndex("IX_Desks_ProgrammeId", "Desks", "ProgrammeId");

        mb.CreateTable("DeskOpenings", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            DeskId = t.Column<Guid>(nullable: false),
            Day = t.Column<string>(maxLength: 40, nullable: false),
            Opens = t.Column<TimeOnly>(nullable: false),
            Closes = t.Column<TimeOnly>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_DeskOpenings", x => x.Id);
            t.ForeignKey("FK_DeskOpenings_Desks_DeskId", x => x.DeskId, "Desks", "Id", onDelete: ReferentialAction.Cascade);
        });
        mb.CreateIndex("IX_DeskOpenings_DeskId", "DeskOpenings", "DeskId");

        mb.CreateTable("WalkIns", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            OrganisationId = t.Column<Guid>(nullable: false),
            ProgrammeId = t.Column<Guid>(nullable: false),
            DeskId = t.Column<Guid>(nullable: false),
            Date = t.Column<DateOnly>(nullable: false),
            ArrivedAt = t.Column<TimeOnly>(nullable: false),
            Name = t.Column<string>(maxLength: 200, nullable: true),
            Language = t.Column<string>(maxLength: 10, nullable: true),
            InterpreterNeeded = t.Column<bool>(nullable: false),
            FirstVisit = t.Column<bool>(nullable: false),
            CaseId = t.Column<Guid>(nullable: true),
            Question = t.Column<string>(maxLength: 2000, nullable: true),
            Status = t.Column<string>(maxLength: 40, nullable: false),
            SeenByUserId = t.Column<Guid>(nullable: true),
            CalledAt = t.Column<TimeOnly>(nullable: true),
            Outcome = t.Column<string>(maxLength: 40, nullable: true),
            OutcomeNotes = t.Column<string>(maxLength: 2000, nullable: true),
            RegisteredByUserId = t.Column<Guid>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_WalkIns", x => x.Id);
            t.ForeignKey("FK_WalkIns_Desks_DeskId", x => x.DeskId, "Desks", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_WalkIns_Cases_CaseId", x => x.CaseId, "Cases", "Id", onDelete: ReferentialAction.SetNull);
        });
        mb.CreateIndex("IX_WalkIns_DeskId_Date", "WalkIns", ["DeskId", "Date"]);
        mb.CreateIndex("IX_WalkIns_CaseId", "WalkIns", "CaseId");

        mb.CreateTable("Appointments", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            OrganisationId = t.Column<Guid>(nullable: false),
            ProgrammeId = t.Column<Guid>(nullable: false),
            CaseId = t.Column<Guid>(nullable: false),
            CoachUserId = t.Column<Guid>(nullable: false),
            Date = t.Column<DateOnly>(nullable: false),
            Start = t.Column<TimeOnly>(nullable: false),
            End = t.Column<TimeOnly>(nullable: false),
            DeskId = t.Column<Guid>(nullable: true),
            Place = t.Column<string>(maxLength: 300, nullable: true),
            Kind = t.Column<string>(maxLength: 40, nullable: false),
            BookedBy = t.Column<string>(maxLength: 40, nullable: false),
            Purpose = t.Column<string>(maxLength: 1000, nullable: true),
            Status = t.Column<string>(maxLength: 40, nullable: false),
            CancelReason = t.Column<string>(maxLength: 1000, nullable: true),
            BookedByUserId = t.Column<Guid>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Appointments", x => x.Id);
            t.ForeignKey("FK_Appointments_Cases_CaseId", x => x.CaseId, "Cases", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_Appointments_Desks_DeskId", x => x.DeskId, "Desks", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_Appointments_AspNetUsers_CoachUserId", x => x.CoachUserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Restrict);
        });
        mb.CreateIndex("IX_Appointments_CoachUserId_Date", "Appointments", ["CoachUserId", "Date"]);
        mb.CreateIndex("IX_Appointments_DeskId_Date", "Appointments", ["DeskId", "Date"]);
        mb.CreateIndex("IX_Appointments_CaseId", "Appointments", "CaseId");

        mb.CreateTable("Invitations", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            OrganisationId = t.Column<Guid>(nullable: false),
            ProgrammeId = t.Column<Guid>(nullable: false),
            CaseId = t.Column<Guid>(nullable: false),
            AppointmentId = t.Column<Guid>(nullable: false),
            Language = t.Column<string>(maxLength: 2, nullable: false),
            Addressee = t.Column<string>(maxLength: 200, nullable: false),
            Contact = t.Column<string>(maxLength: 300, nullable: true),
            IssuedOn = t.Column<DateOnly>(nullable: false),
            CreatedByUserId = t.Column<Guid>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Invitations", x => x.Id);
            t.ForeignKey("FK_Invitations_Appointments_AppointmentId", x => x.AppointmentId, "Appointments", "Id", onDelete: ReferentialAction.Cascade);
        });
        mb.CreateIndex("IX_Invitations_AppointmentId", "Invitations", "AppointmentId");
        mb.CreateIndex("IX_Invitations_CaseId", "Invitations", "CaseId");

        mb.CreateTable("PathwayDecisions", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            CaseId = t.Column<Guid>(nullable: false),
            OrganisationId = t.Column<Guid>(nullable: false),
            ProgrammeId = t.Column<Guid>(nullable: false),
            Pathway = t.Column<string>(maxLength: 40, nullable: false),
            Date = t.Column<DateOnly>(nullable: false),
            Reasons = t.Column<string>(maxLength: 2000, nullable: false),
            Procedure = t.Column<string>(maxLength: 300, nullable: true),
            InformationGiven = t.Column<string>(maxLength: 4000, nullable: true),
            PersonFilesThemself = t.Column<bool>(nullable: false),
            OptionsExplained = t.Column<string>(maxLength: 4000, nullable: true),
            ReturnPartnerId = t.Column<Guid>(nullable: true),
            ConsequencesExplained = t.Column<string>(maxLength: 4000, nullable: true),
            ForcedReturnExplained = t.Column<bool>(nullable: false),
            EntryBanExplained = t.Column<bool>(nullable: false),
            DecidedByUserId = t.Column<Guid>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_PathwayDecisions", x => x.Id);
            t.ForeignKey("FK_PathwayDecisions_Cases_CaseId", x => x.CaseId, "Cases", "Id", onDelete: ReferentialAction.Cascade);
        });
        mb.CreateIndex("IX_PathwayDecisions_CaseId_Date", "PathwayDecisions", ["CaseId", "Date"]);

        mb.CreateTable("CoachingFiles", t => new
        {
            CaseId = t.Column<Guid>(nullable: false),
            DeskId = t.Column<Guid>(nullable: true),
            Pathway = t.Column<string>(maxLength: 40, nullable: true),
            PathwayOn = t.Column<DateOnly>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_CoachingFiles", x => x.CaseId);
            t.ForeignKey("FK_CoachingFiles_Cases_CaseId", x => x.CaseId, "Cases", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_CoachingFiles_Desks_DeskId", x => x.DeskId, "Desks", "Id", onDelete: ReferentialAction.SetNull);
        });
        mb.CreateIndex("IX_CoachingFiles_DeskId", "CoachingFiles", "DeskId");

        // Interviews are interactions: what was checked in the file, what is missing, the conclusions given.
        mb.AddColumn<string>("FileChecked", "Interactions", maxLength: 4000, nullable: true);
        mb.AddColumn<string>("MissingItems", "Interactions", maxLength: 4000, nullable: true);
        mb.AddColumn<string>("Conclusions", "Interactions", maxLength: 4000, nullable: true);
    }
}
