using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Trajet.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class OutreachTests(BrowserFixture browser)
{
    [Fact]
    public async Task OutreachWorker_OnAPhone_SeesTheTeamsContacts()
    {
        await using var context = await browser.NewContextAsync(size: BrowserFixture.Phone);
        var page = await BrowserFixture.SignInAsync(context, "outreach@reachout.demo");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Outreach contacts" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Outreach contacts", Level = 1 })).ToBeVisibleAsync();
        var rows = page.Locator("table.list tbody tr");
        await Expect(rows.First).ToBeInViewportAsync();
        await Expect(rows.Filter(new() { HasText = "Gare du Nord (Brussels)" }).First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Main)).Not.ToContainTextAsync("Calais");
    }
}
