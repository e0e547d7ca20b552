using Microsoft.EntityFrameworkCore.Migrations;

namespace Trajet.Web.Data.Migrations;

/// <summary>The partners directory and referrals of cases to partners.</summary>
[Migration("20261122000010_Partners")]
public sealed class Schema0010Partners : Migration
{
    protected override void Up(MigrationBuilder mb)
    {
        mb.CreateTable("Partners", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            OrganisationId = t.Column<Guid>(nullable: false),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            Kind = t.Column<string>(maxLength: 40, nullable: false),
            Contact = t.Column<string>(maxLength: 200, nullable: true),
            Phone = t.Column<string>(maxLength: 50, nullable: true),
            Email = t.Column<string>(maxLength: 200, nullable: true),
            Notes = t.Column<string>(maxLength: 2000, nullable: true),
            IsActive = t.Column<bool>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Partners", x => x.Id);
            t.ForeignKey("FK_Partners_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Cascade);
        });
        mb.CreateIndex("IX_Partners_OrganisationId_Name", "Partners", ["OrganisationId", "Name"]);

        mb.CreateTable("PartnerReferrals", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            CaseId = t.Column<Guid>(nullable: false),
            OrganisationId = t.Column<Guid>(nullable: false),
            ProgrammeId = t.Column<Guid>(nullable: false),
            PartnerId = t.Column<Guid>(nullable: false),
            Date = t.Column<DateOnly>(nullable: false),
            Reason = t.Column<string>(maxLength: 1000, nullable: false),
            Status = t.Column<string>(maxLength: 40, nullable: false),
            FamilyAgreedOn = t.Column<DateOnly>(nullable: true),
            StatusOn = t.Column<DateOnly>(nullable: false),
            Notes = t.Column<string>(maxLength: 2000, nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_PartnerReferrals", x => x.Id);
            t.ForeignKey("FK_PartnerReferrals_Cases_CaseId", x => x.CaseId, "Cases", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_PartnerReferrals_Partners_PartnerId", x => x.PartnerId, "Partners", "Id", onDelete: ReferentialAction.Restrict);
        });
        mb.CreateIndex("IX_PartnerReferrals_CaseId", "PartnerReferrals", "CaseId");
        mb.CreateIndex("IX_PartnerReferrals_PartnerId", "PartnerReferrals", "PartnerId");
    }
}
