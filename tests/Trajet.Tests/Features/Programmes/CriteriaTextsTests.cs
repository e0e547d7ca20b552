using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Trajet.Tests.Features.Cases;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Features.Accounts;

namespace Trajet.Tests.Features.Programmes;

/// <summary>A coordinator writes each criterion in French, Dutch and English; every reader sees their own language.</summary>
public abstract class CriteriaTextsTests(TrajetApp app)
{
    private const string Default = "Child under 18 in the household";

    [Theory]
    [InlineData("fr-BE", "Au moins un enfant mineur dans le ménage")]
    [InlineData("nl-BE", "Minstens één minderjarig kind in het gezin")]
    [InlineData("en-GB", "At least one child under 18 in the household")]
    public async Task Criterion_InThreeLanguages_ShowsInTheUsersLanguage(string language, string expected)
    {
        var (browser, api, caseId) = await CriterionAsync(new()
        {
            ["texts.Fr"] = "Au moins un enfant mineur dans le ménage",
            ["texts.Nl"] = "Minstens één minderjarig kind in het gezin",
            ["texts.En"] = "At least one child under 18 in the household",
        });
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        var screen = await Html.GetAsync(browser, $"/Cases/Screen/{caseId}");
        var details = await Html.GetAsync(browser, $"/Cases/Details/{caseId}");

        Assert.Equal($"1. {expected}", screen.QuerySelector("legend")!.TextContent.Trim());
        Assert.Contains(expected, details.QuerySelector("ul.criteria")!.TextContent);
        // The API keeps its default text and adds each language.
        var screening = (await api.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}")).GetProperty("screening")[0];
        Assert.Equal(Default, screening.GetProperty("criterion").GetString());
        Assert.Equal("Minstens één minderjarig kind in het gezin", screening.GetProperty("criterionTexts").GetProperty("nl").GetString());
    }

    [Theory]
    [InlineData("fr-BE", "Au moins un enfant mineur dans le ménage")]
    [InlineData("nl-BE", Default)]
    [InlineData("en-GB", Default)]
    public async Task Criterion_WithoutTheUsersLanguage_ShowsTheDefaultText(string language, string expected)
    {
        var (browser, _, caseId) = await CriterionAsync(new() { ["texts.Fr"] = "Au moins un enfant mineur dans le ménage", ["texts.Nl"] = " " });
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        var screen = await Html.GetAsync(browser, $"/Cases/Screen/{caseId}");

        Assert.Equal($"1. {expected}", screen.QuerySelector("legend")!.TextContent.Trim());
    }

    [Fact]
    public async Task Coordinator_EditsTheTexts_AndTheFormShowsThem()
    {
        var (browser, _, _) = await CriterionAsync(new() { ["texts.Nl"] = "Kind jonger dan 18" });
        var page = await Html.GetAsync(browser, $"/Programmes/Criteria/{slug}");

        var saved = await Html.SubmitAsync(browser, page, "form[action*='handler=Save']", new Dictionary<string, string>
        {
            ["text"] = Default,
            ["texts.Fr"] = "Enfant de moins de 18 ans",
            ["texts.Nl"] = "",
            ["texts.En"] = "",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await Html.GetAsync(browser, $"/Programmes/Criteria/{slug}");
        var form = after.QuerySelector("form[action*='handler=Save']")!;
        Assert.Equal("Enfant de moins de 18 ans", form.QuerySelector("textarea[name='texts.Fr']")!.TextContent);
        Assert.Equal("", form.QuerySelector("textarea[name='texts.Nl']")!.TextContent);
        Assert.Equal("fr", form.QuerySelector("textarea[name='texts.Fr']")!.GetAttribute("lang"));
    }

    [Fact]
    public async Task Criterion_TooLongInOneLanguage_IsRefusedNamingIt()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        using var browser = await app.SignedInBrowserAsync(await app.CreateUserAsync(Roles.Coordinator, organisation, programme));
        var page = await Html.GetAsync(browser, $"/Programmes/Criteria/{programme.Slug}");

        var refused = await Html.SubmitAsync(browser, page, "form[action*='handler=Add']", new Dictionary<string, string> { ["text"] = Default, ["texts.Nl"] = new string('x', 501) });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("At most 500 characters.", (await Html.ParseAsync(refused)).QuerySelector(".errors")!.TextContent);
    }

    private string slug = "";

    // A programme whose coordinator adds one criterion (the default text plus the given languages) through the page, and a case in it.
    private async Task<(HttpClient Browser, HttpClient Api, Guid CaseId)> CriterionAsync(Dictionary<string, string> texts)
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        slug = programme.Slug;
        var email = await app.CreateUserAsync(Roles.Coordinator, organisation, programme);
        var browser = await app.SignedInBrowserAsync(email);
        var page = await Html.GetAsync(browser, $"/Programmes/Criteria/{programme.Slug}");
        texts["text"] = Default;
        var added = await Html.SubmitAsync(browser, page, "form[action*='handler=Add']", texts);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var api = await app.ApiClientAsync(email);
        var (caseId, _) = await CaseBuilder.OpenAsync(api, programme.Slug, date: "2026-01-10");
        return (browser, api, caseId);
    }
}

public sealed class CriteriaTextsTestsOnSqlite(SqliteApp app) : CriteriaTextsTests(app), IClassFixture<SqliteApp>;

public sealed class CriteriaTextsTestsOnPostgres(PostgresApp app) : CriteriaTextsTests(app), IClassFixture<PostgresApp>;
