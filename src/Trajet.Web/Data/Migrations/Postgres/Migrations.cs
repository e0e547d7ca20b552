using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Trajet.Web.Data.Migrations.Steps;

// Postgres's migration history. Each step's body is shared (Steps/); a step that only one
// provider needs (a table rebuild, a provider-specific index) goes in this file alone.
namespace Trajet.Web.Data.Migrations.Postgres;

[DbContext(typeof(PostgresTrajetDbContext))]
[Migration("20261122000001_Identity")]
public sealed class Identity : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => Schema0001Identity.Up(migrationBuilder);
}

[DbContext(typeof(PostgresTrajetDbContext))]
[Migration("20261122000002_Cases")]
public sealed class Cases : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => Schema0002Cases.Up(migrationBuilder);
}

[DbContext(typeof(PostgresTrajetDbContext))]
[Migration("20261122000003_OutreachContacts")]
public sealed class OutreachContacts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => Schema0003OutreachContacts.Up(migrationBuilder);
}

[DbContext(typeof(PostgresTrajetDbContext))]
[Migration("20261122000004_CaseFiles")]
public sealed class CaseFiles : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        Schema0004CaseFiles.Up(migrationBuilder);
        migrationBuilder.Sql("""UPDATE "CaseStatusChanges" SET "Date" = "At"::date;""");
    }
}

[DbContext(typeof(PostgresTrajetDbContext))]
[Migration("20261122000005_Instruments")]
public sealed class Instruments : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => Schema0005Instruments.Up(migrationBuilder);
}

[DbContext(typeof(PostgresTrajetDbContext))]
[Migration("20261122000006_Interactions")]
public sealed class Interactions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => Schema0006Interactions.Up(migrationBuilder);
}

[DbContext(typeof(PostgresTrajetDbContext))]
[Migration("20261122000007_LegalChronology")]
public sealed class LegalChronology : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => Schema0007LegalChronology.Up(migrationBuilder);
}

[DbContext(typeof(PostgresTrajetDbContext))]
[Migration("20261122000009_ActionPlans")]
public sealed class ActionPlans : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => Schema0009ActionPlans.Up(migrationBuilder);
}

[DbContext(typeof(PostgresTrajetDbContext))]
[Migration("20261122000008_Documents")]
public sealed class Documents : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => Schema0008Documents.Up(migrationBuilder);
}

[DbContext(typeof(PostgresTrajetDbContext))]
[Migration("20261122000010_Partners")]
public sealed class Partners : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => Schema0010Partners.Up(migrationBuilder);
}

[DbContext(typeof(PostgresTrajetDbContext))]
[Migration("20261122000012_Outreach")]
public sealed class Outreach : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => Schema0012Outreach.Up(migrationBuilder);
}

[DbContext(typeof(PostgresTrajetDbContext))]
[Migration("20261122000015_Consents")]
public sealed class Consents : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => Schema0015Consents.Up(migrationBuilder);
}

[DbContext(typeof(PostgresTrajetDbContext))]
[Migration("20261122000017_ConfidentialText")]
public sealed class ConfidentialTextColumns : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => Schema0017ConfidentialText.Up(migrationBuilder);
}

[DbContext(typeof(PostgresTrajetDbContext))]
[Migration("20261122000013_AuditTrail")]
public sealed class AuditTrail : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        Schema0013AuditTrail.Up(migrationBuilder);
        Schema0013AuditTrail.PostgresTriggers(migrationBuilder);
    }
}

[DbContext(typeof(PostgresTrajetDbContext))]
[Migration("20261122000014_TwoFactor")]
public sealed class TwoFactor : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => Schema0014TwoFactor.Up(migrationBuilder);
}

[DbContext(typeof(PostgresTrajetDbContext))]
[Migration("20261122000016_Indexes")]
public sealed class Indexes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => Schema0016Indexes.Up(migrationBuilder);
}

[DbContext(typeof(PostgresTrajetDbContext))]
[Migration("20261122000011_Coaching")]
public sealed class Coaching : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => Schema0011Coaching.Up(migrationBuilder);
}

[DbContext(typeof(PostgresTrajetDbContext))]
[Migration("20261122000018_SubjectRights")]
public sealed class SubjectRights : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => Schema0018Privacy.Up(migrationBuilder);
}

[DbContext(typeof(PostgresTrajetDbContext))]
[Migration("20261122000019_StartupTasks")]
public sealed class StartupTasksTable : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => Schema0019StartupTasks.Up(migrationBuilder);
}

[DbContext(typeof(PostgresTrajetDbContext))]
[Migration("20261122000020_LatestSheet")]
public sealed class LatestSheetFlag : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => Schema0020LatestSheet.Up(migrationBuilder);
}

[DbContext(typeof(PostgresTrajetDbContext))]
[Migration("20261122000021_SearchIndexes")]
public sealed class SearchIndexes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => Schema0021SearchIndexes.Up(migrationBuilder);
}

[DbContext(typeof(PostgresTrajetDbContext))]
[Migration("20261122000022_NameTrigrams")]
public sealed class NameTrigrams : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => Schema0022NameTrigrams.Up(migrationBuilder);
}

[DbContext(typeof(PostgresTrajetDbContext))]
[Migration("20261122000023_InteractionTotals")]
public sealed class InteractionTotalsColumns : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => Schema0023InteractionTotals.Up(migrationBuilder);
}

[DbContext(typeof(PostgresTrajetDbContext))]
[Migration("20261122000024_MoreIndexes")]
public sealed class MoreIndexes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => Schema0024MoreIndexes.Up(migrationBuilder);
}

[DbContext(typeof(PostgresTrajetDbContext))]
[Migration("20261206000025_UserSessions")]
public sealed class UserSessions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => Schema0025UserSessions.Up(migrationBuilder);
}
