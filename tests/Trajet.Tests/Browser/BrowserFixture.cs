using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Data;
using Trajet.Web.Features.Demo;

namespace Trajet.Tests.Browser;

/// <summary>
/// The real app on Kestrel (a fresh SQLite file with the demo seeded) and one headless Debian
/// Chromium, shared by every browser test; each test opens its own browser context (own cookies).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public static readonly (int Width, int Height) Phone = (390, 844);
    public static readonly (int Width, int Height) Desktop = (1280, 800);

    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> sessions = new();
    private IPlaywright? playwright;

    public TrajetApp App { get; } = new(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Demo:Seed"] = "true" });
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        App.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        App.StartServer();
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        playwright = await Playwright.CreateAsync();
        // Debian's Chromium (installed by ./test): Playwright downloads no browser here.
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public Task<IBrowserContext> NewContextAsync(string locale = "en-GB", (int Width, int Height)? size = null, bool javaScript = true, string? storageState = null)
    {
        var (width, height) = size ?? Desktop;
        return Browser.NewContextAsync(new()
        {
            BaseURL = BaseUrl,
            Locale = locale,
            ViewportSize = new() { Width = width, Height = height },
            JavaScriptEnabled = javaScript,
            StorageState = storageState,
        });
    }

    /// <summary>Signs in through the login form; the page then shows who is signed in.</summary>
    public static async Task<IPage> SignInAsync(IBrowserContext context, string email)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Accounts/Login");
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_Password").FillAsync(DemoSeed.Password);
        await page.Locator("main button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("header .who")).ToBeAttachedAsync(); // on a phone it sits in the folded menu
        return page;
    }

    /// <summary>On a phone the header's menu is folded under a "Menu" button: a person taps it first.</summary>
    public static async Task OpenMenuAsync(IPage page)
    {
        var menu = page.Locator("header summary");
        if (await menu.IsVisibleAsync())
        {
            await menu.ClickAsync();
        }
    }

    /// <summary>Opens the screen in a new context of the given size, signed in as its user; dispose the page's context.</summary>
    public async Task<IPage> OpenAsync(string screenName, (int Width, int Height) size, string locale = "en-GB")
    {
        var screen = Screen.Named(screenName);
        var state = screen.Email is null ? null : await sessions.GetOrAdd(screen.Email, email => new(() => SessionAsync(email))).Value;
        var context = await NewContextAsync(locale, size, storageState: state);
        var page = await context.NewPageAsync();
        if (screen.Prepare is not null)
        {
            await screen.Prepare(this, page);
        }
        var response = await page.GotoAsync(await screen.Url(this));
        Assert.Equal(screen.Status, response!.Status);
        return page;
    }

    // The page checks sign in through the form once per user and reuse its cookies: the journeys test the form.
    private async Task<string> SessionAsync(string email)
    {
        await using var context = await NewContextAsync();
        await SignInAsync(context, email);
        return await context.StorageStateAsync();
    }

    /// <summary>The demo family case of the household with this surname.</summary>
    public Task<Guid> CaseIdAsync(string lastName) =>
        App.WithDbAsync((db, _) => db.Cases.Where(c => c.Members.Any(m => m.LastName == lastName)).Select(c => c.Id).SingleAsync());

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        playwright?.Dispose();
        await App.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
