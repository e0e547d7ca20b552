using System.Text.RegularExpressions;
using System.Xml.Linq;
using Trajet.Tests.Infrastructure;

namespace Trajet.Tests.Features;

public sealed partial class LocalizationTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Theory]
    [InlineData("fr-BE,fr;q=0.9", "Se connecter", "fr")]
    [InlineData("nl-BE,nl;q=0.9", "Aanmelden", "nl")]
    [InlineData("en-GB,en;q=0.9", "Sign in", "en")]
    public async Task LoginPage_FollowsBrowserLanguage(string acceptLanguage, string heading, string lang)
    {
        using var browser = app.BrowserClient();
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);

        var page = await Html.GetAsync(browser, "/Accounts/Login");

        Assert.Equal(heading, page.QuerySelector("h1")!.TextContent);
        Assert.Equal(lang, page.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task LanguageSwitch_OverridesBrowserLanguage()
    {
        using var browser = app.BrowserClient();
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr-BE");
        var login = await Html.GetAsync(browser, "/Accounts/Login");

        var response = await Html.SubmitAsync(browser, login, "form[action='/Culture']", new Dictionary<string, string> { ["culture"] = "nl" });
        var after = await Html.GetAsync(browser, response.Headers.Location!.OriginalString);

        Assert.Equal("Aanmelden", after.QuerySelector("h1")!.TextContent);
    }

    [Theory]
    [InlineData("fr-BE", "La valeur « pas une date » n'est pas valide.")]
    [InlineData("nl-BE", "De waarde 'pas une date' is niet geldig.")]
    [InlineData("en-GB", "The value 'pas une date' is not valid.")]
    public async Task AValueThatCannotBeRead_IsRefusedInTheUsersLanguage(string language, string message)
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var email = await app.CreateUserAsync(Trajet.Web.Features.Accounts.Roles.CaseManager, organisation, programme);
        using var api = await app.ApiClientAsync(email);
        var (id, _) = await Cases.CaseBuilder.OpenAsync(api, programme.Slug, date: "2026-01-31");
        using var browser = await app.SignedInBrowserAsync(email);
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var form = await Html.GetAsync(browser, $"/CaseWork/AddLegalEvent/{id}");

        var refused = await Html.SubmitAsync(browser, form, "main form", new Dictionary<string, string> { ["Input.Date"] = "pas une date" });

        Assert.Equal(System.Net.HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(message, (await Html.ParseAsync(refused)).QuerySelector("[data-valmsg-for='Input.Date']")!.TextContent);
    }

    [Fact]
    public async Task CaseList_ShowsDatesInTheCultureFormat()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var email = await app.CreateUserAsync(Trajet.Web.Features.Accounts.Roles.CaseManager, organisation, programme);
        using var api = await app.ApiClientAsync(email);
        await Cases.CaseBuilder.OpenAsync(api, programme.Slug, date: "2026-01-31");
        using var browser = await app.SignedInBrowserAsync(email);

        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr-BE");
        var fr = await Html.GetAsync(browser, "/Cases");
        browser.DefaultRequestHeaders.AcceptLanguage.Clear();
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var en = await Html.GetAsync(browser, "/Cases");

        Assert.Contains("31/01/2026", fr.QuerySelector("table.list tbody")!.TextContent);
        Assert.Contains("Orienté", fr.QuerySelector("table.list tbody")!.TextContent);
        Assert.Contains("31/01/2026", en.QuerySelector("table.list tbody")!.TextContent);
        Assert.Contains("Referred", en.QuerySelector("table.list tbody")!.TextContent);
    }

    /// <summary>Every text the UI asks for has a French and a Dutch translation.</summary>
    [Fact]
    public void EveryUiText_IsTranslatedInFrenchAndDutch()
    {
        var web = Path.Combine(SolutionFolder(), "src", "Trajet.Web");
        var used = Directory.EnumerateFiles(web, "*.cshtml", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(web, "Features"), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => LocalizerKey().Matches(File.ReadAllText(f)).Concat(FieldErrorMessage().Matches(File.ReadAllText(f))).Select(m => m.Groups[1].Value))
            .ToHashSet();
        Assert.NotEmpty(used);

        foreach (var culture in new[] { "fr", "nl" })
        {
            var translated = XDocument.Load(Path.Combine(web, "Resources", $"SharedResource.{culture}.resx"))
                .Root!.Elements("data").Select(d => d.Attribute("name")!.Value).ToHashSet();
            var missing = used.Except(translated).Order().ToList();
            Assert.True(missing.Count == 0, $"Missing in {culture}: {string.Join(" | ", missing)}");
        }
    }

    private static string SolutionFolder()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Trajet.slnx")))
        {
            folder = folder.Parent;
        }
        return folder?.FullName ?? throw new InvalidOperationException("Trajet.slnx not found above the test binaries.");
    }

    [GeneratedRegex("""(?<![A-Za-z0-9_])[Ll]\["((?:[^"\\]|\\.)+)"\]""")]
    private static partial Regex LocalizerKey();

    /// <summary>The message of a business error (<c>new("field", "message")</c>), shown to the user through the localizer.</summary>
    [GeneratedRegex("""new(?: FieldError)?\("[A-Za-z0-9_.\[\]]+", "((?:[^"\\]|\\.)+)"\)""")]
    private static partial Regex FieldErrorMessage();
}
