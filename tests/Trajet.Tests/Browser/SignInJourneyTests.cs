using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Trajet.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class SignInJourneyTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("fr-BE", "Se connecter", "Mot de passe", "Dossiers", "Nom ou numéro", "Rechercher", "Ménage")]
    [InlineData("nl-BE", "Aanmelden", "Wachtwoord", "Dossiers", "Naam of nummer", "Zoeken", "Gezin")]
    [InlineData("en-GB", "Sign in", "Password", "Cases", "Name or number", "Search", "Household")]
    public async Task CaseManager_SignsIn_FindsACase_AndSeesItsHousehold(string locale, string signIn, string password, string cases, string nameOrNumber, string search, string household)
    {
        await using var context = await browser.NewContextAsync(locale);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = signIn })).ToBeVisibleAsync();
        await page.GetByLabel("E-mail").FillAsync("cm1@ngo.demo");
        await page.GetByLabel(password).FillAsync(Trajet.Web.Features.Demo.DemoSeed.Password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = signIn }).ClickAsync();
        await Expect(page.Locator("header .who")).ToContainTextAsync("Sarah Janssens");

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = cases, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = cases, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("table.list tbody tr")).Not.ToHaveCountAsync(0);
        // The case list's own search (the header has one too, in the search landmark).
        await page.GetByRole(AriaRole.Main).GetByLabel(nameOrNumber).FillAsync("Petrosyan");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = search }).ClickAsync();
        await Expect(page.Locator("table.list tbody tr")).ToHaveCountAsync(1);
        await page.Locator("table.list tbody tr a").ClickAsync();

        var members = page.GetByRole(AriaRole.Region, new() { Name = household }).GetByRole(AriaRole.Listitem);
        await Expect(members.Filter(new() { HasText = "Armen Petrosyan" })).ToBeVisibleAsync();
        await Expect(members.Filter(new() { HasText = "Ani Petrosyan" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task LanguageSelector_SwitchesThePagesToDutch()
    {
        await using var context = await browser.NewContextAsync("en-GB");
        var page = await BrowserFixture.SignInAsync(context, "cm1@ngo.demo");
        await page.GotoAsync("/Cases");
        await Expect(page.GetByLabel("Name or number")).ToBeVisibleAsync();

        await page.GetByLabel("Language").SelectOptionAsync("nl");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change language" }).ClickAsync();

        await Expect(page.GetByLabel("Naam of nummer")).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "nl");
        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Welkom");
    }
}
