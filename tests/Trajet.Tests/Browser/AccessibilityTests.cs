using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Trajet.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture browser)
{
    [Theory]
    [MemberData(nameof(Screen.Names), MemberType = typeof(Screen))]
    public async Task Page_HasNoSeriousOrCriticalAxeViolation(string screen)
    {
        var page = await browser.OpenAsync(screen, BrowserFixture.Desktop);
        await using var context = page.Context;

        await AssertNoSeriousViolationAsync(page, screen);
    }

    [Fact]
    public async Task NewReferralWithErrors_HasNoSeriousOrCriticalAxeViolation()
    {
        var page = await browser.OpenAsync("open-referral", BrowserFixture.Desktop);
        await using var context = page.Context;

        await page.GetByRole(AriaRole.Button, new() { Name = "Open the case" }).ClickAsync();
        await Expect(page.Locator("[data-valmsg-for='Input.Referral.Source']")).Not.ToBeEmptyAsync();

        await AssertNoSeriousViolationAsync(page, "open-referral with errors");
    }

    internal static async Task AssertNoSeriousViolationAsync(IPage page, string screen)
    {
        // The content security policy blocks inline styles (a stray bullet); an empty alert region is noise to a screen reader.
        Assert.Equal(0, await page.Locator("[style]").CountAsync());
        Assert.Equal(0, await page.Locator("[role=alert]:empty, [role=alert]:has(> ul:empty)").CountAsync());
        var result = await page.RunAxe();
        var blocking = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {string.Join(", ", v.Nodes.Select(n => n.Target))}");
        Assert.True(!blocking.Any(), $"axe on {screen}:\n{string.Join("\n", blocking)}");
    }
}
