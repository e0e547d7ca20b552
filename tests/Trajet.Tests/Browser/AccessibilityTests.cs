using Deque.AxeCore.Playwright;

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

        var result = await page.RunAxe();

        var blocking = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {string.Join(", ", v.Nodes.Select(n => n.Target))}");
        Assert.True(!blocking.Any(), $"axe on {screen}:\n{string.Join("\n", blocking)}");
    }
}
