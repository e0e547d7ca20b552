using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Features.Accounts;

namespace Trajet.Tests.Features.Coaching;

/// <summary>A desk's name, and the organisation's in letters, in French, Dutch and English.</summary>
public abstract class DeskNamesTests(TrajetApp app)
{
    [Theory]
    [InlineData("fr-BE", "Permanence de Bruxelles-Nord")]
    [InlineData("nl-BE", "Loket Brussel-Noord")]
    [InlineData("en-GB", "Desk BXL-North")]
    public async Task Desk_OpenedWithItsNames_ShowsInTheUsersLanguage_ElseItsDefault(string language, string expected)
    {
        var s = await CoachingSetup.CreateAsync(app);
        using var browser = await app.SignedInBrowserAsync(await app.CreateUserAsync(Roles.Coordinator, s.Organisation, s.Programme));
        var page = await Html.GetAsync(browser, "/Coaching");

        // No English name: English readers see the default one.
        var added = await Html.SubmitAsync(browser, page, "main form.card", new Dictionary<string, string>
        {
            ["Input.Name"] = "Desk BXL-North",
            ["Input.Address"] = "Rue du Progrès 80, 1030 Schaerbeek",
            ["Input.Region"] = "Brussels",
            ["Input.Names.Fr"] = "Permanence de Bruxelles-Nord",
            ["Input.Names.Nl"] = "Loket Brussel-Noord",
            ["Input.Names.En"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        var desks = await Html.GetAsync(browser, "/Coaching");

        Assert.Contains(expected, desks.QuerySelectorAll("ul.people > li > strong").Select(n => n.TextContent));
        var listed = (await s.Coach.GetFromJsonAsync<JsonElement>("/api/desks")).EnumerateArray().Single(d => d.GetProperty("name").GetString() == "Desk BXL-North");
        Assert.Equal("Loket Brussel-Noord", listed.GetProperty("names").GetProperty("nl").GetString());
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("names").GetProperty("en").ValueKind);
    }

    [Fact]
    public async Task Desk_AddedThroughTheApi_TakesItsNames()
    {
        var s = await CoachingSetup.CreateAsync(app);

        var created = await s.Coordinator.PostAsJsonAsync("/api/desks", new
        {
            programme = s.Programme.Slug,
            name = "Ghent desk",
            address = "Kortrijksesteenweg 1, 9000 Gent",
            region = "flanders",
            names = new { fr = "Permanence de Gand", nl = "Loket Gent" },
            openings = new[] { new { day = "thursday", opens = "09:00", closes = "12:00" } },
        });
        var tooLong = await s.Coordinator.PostAsJsonAsync("/api/desks", new
        {
            programme = s.Programme.Slug,
            name = "Ghent desk",
            address = "Kortrijksesteenweg 1, 9000 Gent",
            region = "flanders",
            names = new { nl = new string('x', 201) },
            openings = new[] { new { day = "thursday", opens = "09:00", closes = "12:00" } },
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var desk = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Ghent desk", desk.GetProperty("name").GetString());
        Assert.Equal("Permanence de Gand", desk.GetProperty("names").GetProperty("fr").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.True((await tooLong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("names.nl", out _));
    }

    [Fact]
    public async Task Letter_InDutch_NamesTheDeskAndTheServiceInDutch_WhileTheCoachWorksInFrench()
    {
        var s = await CoachingSetup.CreateAsync(app);
        using var coordinator = await app.SignedInBrowserAsync(await app.CreateUserAsync(Roles.Coordinator, s.Organisation, s.Programme));
        var desks = await Html.GetAsync(coordinator, "/Coaching");
        var renamed = await Html.SubmitAsync(coordinator, desks, "form.desk-names", new Dictionary<string, string>
        {
            ["name"] = "Brussels desk",
            ["names.Fr"] = "Permanence de Bruxelles",
            ["names.Nl"] = "Loket Brussel",
            ["names.En"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        using var admin = await app.SignedInBrowserAsync(await app.CreateUserAsync(Roles.Administrator));
        var organisation = await Html.GetAsync(admin, $"/Admin/Organisations/Edit/{s.Organisation.Id}");
        var named = await Html.SubmitAsync(admin, organisation, "form[action*='handler=Names']", new Dictionary<string, string>
        {
            ["names.Fr"] = "Accompagnement au retour",
            ["names.Nl"] = "Terugkeerbegeleiding",
            ["names.En"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, named.StatusCode);
        var booked = await s.BookAsync(CoachingSetup.NextWednesday(), "09:00", "09:30", invitation: new { language = "nl", addressee = "Olga Ivanova" });
        var appointment = await booked.Content.ReadFromJsonAsync<JsonElement>();
        var invitation = appointment.GetProperty("invitationId").GetGuid();
        using var coach = await app.SignedInBrowserAsync(s.CoachEmail);
        coach.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr-BE");

        var letter = (await Html.GetAsync(coach, $"/Coaching/Letter/{invitation}")).QuerySelector("article.letter")!;
        var appointments = await Html.GetAsync(coach, $"/Coaching/Book/{s.CaseId}");

        Assert.Contains("Plaats: Loket Brussel, Boulevard Pachéco 44, 1000 Brussels.", letter.TextContent);
        Assert.Contains("De dienst Terugkeerbegeleiding nodigt u uit", letter.TextContent);
        Assert.Equal("Terugkeerbegeleiding", letter.QuerySelector(".letter-signature")!.TextContent);
        Assert.Contains("Permanence de Bruxelles", appointments.QuerySelector("ul.people")!.TextContent);
        var api = await s.Coach.GetFromJsonAsync<JsonElement>($"/api/appointments/{appointment.GetProperty("id").GetGuid()}/letter");
        Assert.Contains(api.GetProperty("paragraphs").EnumerateArray(), p => p.GetString() == "Plaats: Loket Brussel, Boulevard Pachéco 44, 1000 Brussels.");
    }
}

public sealed class DeskNamesTestsOnSqlite(SqliteApp app) : DeskNamesTests(app), IClassFixture<SqliteApp>;

public sealed class DeskNamesTestsOnPostgres(PostgresApp app) : DeskNamesTests(app), IClassFixture<PostgresApp>;
