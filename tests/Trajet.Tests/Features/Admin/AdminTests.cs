using System.Net;
using Microsoft.EntityFrameworkCore;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Features.Accounts;

namespace Trajet.Tests.Features.Admin;

public sealed class AdminTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Administrator_CreatesOrganisationProgrammeAndUserWhoCanSignIn()
    {
        using var admin = await app.SignedInBrowserAsync(await app.CreateUserAsync(Roles.Administrator));
        var name = $"Organisation {Guid.NewGuid():N}"[..30];
        var slug = $"p-{Guid.NewGuid():N}"[..20];

        var organisations = await Html.GetAsync(admin, "/Admin/Organisations");
        var created = await Html.SubmitAsync(admin, organisations, "main form", new Dictionary<string, string> { ["Input.Name"] = name, ["Input.Kind"] = "Ngo", ["Input.Country"] = "BE" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var edit = await Html.GetAsync(admin, created.Headers.Location!.OriginalString);
        var withProgramme = await Html.SubmitAsync(admin, edit, "form.card", new Dictionary<string, string>
        {
            ["Input.Slug"] = slug,
            ["Input.Name"] = "Pilot",
            ["Input.Kind"] = "FamilyCaseManagement",
            ["Input.CasePrefix"] = "PI",
        });
        Assert.Equal(HttpStatusCode.Redirect, withProgramme.StatusCode);

        var (organisationId, programmeId) = await app.WithDbAsync(async (db, _) =>
        {
            var p = await db.Programmes.SingleAsync(p => p.Slug == slug);
            return (p.OrganisationId, p.Id);
        });
        var email = $"new-{Guid.NewGuid():N}@test.example";
        var form = await Html.GetAsync(admin, "/Admin/Users/Edit");
        var saved = await Html.SubmitAsync(admin, form, "form.card", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.DisplayName"] = "New Worker",
            ["Input.OrganisationId"] = organisationId.ToString(),
            ["Input.Roles"] = Roles.CaseManager,
            ["Input.ProgrammeIds"] = programmeId.ToString(),
            ["Input.IsActive"] = "true",
            ["Input.Password"] = TrajetApp.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        using var worker = await app.ApiClientAsync(email);
        var me = await worker.GetStringAsync("/api/me");
        Assert.Contains(name, me);
        Assert.Contains(slug, me);
    }

    [Fact]
    public async Task CreateUser_WithProgrammeOfAnotherOrganisation_IsRefusedAndNothingSaved()
    {
        using var admin = await app.SignedInBrowserAsync(await app.CreateUserAsync(Roles.Administrator));
        var (mine, _) = await app.CreateOrganisationAsync();
        var (_, theirs) = await app.CreateOrganisationAsync();
        var email = $"new-{Guid.NewGuid():N}@test.example";
        var form = await Html.GetAsync(admin, "/Admin/Users/Edit");

        var response = await Html.SubmitAsync(admin, form, "form.card", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.DisplayName"] = "X",
            ["Input.OrganisationId"] = mine.Id.ToString(),
            ["Input.Roles"] = Roles.CaseManager,
            ["Input.ProgrammeIds"] = theirs.Id.ToString(),
            ["Input.Password"] = TrajetApp.Password,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("own organisation", page.QuerySelector("[data-valmsg-for='Input.ProgrammeIds']")!.TextContent);
        Assert.False(await app.WithDbAsync((db, _) => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Theory]
    [InlineData(Roles.Coordinator)]
    [InlineData(Roles.CaseManager)]
    [InlineData(Roles.Evaluator)]
    public async Task AdminPages_ForOtherRoles_AreDenied(string role)
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        using var browser = await app.SignedInBrowserAsync(await app.CreateUserAsync(role, organisation, programme));

        foreach (var url in new[] { "/Admin/Users", "/Admin/Organisations", "/Admin/Users/Edit" })
        {
            var response = await browser.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Accounts/AccessDenied", response.Headers.Location!.PathAndQuery);
        }
    }

    [Fact]
    public async Task RevokeSessions_SignsTheUserOutEverywhere()
    {
        using var admin = await app.SignedInBrowserAsync(await app.CreateUserAsync(Roles.Administrator));
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var email = await app.CreateUserAsync(Roles.CaseManager, organisation, programme);
        using var victim = await app.ApiClientAsync(email);
        var id = await app.WithDbAsync((db, _) => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var page = await Html.GetAsync(admin, $"/Admin/Users/Edit/{id}");

        var response = await Html.SubmitAsync(admin, page, "form[action$='handler=Revoke']", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await victim.GetAsync("/api/me")).StatusCode);
    }
}
