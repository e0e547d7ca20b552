using Microsoft.EntityFrameworkCore.Migrations;

namespace Trajet.Web.Data.Migrations;

/// <summary>
/// Organisations, programmes and ASP.NET Core Identity. Written once for both providers:
/// columns are declared by CLR type and each provider maps them to its own SQL types.
/// </summary>
[Migration("20261122000001_Identity")]
public sealed class Schema0001Identity : Migration
{
    protected override void Up(MigrationBuilder mb)
    {
        mb.CreateTable("Organisations", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            Kind = t.Column<string>(maxLength: 40, nullable: false),
            Country = t.Column<string>(maxLength: 2, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Organisations", x => x.Id));
        mb.CreateIndex("IX_Organisations_Name", "Organisations", "Name", unique: true);

        mb.CreateTable("Programmes", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            OrganisationId = t.Column<Guid>(nullable: false),
            Slug = t.Column<string>(maxLength: 60, nullable: false),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            Kind = t.Column<string>(maxLength: 40, nullable: false),
            CasePrefix = t.Column<string>(maxLength: 10, nullable: false),
            IsActive = t.Column<bool>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Programmes", x => x.Id);
            t.ForeignKey("FK_Programmes_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Restrict);
        });
        mb.CreateIndex("IX_Programmes_Slug", "Programmes", "Slug", unique: true);
        mb.CreateIndex("IX_Programmes_OrganisationId", "Programmes", "OrganisationId");

        mb.CreateTable("AspNetRoles", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Name = t.Column<string>(maxLength: 256, nullable: true),
            NormalizedName = t.Column<string>(maxLength: 256, nullable: true),
            ConcurrencyStamp = t.Column<string>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_AspNetRoles", x => x.Id));
        mb.CreateIndex("RoleNameIndex", "AspNetRoles", "NormalizedName", unique: true);

        mb.CreateTable("AspNetUsers", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            DisplayName = t.Column<string>(maxLength: 200, nullable: false),
            OrganisationId = t.Column<Guid>(nullable: true),
            IsActive = t.Column<bool>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UserName = t.Column<string>(maxLength: 256, nullable: true),
            NormalizedUserName = t.Column<string>(maxLength: 256, nullable: true),
            Email = t.Column<string>(maxLength: 256, nullable: true),
            NormalizedEmail = t.Column<string>(maxLength: 256, nullable: true),
            EmailConfirmed = t.Column<bool>(nullable: false),
            PasswordHash = t.Column<string>(nullable: true),
            SecurityStamp = t.Column<string>(nullable: true),
            ConcurrencyStamp = t.Column<string>(nullable: true),
            PhoneNumber = t.Column<string>(nullable: true),
            PhoneNumberConfirmed = t.Column<bool>(nullable: false),
            TwoFactorEnabled = t.Column<bool>(nullable: false),
            LockoutEnd = t.Column<DateTimeOffset>(nullable: true),
            LockoutEnabled = t.Column<bool>(nullable: false),
            AccessFailedCount = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AspNetUsers", x => x.Id);
            t.ForeignKey("FK_AspNetUsers_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Restrict);
        });
        mb.CreateIndex("EmailIndex", "AspNetUsers", "NormalizedEmail");
        mb.CreateIndex("UserNameIndex", "AspNetUsers", "NormalizedUserName", unique: true);
        mb.CreateIndex("IX_AspNetUsers_OrganisationId", "AspNetUsers", "OrganisationId");

        mb.CreateTable("AspNetRoleClaims", t => new
        {
            Id = t.Column<int>(nullable: false)
                .Annotation("Sqlite:Autoincrement", true)
                .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
            RoleId = t.Column<Guid>(nullable: false),
            ClaimType = t.Column<string>(nullable: true),
            ClaimValue = t.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
            t.ForeignKey("FK_AspNetRoleClaims_AspNetRoles_RoleId", x => x.RoleId, "AspNetRoles", "Id", onDelete: ReferentialAction.Cascade);
        });
        mb.CreateIndex("IX_AspNetRoleClaims_RoleId", "AspNetRoleClaims", "RoleId");

        mb.CreateTable("AspNetUserClaims", t => new
        {
            Id = t.Column<int>(nullable: false)
                .Annotation("Sqlite:Autoincrement", true)
                .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
            UserId = t.Column<Guid>(nullable: false),
            ClaimType = t.Column<string>(nullable: true),
            ClaimValue = t.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
            t.ForeignKey("FK_AspNetUserClaims_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });
        mb.CreateIndex("IX_AspNetUserClaims_UserId", "AspNetUserClaims", "UserId");

        mb.CreateTable("AspNetUserLogins", t => new
        {
            LoginProvider = t.Column<string>(nullable: false),
            ProviderKey = t.Column<string>(nullable: false),
            ProviderDisplayName = t.Column<string>(nullable: true),
            UserId = t.Column<Guid>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
            t.ForeignKey("FK_AspNetUserLogins_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });
        mb.CreateIndex("IX_AspNetUserLogins_UserId", "AspNetUserLogins", "UserId");

        mb.CreateTable("AspNetUserRoles", t => new
        {
            UserId = t.Column<Guid>(nullable: false),
            RoleId = t.Column<Guid>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
            t.ForeignKey("FK_AspNetUserRoles_AspNetRoles_RoleId", x => x.RoleId, "AspNetRoles", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_AspNetUserRoles_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });
        mb.CreateIndex("IX_AspNetUserRoles_RoleId", "AspNetUserRoles", "RoleId");

        mb.CreateTable("AspNetUserTokens", t => new
        {
            UserId = t.Column<Guid>(nullable: false),
            LoginProvider = t.Column<string>(nullable: false),
            Name = t.Column<string>(nullable: false),
            Value = t.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
            t.ForeignKey("FK_AspNetUserTokens_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });

        mb.CreateTable("UserProgrammes", t => new
        {
            UserId = t.Column<Guid>(nullable: false),
            ProgrammeId = t.Column<Guid>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_UserProgrammes", x => new { x.UserId, x.ProgrammeId });
            t.ForeignKey("FK_UserProgrammes_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_UserProgrammes_Programmes_ProgrammeId", x => x.ProgrammeId, "Programmes", "Id", onDelete: ReferentialAction.Cascade);
        });
        mb.CreateIndex("IX_UserProgrammes_ProgrammeId", "UserProgrammes", "ProgrammeId");
    }
}
