using Microsoft.Playwright;
using Trajet.Tests.Features.Reminders;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Data;

namespace Trajet.Tests.Browser;

/// <summary>The daily digest as a mail reader shows it: the HTML a real mail server received from the demo, in Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DigestScreenshotTests(BrowserFixture browser)
{
    [Fact]
    public async Task Digest_IsSavedAtPhoneAndDesktopSize_AndItsLinksOpenCases()
    {
        await using var mail = await MailServer.StartAsync();
        await using var app = new ReminderApp(DatabaseProvider.Sqlite, mail, extra: new Dictionary<string, string?> { ["Demo:Seed"] = "true" });
        await app.InitializeAsync();
        await app.SendAsync();
        // The demo's fullest digest: the one a busy case manager would open on a Monday morning.
        var digest = mail.Messages.Where(m => m.Subject?.Contains("things due", StringComparison.Ordinal) == true).MaxBy(m => m.HtmlBody?.Length ?? 0);
        Assert.NotNull(digest);

        foreach (var (size, label) in new[] { (BrowserFixture.Phone, "phone"), (BrowserFixture.Desktop, "desktop") })
        {
            await using var context = await browser.NewContextAsync(size: size);
            var page = await context.NewPageAsync();
            await page.SetContentAsync(digest.HtmlBody!);

            await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("things due");
            var links = await page.Locator("li a").EvaluateAllAsync<string[]>("links => links.map(a => a.href)");
            Assert.NotEmpty(links);
            Assert.All(links, href => Assert.Matches("^https?://[^/]+/Cases/Details/[0-9a-f-]{36}$", href));
            await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotTests.Folder, $"digest-email-{label}.png"), FullPage = true });
        }
    }
}
