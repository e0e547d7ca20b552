using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

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

    [Theory]
    [InlineData("fr-BE", "Dossiers")]
    [InlineData("nl-BE", "Dossiers")]
    [InlineData("en-GB", "Cases")]
    public async Task Header_OnAPhone_IsCompact_AndItsMenuOpensOnATap(string locale, string cases)
    {
        var page = await browser.OpenAsync("case", BrowserFixture.Phone, locale);
        await using var context = page.Context;
        var link = page.Locator("header nav").GetByRole(AriaRole.Link, new() { Name = cases, Exact = true });

        var header = (await page.Locator("header.top").BoundingBoxAsync())!;
        Assert.True(header.Height <= BrowserFixture.Phone.Height * 0.15, $"the header takes {header.Height}px of {BrowserFixture.Phone.Height}");
        await Expect(page.GetByRole(AriaRole.Search)).ToBeVisibleAsync();
        await Expect(link).ToBeHiddenAsync();

        await page.Locator("header summary").ClickAsync();
        await link.ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Cases$"));
    }

    [Fact]
    public async Task Header_OnADesktop_ShowsTheMenuWithoutATap()
    {
        var page = await browser.OpenAsync("case", BrowserFixture.Desktop);
        await using var context = page.Context;

        await Expect(page.Locator("header summary")).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "What falls due" })).ToBeVisibleAsync();
        await Expect(page.Locator("header .who")).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("fr-BE", "Noter une visite", "Ajouter une note", "Prochaines échéances")]
    [InlineData("nl-BE", "Bezoek noteren", "Notitie toevoegen", "Komende termijnen")]
    [InlineData("en-GB", "Log a visit", "Add a note", "Upcoming deadlines")]
    public async Task CasePage_OnAPhone_HasTheFrequentActionsInItsFirstScreen(string locale, string visit, string note, string deadlines)
    {
        var page = await browser.OpenAsync("case", BrowserFixture.Phone, locale);
        await using var context = page.Context;
        var quick = page.Locator("nav.quick-actions a");

        var texts = await quick.AllTextContentsAsync();
        Assert.Equal([visit, note], texts.Take(2));
        Assert.StartsWith(deadlines, texts[2], StringComparison.Ordinal);
        foreach (var action in await quick.AllAsync())
        {
            var box = (await action.BoundingBoxAsync())!;
            Assert.True(box.Y + box.Height <= BrowserFixture.Phone.Height, $"{await action.TextContentAsync()} is at {box.Y}px, below the first screen");
        }
        // The sections are reached from a map of links rather than a column of buttons.
        Assert.Equal(6, await page.Locator("nav.sections a").CountAsync());

        await quick.Nth(1).ClickAsync();
        await Expect(page.Locator("#Input_Type")).ToHaveValueAsync("Message");
    }

    [Theory]
    [InlineData("fr-BE")]
    [InlineData("nl-BE")]
    [InlineData("en-GB")]
    public async Task OutreachDashboard_OnAPhone_IsReadable_KeyFiguresFirst(string locale)
    {
        var page = await browser.OpenAsync("outreach-dashboard", BrowserFixture.Phone, locale);
        await using var context = page.Context;

        // Text as drawn: an SVG's text shrinks with its viewBox.
        var smallest = await page.EvaluateAsync<double>("""
            () => Math.min(...[...document.querySelectorAll('main *')]
                .filter(e => [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()) && e.getClientRects().length > 0)
                .map(e => {
                    const svg = e.closest('svg');
                    const scale = svg && svg.viewBox.baseVal.width ? svg.getBoundingClientRect().width / svg.viewBox.baseVal.width : 1;
                    return parseFloat(getComputedStyle(e).fontSize) * scale;
                }))
            """);
        Assert.True(smallest >= 12, $"the smallest text on the dashboard is {smallest}px");
        var figures = (await page.Locator("#total-contacts").BoundingBoxAsync())!;
        Assert.True(figures.Y < BrowserFixture.Phone.Height, "the key figures are below the first screen");
        var height = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        Assert.True(height < 6000, $"the dashboard is {height}px tall");
    }

    private sealed class Width
    {
        public int Scroll { get; set; }
        public int Client { get; set; }
        public string[] Wide { get; set; } = [];
    }
}
