using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Trajet.Tests.Browser;

/// <summary>
/// A coach's Wednesday morning at the Brussels desk. The app's clock is the real one, so the test picks its days:
/// the walk-ins are registered for the last Wednesday before today (its 9–12 morning is over, so arrivals are
/// neither in the future nor outside the opening hours) and the follow-up is booked on the next Wednesday.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CoachDeskMorningTests(BrowserFixture browser)
{
    [Fact]
    public async Task Coach_RegistersWalkIns_CallsThemFromTheQueue_AndBooksAFollowUp()
    {
        var unique = Guid.NewGuid().ToString("N")[..6];
        var firstVisitor = $"Amina Diallo {unique}";
        var morning = Screen.LastWednesday().ToString("yyyy-MM-dd");
        var followUp = Screen.NextWednesday();
        var caseId = await browser.CaseIdAsync("Kamara");
        var caseNumber = await browser.App.WithDbAsync((db, _) => db.Cases.Where(c => c.Id == caseId).Select(c => c.Number).SingleAsync());
        await using var context = await browser.NewContextAsync(size: BrowserFixture.Phone);
        var page = await BrowserFixture.SignInAsync(context, "coach@atd.demo");

        // The desk and its morning.
        await BrowserFixture.OpenMenuAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Desks and appointments" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Brussels desk", Exact = true }).ClickAsync();
        await page.GetByLabel("Day").FillAsync(morning);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Brussels desk");

        // Two walk-ins: someone new, then a known case who needs an interpreter.
        await page.GetByLabel("Arrival time").FillAsync("09:05");
        await page.GetByLabel("Name given").FillAsync(firstVisitor);
        await page.GetByLabel("Language spoken").SelectOptionAsync("fr");
        await page.GetByLabel("Question asked").FillAsync("Can I still appeal?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("the person is in the queue");

        await page.GetByLabel("Arrival time").FillAsync("09:10");
        await page.GetByLabel("Case reference (known case)").FillAsync(caseNumber);
        await page.GetByLabel("Language spoken").SelectOptionAsync("en");
        await page.GetByLabel("Interpreter needed").CheckAsync();
        await page.GetByLabel("Question asked").FillAsync($"Brings the missing papers {unique}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true }).ClickAsync();

        // The queue: both wait, in order of arrival.
        var waiting = page.Locator("ol[aria-labelledby=waiting] > li");
        await Expect(waiting).ToHaveCountAsync(2);
        await Expect(waiting.Nth(0)).ToContainTextAsync(firstVisitor);
        await Expect(waiting.Nth(1)).ToContainTextAsync(caseNumber);

        // The first person is called, informed, done.
        await page.GetByRole(AriaRole.Button, new() { Name = "Call the next person" }).ClickAsync();
        var seen = page.Locator("ul[aria-labelledby=being-seen] > li");
        await Expect(seen).ToContainTextAsync(firstVisitor);
        await seen.GetByLabel("Outcome").SelectOptionAsync(new SelectOptionValue { Label = "Information given" });
        await seen.GetByLabel("Notes").FillAsync("Appeal period explained");
        await seen.GetByRole(AriaRole.Button, new() { Name = "Record the outcome" }).ClickAsync();
        await Expect(page.Locator("table.list").First).ToContainTextAsync(firstVisitor);

        // The known case is called; the coach opens the case and books the follow-up with a French letter.
        await page.GetByRole(AriaRole.Button, new() { Name = "Call the next person" }).ClickAsync();
        await Expect(seen).ToContainTextAsync(caseNumber);
        await Expect(seen).ToContainTextAsync("Interpreter needed");
        await seen.GetByRole(AriaRole.Link, new() { Name = $"Open the case {caseNumber}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(caseNumber);
        await page.GetByRole(AriaRole.Link, new() { Name = "Appointments", Exact = true }).ClickAsync();

        await page.GetByLabel("Date").FillAsync(followUp.ToString("yyyy-MM-dd"));
        await page.GetByLabel("From").FillAsync("11:30");
        await page.GetByLabel("To", new() { Exact = true }).FillAsync("12:00");
        await page.GetByLabel("Desk", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Brussels desk" });
        await page.GetByLabel("Purpose").FillAsync($"Conclusions {unique}");
        await page.GetByLabel("Letter in").SelectOptionAsync("fr");
        await page.GetByRole(AriaRole.Button, new() { Name = "Book", Exact = true }).ClickAsync();

        // The letter, in French while the coach works in English, then the booked appointment.
        await Expect(page.Locator("article.letter h1")).ToHaveTextAsync("Invitation à un entretien");
        await Expect(page.Locator("article.letter")).ToContainTextAsync("11:30");
        // Printed from a button (the script shows it), not from keyboard instructions; the letter alone goes on paper.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Print the letter" })).ToBeVisibleAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator(".no-print").First).ToBeHiddenAsync();
        await Expect(page.Locator("article.letter")).ToBeVisibleAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await page.GetByRole(AriaRole.Link, new() { Name = "← Appointments" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync($"Conclusions {unique}");

        var saved = await browser.App.WithDbAsync((db, _) => db.Appointments.SingleAsync(a => a.Purpose == $"Conclusions {unique}"));
        Assert.Equal((caseId, followUp, new TimeOnly(11, 30)), (saved.CaseId, saved.Date, saved.Start));
        // Questions are encrypted at rest: the database finds the desk's walk-ins, the question is compared once read.
        var walkIns = (await browser.App.WithDbAsync((db, _) => db.WalkIns.Where(w => w.Name == firstVisitor || w.CaseId == caseId).OrderBy(w => w.ArrivedAt).ToListAsync()))
            .Where(w => w.Name == firstVisitor || w.Question == $"Brings the missing papers {unique}").ToList();
        Assert.Equal([true, false], walkIns.Select(w => w.FirstVisit));
        Assert.Equal(caseId, walkIns[1].CaseId);
        Assert.True(walkIns[1].InterpreterNeeded);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= document.documentElement.clientWidth"));
    }
}
