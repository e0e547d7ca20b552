using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Trajet.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ReferralTests(BrowserFixture browser)
{
    [Fact]
    public async Task CaseManager_OpensAReferral_AddsAPerson_AndSeesThemOnTheCase()
    {
        var referredBy = $"Social worker {Guid.NewGuid():N}"[..30];
        await using var context = await browser.NewContextAsync();
        var page = await BrowserFixture.SignInAsync(context, "cm1@ngo.demo");

        await page.GotoAsync("/Cases");
        await page.GetByRole(AriaRole.Link, new() { Name = "New referral" }).ClickAsync();
        await page.GetByLabel("Referral source").SelectOptionAsync("Community");
        await page.GetByLabel("Referred by").FillAsync(referredBy);
        await page.GetByRole(AriaRole.Button, new() { Name = "Open the case" }).ClickAsync();

        await Expect(page.GetByText(referredBy)).ToBeVisibleAsync();
        await Expect(page.GetByText("No one recorded yet.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a person" }).ClickAsync();
        await page.GetByLabel("First name").FillAsync("Hovhannes");
        await page.GetByLabel("Surname").FillAsync("Grigoryan");
        await page.GetByLabel("Birth date", new() { Exact = true }).FillAsync("1984-02-29");
        await page.GetByLabel("Nationality").SelectOptionAsync("AM");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(page.GetByText(referredBy)).ToBeVisibleAsync();
        var person = page.GetByRole(AriaRole.Region, new() { Name = "Household" }).GetByRole(AriaRole.Listitem);
        await Expect(person).ToHaveCountAsync(1);
        await Expect(person).ToContainTextAsync("Hovhannes Grigoryan");
        await Expect(person).ToContainTextAsync("Parent");
    }

    [Fact]
    public async Task WithoutJavaScript_CaseManager_SignsInAndOpensAReferral()
    {
        var referredBy = $"No script {Guid.NewGuid():N}"[..30];
        await using var context = await browser.NewContextAsync(javaScript: false);
        var page = await BrowserFixture.SignInAsync(context, "cm1@ngo.demo");

        await page.GotoAsync("/Cases/Open");
        await page.GetByLabel("Referral source").SelectOptionAsync("Detention");
        await page.GetByLabel("Referred by").FillAsync(referredBy);
        await page.GetByRole(AriaRole.Button, new() { Name = "Open the case" }).ClickAsync();

        await Expect(page.GetByText(referredBy)).ToBeVisibleAsync();
        var saved = await browser.App.WithDbAsync((db, _) => db.Cases.Where(c => c.Referral.ReferredBy == referredBy).Select(c => c.Id).SingleAsync());
        Assert.EndsWith($"/Cases/Details/{saved}?saved=case-opened", page.Url);
        await Expect(page.Locator("main p.notice[role=status]")).ToHaveTextAsync("The case is opened.");
    }
}
