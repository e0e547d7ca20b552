using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Features.Accounts;

namespace Trajet.Tests.Features.Cases;

/// <summary>The household's address and phones: for those who visit, encrypted at rest, never for evaluators.</summary>
public abstract class HouseholdContactTests(TrajetApp app)
{
    private const string Address = "Rue des Palais 112, 1030 Schaerbeek";

    private async Task<(HttpClient Worker, Guid CaseId, Trajet.Web.Features.Organisations.Organisation Organisation, Trajet.Web.Features.Organisations.Programme Programme)> CaseAsync()
    {
        var (worker, organisation, programme) = await app.NewUserClientAsync(Roles.CaseManager);
        var (id, _) = await CaseBuilder.OpenAsync(worker, programme.Slug, date: "2026-01-10");
        return (worker, id, organisation, programme);
    }

    [Fact]
    public async Task Put_SavesAddressAndPhones_AndTheCaseReturnsThem()
    {
        var (worker, id, _, _) = await CaseAsync();

        var put = await worker.PutAsJsonAsync($"/api/cases/{id}/contact",
            new { address = Address, phone = "+32 470 12 34 56", otherPhones = new[] { "02/218 00 00" }, addressConfirmedOn = "2026-02-01" });

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var contact = (await worker.GetFromJsonAsync<JsonElement>($"/api/cases/{id}")).GetProperty("contact");
        Assert.Equal(Address, contact.GetProperty("address").GetString());
        Assert.Equal("+32 470 12 34 56", contact.GetProperty("phone").GetString());
        Assert.Equal("02/218 00 00", contact.GetProperty("otherPhones")[0].GetString());
        Assert.Equal("2026-02-01", contact.GetProperty("addressConfirmedOn").GetString());
    }

    [Fact]
    public async Task Contact_IsEncryptedAtRest()
    {
        var (worker, id, _, _) = await CaseAsync();
        await worker.PutAsJsonAsync($"/api/cases/{id}/contact", new { address = Address, phone = "+32 470 12 34 56" }).Succeeded();

        var stored = await app.WithDbAsync((db, _) => db.Database
            .SqlQueryRaw<string>("""SELECT "Address" || ' ' || "Phones" AS "Value" FROM "HouseholdContacts" WHERE "CaseId" = {0}""", id).SingleAsync());

        Assert.DoesNotContain("Schaerbeek", stored);
        Assert.DoesNotContain("470", stored);
        Assert.StartsWith("enc1:", stored);
    }

    [Fact]
    public async Task Evaluators_NeverSeeIt_AndCannotWriteIt_AnotherOrganisationFindsNoCase()
    {
        var (worker, id, organisation, programme) = await CaseAsync();
        await worker.PutAsJsonAsync($"/api/cases/{id}/contact", new { address = Address, phone = "0470 12 34 56" }).Succeeded();
        using var evaluator = await app.ApiClientAsync(await app.CreateUserAsync(Roles.Evaluator, organisation, programme));
        var (stranger, _, _) = await app.NewUserClientAsync(Roles.Coordinator);

        var seen = await evaluator.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("contact").ValueKind);
        Assert.DoesNotContain("Schaerbeek", seen.GetRawText());
        Assert.Contains((await evaluator.PutAsJsonAsync($"/api/cases/{id}/contact", new { address = "x" })).StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PutAsJsonAsync($"/api/cases/{id}/contact", new { address = "x" })).StatusCode);
    }

    [Fact]
    public async Task ANumberThatIsNotOne_IsA400NamingTheField_AndNothingIsSaved()
    {
        var (worker, id, _, _) = await CaseAsync();

        var refused = await worker.PutAsJsonAsync($"/api/cases/{id}/contact", new { address = Address, phone = "call the neighbour" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("phone", out _));
        Assert.Equal(JsonValueKind.Null, (await worker.GetFromJsonAsync<JsonElement>($"/api/cases/{id}")).GetProperty("contact").ValueKind);
    }

    [Fact]
    public async Task AllBlank_RemovesTheContact()
    {
        var (worker, id, _, _) = await CaseAsync();
        await worker.PutAsJsonAsync($"/api/cases/{id}/contact", new { address = Address }).Succeeded();

        await worker.PutAsJsonAsync($"/api/cases/{id}/contact", new { address = " ", phone = "" }).Succeeded();

        Assert.Equal(JsonValueKind.Null, (await worker.GetFromJsonAsync<JsonElement>($"/api/cases/{id}")).GetProperty("contact").ValueKind);
        Assert.Equal(0, await app.WithDbAsync((db, _) => db.HouseholdContacts.CountAsync(c => c.CaseId == id)));
    }

    [Theory]
    [InlineData("fr-BE", "Adresse et téléphones", "L'adresse et les téléphones sont enregistrés.")]
    [InlineData("nl-BE", "Adres en telefoons", "Adres en telefoons zijn opgeslagen.")]
    [InlineData("en-GB", "Address and phones", "The address and phones are saved.")]
    public async Task ThePage_SavesThem_AndTheCasePageShowsThemWithACallLink(string language, string heading, string notice)
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var email = await app.CreateUserAsync(Roles.CaseManager, organisation, programme);
        using var api = await app.ApiClientAsync(email);
        var (id, _) = await CaseBuilder.OpenAsync(api, programme.Slug, date: "2026-01-10");
        using var browser = await app.SignedInBrowserAsync(email);
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var form = await Html.GetAsync(browser, $"/Cases/Contact/{id}");
        Assert.Equal(heading, form.QuerySelector("h1")!.TextContent);

        var saved = await Html.SubmitAsync(browser, form, "main form", new Dictionary<string, string>
        {
            ["Input.Address"] = Address,
            ["Input.Phone"] = "+32 470 12 34 56",
            ["Input.OtherPhones[0]"] = "02 218 00 00",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.EndsWith("#household", saved.Headers.Location!.OriginalString);
        var page = await Html.GetAsync(browser, saved.Headers.Location.OriginalString);
        Assert.Equal(notice, page.QuerySelector("main p.notice[role=status]")!.TextContent);
        Assert.Contains(Address, page.QuerySelector("dl.contact")!.TextContent);
        Assert.Equal(["tel:+32470123456", "tel:022180000"], page.QuerySelectorAll("dl.contact a[href^='tel:']").Select(a => a.GetAttribute("href")));
    }
}

public sealed class HouseholdContactTestsOnSqlite(SqliteApp app) : HouseholdContactTests(app), IClassFixture<SqliteApp>;

public sealed class HouseholdContactTestsOnPostgres(PostgresApp app) : HouseholdContactTests(app), IClassFixture<PostgresApp>;
