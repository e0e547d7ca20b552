using Microsoft.EntityFrameworkCore.Migrations;

namespace Trajet.Web.Data.Migrations;

/// <summary>Outreach: places, sessions, people met again, outcomes, inbound referrals and cross-border shares.</summary>
[Migration("20261122000012_Outreach")]
public sealed class Schema0012Outreach : Migration
{
    protected override void Up(MigrationBuilder mb)
    {
        // Plain columns on the existing contacts: SQLite cannot add a foreign key to a table in place.
        mb.AddColumn<Guid>("SessionId", "OutreachContacts", nullable: true);
        mb.AddColumn<Guid>("PlaceId", "OutreachContacts", nullable: true);
        mb.AddColumn<Guid>("PersonId", "OutreachContacts", nullable: true);
        mb.AddColumn<Guid>("PartnerId", "OutreachContacts", nullable: true);
        mb.AddColumn<string>("InformationOther", "OutreachContacts", maxLength: 200, nullable: true);
        mb.CreateIndex("IX_OutreachContacts_SessionId", "OutreachContacts", "SessionId");
        mb.CreateIndex("IX_OutreachContacts_PersonId", "OutreachContacts", "PersonId");

        mb.CreateTable("OutreachPlaces", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            OrganisationId = t.Column<Guid>(nullable: false),
            ProgrammeId = t.Column<Guid>(nullable: false),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            Type = t.Column<string>(maxLength: 40, nullable: false),
            City = t.Column<string>(maxLength: 100, nullable: false),
            Region = t.Column<string>(maxLength: 100, nullable: true),
            Country = t.Column<string>(maxLength: 2, nullable: false),
            IsActive = t.Column<bool>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_OutreachPlaces", x => x.Id);
            t.ForeignKey("FK_OutreachPlaces_Programmes_ProgrammeId", x => x.ProgrammeId, "Programmes", "Id", onDelete: ReferentialAction.Restrict);
        });
        mb.CreateIndex("IX_OutreachPlaces_ProgrammeId_Name", "OutreachPlaces", ["ProgrammeId", "Name"]);

        mb.CreateTable("OutreachSessions", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            OrganisationId = t.Column<Guid>(nullable: false),
            ProgrammeId = t.Column<Guid>(nullable: false),
            Kind = t.Column<string>(maxLength: 40, nullable: false),
            Date = t.Column<DateOnly>(nullable: false),
            PlaceId = t.Column<Guid>(nullable: false),
            Languages = t.Column<string>(maxLength: 100, nullable: false),
            Notes = t.Column<string>(maxLength: 1000, nullable: true),
            CreatedByUserId = t.Column<Guid>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_OutreachSessions", x => x.Id);
            t.ForeignKey("FK_OutreachSessions_OutreachPlaces_PlaceId", x => x.PlaceId, "OutreachPlaces", "Id", onDelete: ReferentialAction.Restrict);
        });
        mb.CreateIndex("IX_OutreachSessions_ProgrammeId_Date", "OutreachSessions", ["ProgrammeId", "Date"]);
        mb.CreateIndex("IX_OutreachSessions_PlaceId", "OutreachSessions", "PlaceId");

        mb.CreateTable("OutreachSessionWorkers", t => new
        {
            SessionId = t.Column<Guid>(nullable: false),
            UserId = t.Column<Guid>(nullable: false),
            IsMediator = t.Column<bool>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_OutreachSessionWorkers", x => new { x.SessionId, x.UserId });
            t.ForeignKey("FK_OutreachSessionWorkers_OutreachSessions_SessionId", x => x.SessionId, "OutreachSessions", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_OutreachSessionWorkers_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });
        mb.CreateIndex("IX_OutreachSessionWorkers_UserId", "OutreachSessionWorkers", "UserId");

        mb.CreateTable("OutreachPeople", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            OrganisationId = t.Column<Guid>(nullable: false),
            ProgrammeId = t.Column<Guid>(nullable: false),
            Nickname = t.Column<string>(maxLength: 100, nullable: false),
            FirstName = t.Column<string>(maxLength: 100, nullable: true),
            LastName = t.Column<string>(maxLength: 100, nullable: true),
            Phone = t.Column<string>(maxLength: 50, nullable: true),
            PhoneDigits = t.Column<string>(maxLength: 30, nullable: true),
            Gender = t.Column<string>(maxLength: 40, nullable: false),
            AgeBand = t.Column<string>(maxLength: 40, nullable: false),
            Nationality = t.Column<string>(maxLength: 10, nullable: false),
            Languages = t.Column<string>(maxLength: 100, nullable: false),
            SearchName = t.Column<string>(maxLength: 300, nullable: false),
            SoundKeys = t.Column<string>(maxLength: 300, nullable: false),
            CaseId = t.Column<Guid>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_OutreachPeople", x => x.Id);
            t.ForeignKey("FK_OutreachPeople_Programmes_ProgrammeId", x => x.ProgrammeId, "Programmes", "Id", onDelete: ReferentialAction.Restrict);
        });
        mb.CreateIndex("IX_OutreachPeople_ProgrammeId_SearchName", "OutreachPeople", ["ProgrammeId", "SearchName"]);
        mb.CreateIndex("IX_OutreachPeople_ProgrammeId_PhoneDigits", "OutreachPeople", ["ProgrammeId", "PhoneDigits"]);

        mb.CreateTable("OutreachOutcomes", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            OrganisationId = t.Column<Guid>(nullable: false),
            ProgrammeId = t.Column<Guid>(nullable: false),
            PersonId = t.Column<Guid>(nullable: false),
            Kind = t.Column<string>(maxLength: 40, nullable: false),
            Date = t.Column<DateOnly>(nullable: false),
            Notes = t.Column<string>(maxLength: 1000, nullable: true),
            RecordedByUserId = t.Column<Guid>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_OutreachOutcomes", x => x.Id);
            t.ForeignKey("FK_OutreachOutcomes_OutreachPeople_PersonId", x => x.PersonId, "OutreachPeople", "Id", onDelete: ReferentialAction.Cascade);
        });
        mb.CreateIndex("IX_OutreachOutcomes_PersonId_Date", "OutreachOutcomes", ["PersonId", "Date"]);
        mb.CreateIndex("IX_OutreachOutcomes_ProgrammeId_Date", "OutreachOutcomes", ["ProgrammeId", "Date"]);

        mb.CreateTable("InboundReferrals", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            OrganisationId = t.Column<Guid>(nullable: false),
            ProgrammeId = t.Column<Guid>(nullable: false),
            PartnerId = t.Column<Guid>(nullable: false),
            Date = t.Column<DateOnly>(nullable: false),
            Name = t.Column<string>(maxLength: 100, nullable: false),
            Phone = t.Column<string>(maxLength: 50, nullable: true),
            Language = t.Column<string>(maxLength: 10, nullable: true),
            Reason = t.Column<string>(maxLength: 1000, nullable: false),
            Status = t.Column<string>(maxLength: 40, nullable: false),
            PersonId = t.Column<Guid>(nullable: true),
            ContactId = t.Column<Guid>(nullable: true),
            HandledOn = t.Column<DateOnly>(nullable: true),
            RecordedByUserId = t.Column<Guid>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_InboundReferrals", x => x.Id);
            t.ForeignKey("FK_InboundReferrals_Partners_PartnerId", x => x.PartnerId, "Partners", "Id", onDelete: ReferentialAction.Restrict);
        });
        mb.CreateIndex("IX_InboundReferrals_ProgrammeId_Status_Date", "InboundReferrals", ["ProgrammeId", "Status", "Date"]);
        mb.CreateIndex("IX_InboundReferrals_PartnerId", "InboundReferrals", "PartnerId");

        mb.CreateTable("CrossBorderShares", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            OrganisationId = t.Column<Guid>(nullable: false),
            ProgrammeId = t.Column<Guid>(nullable: false),
            PersonId = t.Column<Guid>(nullable: false),
            ConsentId = t.Column<Guid>(nullable: false),
            RecipientOrganisationId = t.Column<Guid>(nullable: false),
            RecipientProgrammeId = t.Column<Guid>(nullable: false),
            SharedOn = t.Column<DateOnly>(nullable: false),
            StoppedOn = t.Column<DateOnly>(nullable: true),
            SharedByUserId = t.Column<Guid>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_CrossBorderShares", x => x.Id);
            t.ForeignKey("FK_CrossBorderShares_OutreachPeople_PersonId", x => x.PersonId, "OutreachPeople", "Id", onDelete: ReferentialAction.Cascade);
        });
        mb.CreateIndex("IX_CrossBorderShares_PersonId", "CrossBorderShares", "PersonId");
        // Consents come with a later migration (0015): the consent is referred to without a foreign key.
        mb.CreateIndex("IX_CrossBorderShares_ConsentId", "CrossBorderShares", "ConsentId");
        mb.CreateIndex("IX_CrossBorderShares_RecipientOrganisationId_StoppedOn", "CrossBorderShares", ["RecipientOrganisationId", "StoppedOn"]);
    }
}
