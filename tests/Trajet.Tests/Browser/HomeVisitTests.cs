using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Trajet.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class HomeVisitTests(BrowserFixture browser)
{
    /// <summary>The write-up after a home visit, on a phone: from the case list to the saved visit.</summary>
    [Fact]
    public async Task CaseManager_OnAPhone_WritesUpAHomeVisit()
    {
        var notes = $"Visit {Guid.NewGuid():N}"[..20];
        await using var context = await browser.NewContextAsync(locale: "fr-BE", size: BrowserFixture.Phone);
        var page = await BrowserFixture.SignInAsync(context, "cm1@ngo.demo");
        var caseId = await browser.CaseIdAsync("Mohammadi");

        await page.GotoAsync($"/Cases/Details/{caseId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Enregistrer une interaction" }).ClickAsync();
        await page.GetByLabel("Notes").FillAsync(notes);
        await page.GetByLabel("Prochaines étapes").FillAsync("Appeler l'avocat");
        await page.GetByLabel("Interprète présent").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();

        await Expect(page.GetByText(notes)).ToBeVisibleAsync();
        // Notes are encrypted at rest, so the database cannot compare them: take the case's latest interaction.
        var saved = await browser.App.WithDbAsync((db, _) => db.Interactions.Where(i => i.CaseId == caseId).OrderByDescending(i => i.CreatedAt).FirstAsync());
        Assert.Equal(notes, saved.Notes);
        Assert.Equal(Trajet.Web.Features.Interactions.InteractionType.HomeVisit, saved.Type);
        Assert.True(saved.InterpreterPresent);
        Assert.Equal(caseId, saved.CaseId);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= document.documentElement.clientWidth"));
    }
}
