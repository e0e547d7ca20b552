using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Trajet.Tests.Browser;

/// <summary>The main forms work with the keyboard alone: every field is reached with Tab, filled with keys, and Enter saves.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class KeyboardTests(BrowserFixture browser)
{
    [Fact]
    public async Task Referral_IsOpenedWithTheKeyboardAlone()
    {
        var referrer = "Keyboard " + Guid.NewGuid().ToString("N")[..8];
        await using var context = await browser.NewContextAsync();
        var page = await BrowserFixture.SignInAsync(context, "cm1@ngo.demo");
        await page.GotoAsync("/Cases/Open");

        // Tab from the top of the page reaches the fields in reading order.
        await TabToAsync(page, "Input_Programme");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("kind-Family", await FocusedIdAsync(page));
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Input_Referral_Source", await FocusedIdAsync(page));
        await page.Keyboard.PressAsync("ArrowDown"); // from "—" to the first source
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Input_Referral_ReferredBy", await FocusedIdAsync(page));
        await page.Keyboard.TypeAsync(referrer);
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(CaseUrl());
        var caseId = Guid.Parse(CaseUrl().Match(page.Url).Groups[1].Value);
        var saved = await browser.App.WithDbAsync((db, _) => db.Cases.AsNoTracking().SingleAsync(c => c.Id == caseId));
        Assert.Equal(referrer, saved.Referral.ReferredBy);
        Assert.Equal(Trajet.Web.Features.Cases.CaseKind.Family, saved.Kind);
        Assert.Equal(Trajet.Web.Features.Cases.ReferralSource.Community, saved.Referral.Source);
    }

    [Fact]
    public async Task HomeVisit_IsWrittenUpWithTheKeyboardAlone()
    {
        var notes = "Keys only " + Guid.NewGuid().ToString("N")[..8];
        await using var context = await browser.NewContextAsync(locale: "nl-BE");
        var page = await BrowserFixture.SignInAsync(context, "cm1@ngo.demo");
        var caseId = await browser.CaseIdAsync("Mohammadi");
        await page.GotoAsync($"/CaseWork/LogInteraction/{caseId}");

        await TabToAsync(page, "Input_Notes");
        await page.Keyboard.TypeAsync(notes);
        // On to the save button with Tab, then Enter.
        for (var i = 0; i < 30 && await page.EvaluateAsync<string>("document.activeElement.type") != "submit"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new Regex($"/Cases/Details/{caseId}"));
        var saved = await browser.App.WithDbAsync((db, _) => db.Interactions.Where(i => i.CaseId == caseId).OrderByDescending(i => i.CreatedAt).FirstAsync());
        Assert.Equal(notes, saved.Notes);
    }

    private static Task<string> FocusedIdAsync(IPage page) => page.EvaluateAsync<string>("document.activeElement.id");

    private static async Task TabToAsync(IPage page, string id)
    {
        for (var i = 0; i < 60; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await FocusedIdAsync(page) == id)
            {
                return;
            }
        }
        Assert.Fail($"#{id} is never reached with Tab");
    }

    [GeneratedRegex(@"/Cases/Details/([0-9a-f-]{36})")]
    private static partial Regex CaseUrl();
}
