using Microsoft.EntityFrameworkCore.Migrations;

namespace Trajet.Web.Data.Migrations;

/// <summary>Consent per person (or household) and purpose, with its withdrawal.</summary>
[Migration("20261122000015_Consents")]
public sealed class Schema0015Consents : Migration
{
    protected override void Up(MigrationBuilder mb)
    {
        mb.CreateTable("Consents", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            OrganisationId = t.Column<Guid>(nullable: false),
            CaseId = t.Column<Guid>(nullable: true),
            MemberId = t.Column<Guid>(nullable: true),
            OutreachPersonId = t.Column<Guid>(nullable: true),
            Purpose = t.Column<string>(maxLength: 40, nullable: false),
            PartnerId = t.Column<Guid>(nullable: true),
            RecipientOrganisationId = t.Column<Guid>(nullable: true),
            GivenOn = t.Column<DateOnly>(nullable: false),
            ExplainedHow = t.Column<string>(maxLength: 1000, nullable: false),
            Language = t.Column<string>(maxLength: 10, nullable: true),
            RecordedById = t.Column<Guid>(nullable: false),
            WithdrawnOn = t.Column<DateOnly>(nullable: true),
            WithdrawalNote = t.Column<string>(maxLength: 1000, nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Consents", x => x.Id);
            t.ForeignKey("FK_Consents_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_Consents_Cases_CaseId", x => x.CaseId, "Cases", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_Consents_Members_MemberId", x => x.MemberId, "Members", "Id", onDelete: ReferentialAction.Cascade);
        });
        mb.CreateIndex("IX_Consents_CaseId_Purpose", "Consents", ["CaseId", "Purpose"]);
        mb.CreateIndex("IX_Consents_MemberId", "Consents", "MemberId");
        mb.CreateIndex("IX_Consents_OrganisationId_OutreachPersonId", "Consents", ["OrganisationId", "OutreachPersonId"]);
    }
}
