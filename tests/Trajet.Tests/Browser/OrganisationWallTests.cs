using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Trajet.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class OrganisationWallTests(BrowserFixture browser)
{
    [Fact]
    public async Task CaseOfAnotherOrganisation_ShowsNotFound_NotTheCase()
    {
        var caseId = await browser.CaseIdAsync("Petrosyan");
        await using var context = await browser.NewContextAsync();
        var page = await BrowserFixture.SignInAsync(context, "coach@atd.demo");

        var response = await page.GotoAsync($"/Cases/Details/{caseId}");

        Assert.Equal(404, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Page not found.");
        await Expect(page.GetByRole(AriaRole.Main)).Not.ToContainTextAsync("Petrosyan");
        await Expect(page.GetByRole(AriaRole.Main)).Not.ToContainTextAsync("Household");
    }
}
