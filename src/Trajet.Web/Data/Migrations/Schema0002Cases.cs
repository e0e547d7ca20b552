using Microsoft.EntityFrameworkCore.Migrations;

namespace Trajet.Web.Data.Migrations;

/// <summary>Case files: the case with its referral, household members and status history.</summary>
[Migration("20261122000002_Cases")]
public sealed class Schema0002Cases : Migration
{
    protected override void Up(MigrationBuilder mb)
    {
        mb.CreateTable("Cases", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            OrganisationId = t.Column<Guid>(nullable: false),
            ProgrammeId = t.Column<Guid>(nullable: false),
            Number = t.Column<string>(maxLength: 30, nullable: false),
            Kind = t.Column<string>(maxLength: 40, nullable: false),
            Status = t.Column<string>(maxLength: 40, nullable: false),
            ReferralSource = t.Column<string>(maxLength: 40, nullable: false),
            ReferredBy = t.Column<string>(maxLength: 200, nullable: true),
            ReferralDate = t.Column<DateOnly>(nullable: false),
            KnownBefore = t.Column<bool>(nullable: true),
            RiskAtIntake = t.Column<string>(maxLength: 40, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Cases", x => x.Id);
            t.ForeignKey("FK_Cases_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_Cases_Programmes_ProgrammeId", x => x.ProgrammeId, "Programmes", "Id", onDelete: ReferentialAction.Restrict);
        });
        mb.CreateIndex("IX_Cases_ProgrammeId_Number", "Cases", ["ProgrammeId", "Number"], unique: true);
        mb.CreateIndex("IX_Cases_OrganisationId_Status", "Cases", ["OrganisationId", "Status"]);
        mb.CreateIndex("IX_Cases_OrganisationId_CreatedAt", "Cases", ["OrganisationId", "CreatedAt"]);

        mb.CreateTable("Members", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            CaseId = t.Column<Guid>(nullable: false),
            OrganisationId = t.Column<Guid>(nullable: false),
            Role = t.Column<string>(maxLength: 40, nullable: false),
            FirstName = t.Column<string>(maxLength: 100, nullable: false),
            LastName = t.Column<string>(maxLength: 100, nullable: false),
            Gender = t.Column<string>(maxLength: 40, nullable: false),
            BirthDate = t.Column<DateOnly>(nullable: true),
            EstimatedAge = t.Column<int>(nullable: true),
            Nationality = t.Column<string>(maxLength: 10, nullable: false),
            Languages = t.Column<string>(maxLength: 100, nullable: false),
            SearchName = t.Column<string>(maxLength: 300, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Members", x => x.Id);
            t.ForeignKey("FK_Members_Cases_CaseId", x => x.CaseId, "Cases", "Id", onDelete: ReferentialAction.Cascade);
        });
        mb.CreateIndex("IX_Members_CaseId", "Members", "CaseId");
        mb.CreateIndex("IX_Members_OrganisationId_SearchName", "Members", ["OrganisationId", "SearchName"]);

        mb.CreateTable("CaseStatusChanges", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            CaseId = t.Column<Guid>(nullable: false),
            From = t.Column<string>(maxLength: 40, nullable: true),
            To = t.Column<string>(maxLength: 40, nullable: false),
            At = t.Column<DateTime>(nullable: false),
            ByUserId = t.Column<Guid>(nullable: true),
            Reason = t.Column<string>(maxLength: 1000, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_CaseStatusChanges", x => x.Id);
            t.ForeignKey("FK_CaseStatusChanges_Cases_CaseId", x => x.CaseId, "Cases", "Id", onDelete: ReferentialAction.Cascade);
        });
        mb.CreateIndex("IX_CaseStatusChanges_CaseId_At", "CaseStatusChanges", ["CaseId", "At"]);
    }
}
