using Microsoft.EntityFrameworkCore.Migrations;

namespace Trajet.Web.Data.Migrations;

/// <summary>Demo accounts exempt from the two-factor requirement (the authenticator keys live in Identity's tables).</summary>
[Migration("20261122000014_TwoFactor")]
public sealed class Schema0014TwoFactor : Migration
{
    protected override void Up(MigrationBuilder mb) =>
        mb.AddColumn<bool>("TwoFactorExempt", "AspNetUsers", nullable: false, defaultValue: false);
}
