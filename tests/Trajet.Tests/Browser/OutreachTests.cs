using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Trajet.Web.Features.Demo;
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

        await BrowserFixture.OpenMenuAsync(page);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Outreach contacts" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Outreach contacts", Level = 1 })).ToBeVisibleAsync();
        var rows = page.Locator("table.list tbody tr");
        await Expect(rows.First).ToBeInViewportAsync();
        await Expect(rows.Filter(new() { HasText = "Gare du Nord (Brussels)" }).First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Main)).Not.ToContainTextAsync("Calais");
    }

    /// <summary>
    /// Mid-round on a 390×844 phone: one form on one page, today's session already chosen. Four steps:
    /// open the form, type a nickname, tap a topic, save; the contact shows in the session.
    /// </summary>
    [Fact]
    public async Task OutreachWorker_OnAPhone_LogsAContactInFourSteps()
    {
        var nickname = $"Rider{Guid.NewGuid():N}"[..12];
        await using var context = await browser.NewContextAsync(size: BrowserFixture.Phone);
        var page = await BrowserFixture.SignInAsync(context, "outreach@reachout.demo");
        var steps = 0;

        await page.GotoAsync("/Outreach/LogContact"); steps++;
        await page.GetByLabel("Nickname (leave empty if anonymous)").FillAsync(nickname); steps++;
        await page.GetByLabel("Dublin regulation").CheckAsync(); steps++;
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= document.documentElement.clientWidth"));
        var save = page.GetByRole(AriaRole.Button, new() { Name = "Save the contact" });
        var box = await save.BoundingBoxAsync();
        Assert.True(box!.Height >= 44 && box.Width >= 300, $"the save button is {box.Width}×{box.Height}");
        await save.ClickAsync(); steps++;

        Assert.Equal(4, steps);
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Contact saved.");
        await Expect(page.Locator("table.contacts tbody tr").Filter(new() { HasText = nickname })).ToBeVisibleAsync();
        var saved = await browser.App.WithDbAsync((db, _) => db.OutreachContacts.SingleAsync(c => c.Nickname == nickname));
        Assert.Equal("dublin", saved.InformationGiven);
        Assert.NotNull(saved.SessionId);
        Assert.NotNull(saved.PersonId);
        var today = DateOnly.FromDateTime(DateTime.Now);
        Assert.Equal(today, await browser.App.WithDbAsync((db, _) => db.OutreachSessions.Where(s => s.Id == saved.SessionId).Select(s => s.Date).SingleAsync()));
    }

    [Fact]
    public async Task OutreachWorker_OnAPhone_SavingNothing_IsToldNothingHappened()
    {
        await using var context = await browser.NewContextAsync(size: BrowserFixture.Phone);
        var page = await BrowserFixture.SignInAsync(context, "outreach@reachout.demo");

        await page.GotoAsync("/Outreach/LogContact");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the contact" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Nothing happened");
    }

    [Fact]
    public async Task FrenchTeam_SeesTheSharedPerson_ReadOnly()
    {
        await using var context = await browser.NewContextAsync(size: BrowserFixture.Phone);
        var page = await BrowserFixture.SignInAsync(context, "outreach@reachout-fr.demo");

        await page.GotoAsync("/Outreach/People");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tesfay" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Note)).ToContainTextAsync("Reach Out BE");
        await Expect(page.Locator("main form[method=post]")).ToHaveCountAsync(0);
    }

    /// <summary>
    /// Another device saved a new phone number while this phone's form was open: saving shows both numbers side by
    /// side, on a 390 px screen and with no serious axe finding; keeping one saves it.
    /// </summary>
    [Fact]
    public async Task OutreachWorker_OnAPhone_ChoosesBetweenTwoPhoneNumbersSavedMeanwhile()
    {
        using var api = await browser.App.ApiClientAsync("outreach@reachout.demo", DemoSeed.Password);
        var created = await api.PostAsJsonAsync("/api/outreach/people", new { nickname = $"Twice{Guid.NewGuid():N}"[..12], phone = "0470 11 22 33" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await using var context = await browser.NewContextAsync(size: BrowserFixture.Phone);
        var page = await BrowserFixture.SignInAsync(context, "outreach@reachout.demo");
        await page.GotoAsync($"/Outreach/Person/{id}");
        var saved = await api.PatchAsJsonAsync($"/api/outreach/people/{id}", new { @base = new { phone = "0470 11 22 33" }, changes = new { phone = "0480 99 88 77" } });
        Assert.True(saved.IsSuccessStatusCode);

        await page.GetByLabel("Phone", new() { Exact = true }).FillAsync("0490 00 00 00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        var phone = page.GetByRole(AriaRole.Group, new() { Name = "Phone" });
        await Expect(phone.GetByRole(AriaRole.Radio, new() { Name = "Your version" })).ToBeVisibleAsync();
        await Expect(phone.Locator("label.tap").First).ToContainTextAsync("0490 00 00 00");
        await Expect(phone.Locator("label.tap").Last).ToContainTextAsync("0480 99 88 77");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= document.documentElement.clientWidth"));
        await AccessibilityTests.AssertNoSeriousViolationAsync(page, "outreach person with a conflict");

        await phone.GetByRole(AriaRole.Radio, new() { Name = "Your version" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Phone" })).ToHaveCountAsync(0);
        await Expect(page.Locator("dl.facts")).ToContainTextAsync("0490 00 00 00");
    }
}
