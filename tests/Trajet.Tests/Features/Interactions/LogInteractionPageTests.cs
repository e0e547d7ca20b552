using System.Net;
using Microsoft.EntityFrameworkCore;
using Trajet.Tests.Features.Cases;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Features.Accounts;

namespace Trajet.Tests.Features.Interactions;

public sealed class LogInteractionPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task HomeVisitForm_SavesAndShowsOnTheCasePage()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var email = await app.CreateUserAsync(Roles.CaseManager, organisation, programme);
        using var api = await app.ApiClientAsync(email);
        var (id, _) = await CaseBuilder.OpenAsync(api, programme.Slug, date: "2026-01-10");
        using var browser = await app.SignedInBrowserAsync(email);
        var form = await Html.GetAsync(browser, $"/CaseWork/LogInteraction/{id}");

        var response = await Html.SubmitAsync(browser, form, "main form", new Dictionary<string, string>
        {
            ["Input.Date"] = "2026-02-03",
            ["Input.Notes"] = "Prepared the appeal with the family.",
            ["Input.NextSteps"] = "Lawyer on Friday",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var details = await Html.GetAsync(browser, $"/Cases/Details/{id}");
        Assert.Contains("Prepared the appeal with the family.", details.QuerySelector("#interactions")!.ParentElement!.TextContent);
        Assert.Equal("1", details.QuerySelector("#interactions ~ .tiles dd")!.TextContent);
    }

    [Fact]
    public async Task HomeVisitForm_InTheFuture_IsRefusedWithAMessage()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var email = await app.CreateUserAsync(Roles.CaseManager, organisation, programme);
        using var api = await app.ApiClientAsync(email);
        var (id, _) = await CaseBuilder.OpenAsync(api, programme.Slug, date: "2026-01-10");
        using var browser = await app.SignedInBrowserAsync(email);
        var form = await Html.GetAsync(browser, $"/CaseWork/LogInteraction/{id}");

        var response = await Html.SubmitAsync(browser, form, "main form", new Dictionary<string, string> { ["Input.Date"] = "2099-01-01" });

        var page = await Html.ParseAsync(response);
        Assert.Contains("cannot be in the future", page.QuerySelector("[data-valmsg-for='Input.Date']")!.TextContent);
        Assert.Equal(0, await app.WithDbAsync((db, _) => db.Interactions.CountAsync(i => i.CaseId == id)));
    }
}
