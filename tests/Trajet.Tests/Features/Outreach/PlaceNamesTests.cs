using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Features.Accounts;

namespace Trajet.Tests.Features.Outreach;

/// <summary>A place's name in French, Dutch and English, shown in each worker's language.</summary>
public abstract class PlaceNamesTests(TrajetApp app)
{
    [Theory]
    [InlineData("fr-BE", "Gare du Nord")]
    [InlineData("nl-BE", "Noordstation")]
    [InlineData("en-GB", "North station (Brussels)")]
    public async Task Place_AddedWithItsNames_ShowsInTheUsersLanguage_ElseItsDefault(string language, string expected)
    {
        var team = await OutreachTeam.CreateAsync(app);
        using var browser = await app.SignedInBrowserAsync(await app.CreateUserAsync(Roles.OutreachWorker, team.Organisation, team.Programme));
        var page = await Html.GetAsync(browser, "/Outreach/Places");

        var added = await Html.SubmitAsync(browser, page, "main form.card", new Dictionary<string, string>
        {
            ["Input.Name"] = "North station (Brussels)",
            ["Input.City"] = "Brussels",
            ["Input.Names.Fr"] = "Gare du Nord",
            ["Input.Names.Nl"] = "Noordstation",
            ["Input.Names.En"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var place = (await team.Client.GetFromJsonAsync<JsonElement>($"/api/outreach/places?programme={team.Programme.Slug}")).EnumerateArray().Single();
        await team.SessionAsync(place.GetProperty("id").GetGuid());
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        var places = await Html.GetAsync(browser, "/Outreach/Places");
        var sessions = await Html.GetAsync(browser, "/Outreach/Sessions");

        Assert.Equal(expected, places.QuerySelector("table.list tbody td")!.TextContent);
        Assert.Contains($"{expected} (Brussels)", sessions.QuerySelector("table.list tbody")!.TextContent);
        Assert.Equal("North station (Brussels)", place.GetProperty("name").GetString());
        Assert.Equal("Noordstation", place.GetProperty("names").GetProperty("nl").GetString());
    }
}

public sealed class PlaceNamesTestsOnSqlite(SqliteApp app) : PlaceNamesTests(app), IClassFixture<SqliteApp>;

public sealed class PlaceNamesTestsOnPostgres(PostgresApp app) : PlaceNamesTests(app), IClassFixture<PostgresApp>;
