using Microsoft.EntityFrameworkCore.Migrations;

namespace Trajet.Web.Data.Migrations.Steps;

/// <summary>Demo accounts exempt from the two-factor requirement (the authenticator keys live in Identity's tables).</summary>
internal static class Schema0014TwoFactor
{
    public static void Up(MigrationBuilder mb) =>
        mb.AddColumn<bool>("TwoFactorExempt", "AspNetUsers", nullable: false, defaultValue: false);
}
