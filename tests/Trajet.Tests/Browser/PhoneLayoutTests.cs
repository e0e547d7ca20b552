namespace Trajet.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class PhoneLayoutTests(BrowserFixture browser)
{
    [Theory]
    [MemberData(nameof(Screen.NamesInEachLanguage), MemberType = typeof(Screen))]
    public async Task Page_OnAPhone_DoesNotScrollSideways(string screen, string locale)
    {
        var page = await browser.OpenAsync(screen, BrowserFixture.Phone, locale);
        await using var context = page.Context;

        var width = await page.EvaluateAsync<Width>("""
            () => {
                const root = document.documentElement;
                const wide = [...document.body.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > root.clientWidth);
                return { scroll: root.scrollWidth, client: root.clientWidth, wide: wide.slice(0, 8).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : '')) };
            }
            """);

        Assert.True(width.Scroll <= width.Client, $"{screen} ({locale}) is {width.Scroll}px wide on a {width.Client}px screen; too wide: {string.Join(", ", width.Wide)}");
    }

    private sealed class Width
    {
        public int Scroll { get; set; }
        public int Client { get; set; }
        public string[] Wide { get; set; } = [];
    }
}
