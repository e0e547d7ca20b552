using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Features.Accounts;

namespace Trajet.Tests.Features.Coaching;

public abstract class CoachingPagesTests(TrajetApp app)
{
    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd");

    [Fact]
    public async Task Letter_IsInTheLettersLanguage_NotTheInterfaces()
    {
        var s = await CoachingSetup.CreateAsync(app);
        var booked = await s.BookAsync(CoachingSetup.NextWednesday(), "09:00", "09:30", invitation: new { language = "nl", addressee = "Olga Ivanova" });
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var invitation = (await booked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("invitationId").GetGuid();
        using var browser = await app.SignedInBrowserAsync(s.CoachEmail);
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr-BE");

        var page = await Html.GetAsync(browser, $"/Coaching/Letter/{invitation}");

        var letter = page.QuerySelector("article.letter")!;
        Assert.Equal("nl", letter.GetAttribute("lang"));
        Assert.Equal("Uitnodiging voor een gesprek", letter.QuerySelector("h1")!.TextContent);
        Assert.Contains("Geachte mevrouw, geachte heer,", letter.TextContent);
        Assert.Equal("Imprimer la lettre", page.QuerySelector(".no-print button[data-print]")!.TextContent);
        Assert.Contains("La venue de la personne n'est pas encore enregistrée.", page.QuerySelector(".no-print")!.TextContent);
    }

    [Theory]
    [InlineData("fr-BE", "Créneaux libres", "Heures d'ouverture")]
    [InlineData("nl-BE", "Vrije tijdstippen", "Openingsuren")]
    [InlineData("en-GB", "Free times", "Opening hours")]
    public async Task Book_ShowsTheDesksHoursAndTheCoachsFreeTimes_AndAPickedTimeFillsTheForm(string language, string heading, string hours)
    {
        var s = await CoachingSetup.CreateAsync(app);
        var wednesday = CoachingSetup.NextWednesday();
        (await s.BookAsync(wednesday, "09:30", "10:00")).EnsureSuccessStatusCode();
        using var browser = await app.SignedInBrowserAsync(s.CoachEmail);
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        var page = await Html.GetAsync(browser, $"/Coaching/Book/{s.CaseId}?desk={s.DeskId}");

        var free = page.QuerySelector("section[aria-labelledby=free]")!;
        Assert.Equal(heading, free.QuerySelector("h3")!.TextContent);
        Assert.Contains($"{hours}: ", free.TextContent);
        Assert.Contains("09:00–12:00", free.TextContent);
        var times = free.QuerySelectorAll("a.slot").Where(a => a.GetAttribute("href")!.Contains($"date={Day(wednesday)}")).Select(a => a.TextContent).ToList();
        Assert.Equal(["09:00", "10:00", "10:30", "11:00", "11:30"], times); // 09:30 is taken

        var picked = free.QuerySelectorAll("a.slot").First(a => a.GetAttribute("href")!.Contains($"date={Day(wednesday)}") && a.TextContent == "10:30");
        var form = await Html.GetAsync(browser, $"/Coaching/Book/{s.CaseId}" + picked.GetAttribute("href")!.Split('#')[0]);
        Assert.Equal(Day(wednesday), form.QuerySelector("#Input_Date")!.GetAttribute("value"));
        Assert.Equal("10:30", form.QuerySelector("#Input_Start")!.GetAttribute("value"));
        Assert.Equal("11:00", form.QuerySelector("#Input_End")!.GetAttribute("value"));
        Assert.Equal(s.DeskId.ToString(), form.QuerySelector("#Input_DeskId option[selected]")!.GetAttribute("value"));
    }

    [Theory]
    [InlineData("fr-BE", "semaine du")]
    [InlineData("nl-BE", "week van")]
    [InlineData("en-GB", "week of")]
    public async Task Agenda_ShowsTheWholeWeek_DayByDay(string language, string weekOf)
    {
        var s = await CoachingSetup.CreateAsync(app);
        var wednesday = CoachingSetup.NextWednesday();
        (await s.BookAsync(wednesday, "09:00", "09:30")).EnsureSuccessStatusCode();
        (await s.Coach.PostAsJsonAsync("/api/appointments", new { caseId = s.CaseId, date = Day(wednesday.AddDays(2)), start = "14:00", end = "14:30", place = "At home" }))
            .EnsureSuccessStatusCode(); // a Friday, away from the desk
        using var browser = await app.SignedInBrowserAsync(s.CoachEmail);
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        var week = await Html.GetAsync(browser, $"/Coaching/Agenda?date={Day(wednesday)}&view=week");

        Assert.Contains(weekOf, week.QuerySelector("h1")!.TextContent);
        var days = week.QuerySelectorAll("main section").ToList();
        Assert.Equal(7, days.Count);
        Assert.Contains(s.CaseNumber, days[2].TextContent); // Wednesday
        Assert.Contains(s.CaseNumber, days[4].TextContent); // Friday
        Assert.DoesNotContain(s.CaseNumber, days[3].TextContent);
        var day = await Html.GetAsync(browser, $"/Coaching/Agenda?date={Day(wednesday)}");
        Assert.Empty(day.QuerySelectorAll("main section"));
        Assert.Single(day.QuerySelectorAll("table.list tbody tr"));
    }

    [Fact]
    public async Task Queue_RegistersAWalkIn_AndRefusesOneAtAClosedHour()
    {
        var s = await CoachingSetup.CreateAsync(app);
        using var browser = await app.SignedInBrowserAsync(s.CoachEmail);
        var url = $"/Coaching/Queue/{s.DeskId}?date={Day(CoachingSetup.LastWednesday())}";
        var page = await Html.GetAsync(browser, url);

        var refused = await Html.SubmitAsync(browser, page, "form[action*='handler=Register']", new Dictionary<string, string> { ["Input.ArrivedAt"] = "12:30", ["Input.Name"] = "Late visitor" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("The desk is closed at that time", (await Html.ParseAsync(refused)).QuerySelector(".errors")!.TextContent);

        var registered = await Html.SubmitAsync(browser, page, "form[action*='handler=Register']", new Dictionary<string, string> { ["Input.ArrivedAt"] = "09:15", ["Input.Name"] = "Early visitor", ["Input.Question"] = "Appeal?" });
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var after = await Html.GetAsync(browser, registered.Headers.Location!.OriginalString);
        Assert.Contains("Early visitor", after.QuerySelector("ol[aria-labelledby=waiting]")!.TextContent);
    }

    [Fact]
    public async Task Book_ThroughTheForm_WithALetter_AsksForTheAddressee_ThenOpensTheLetter()
    {
        var s = await CoachingSetup.CreateAsync(app);
        using var browser = await app.SignedInBrowserAsync(s.CoachEmail);
        var page = await Html.GetAsync(browser, $"/Coaching/Book/{s.CaseId}?desk={s.DeskId}");
        var form = new Dictionary<string, string> { ["Input.Date"] = Day(CoachingSetup.NextWednesday()), ["Input.Start"] = "10:00", ["Input.End"] = "10:30", ["Input.Invitation.Language"] = "fr", ["Input.Invitation.Addressee"] = "" };

        var refused = await Html.SubmitAsync(browser, page, "form.card", form);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Say to whom the letter is addressed.", (await Html.ParseAsync(refused)).QuerySelector("[data-valmsg-for='Input.Invitation.Addressee']")!.TextContent);

        form["Input.Invitation.Addressee"] = "Madame Kamara";
        var booked = await Html.SubmitAsync(browser, page, "form.card", form);
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        var letter = await Html.GetAsync(browser, booked.Headers.Location!.OriginalString);
        Assert.Equal("fr", letter.QuerySelector("article.letter")!.GetAttribute("lang"));
        Assert.Contains("Madame Kamara", letter.QuerySelector("article.letter")!.TextContent);
    }

    [Fact]
    public async Task Desks_CoordinatorOpensOne_ThroughTheForm_ClosingAfterItOpens()
    {
        var s = await CoachingSetup.CreateAsync(app);
        using var browser = await app.SignedInBrowserAsync(await app.CreateUserAsync(Roles.Coordinator, s.Organisation, s.Programme));
        var page = await Html.GetAsync(browser, "/Coaching");
        var form = new Dictionary<string, string> { ["Input.Name"] = "Antwerp desk", ["Input.Address"] = "Meir 1, 2000 Antwerpen", ["Input.Region"] = "Flanders", ["Input.Openings[0].Opens"] = "14:00", ["Input.Openings[0].Closes"] = "13:00" };

        var refused = await Html.SubmitAsync(browser, page, "main form.card", form);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("The desk must close after it opens.", (await Html.ParseAsync(refused)).QuerySelector("[data-valmsg-for='Input.Openings[0].Closes']")!.TextContent);

        form["Input.Openings[0].Closes"] = "17:00";
        Assert.Equal(HttpStatusCode.Redirect, (await Html.SubmitAsync(browser, page, "main form.card", form)).StatusCode);
        var desks = await s.Coordinator.GetFromJsonAsync<JsonElement>("/api/desks");
        var antwerp = desks.EnumerateArray().Single(d => d.GetProperty("name").GetString() == "Antwerp desk");
        Assert.Equal("14:00:00", antwerp.GetProperty("openings")[0].GetProperty("opens").GetString());
    }

    [Fact]
    public async Task ChangeStatus_ClosingOnPathway3WithoutExplanation_ShowsWhy()
    {
        var s = await CoachingSetup.CreateAsync(app);
        await s.Coach.PostAsJsonAsync($"/api/cases/{s.CaseId}/pathway", new { pathway = "return-refused", date = Day(CoachingSetup.Today), reasons = "Refused" }).Succeeded();
        using var browser = await app.SignedInBrowserAsync(s.CoachEmail);
        var page = await Html.GetAsync(browser, $"/Cases/ChangeStatus/{s.CaseId}");

        var response = await Html.SubmitAsync(browser, page, "main form", new Dictionary<string, string>
        {
            ["Input.To"] = "Closed",
            ["Input.Reason"] = "Return refused",
            ["Input.Outcome"] = "Other",
            ["Input.DurableSolution"] = "None",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("record that the consequences", (await Html.ParseAsync(response)).Body!.TextContent);
    }

    [Fact]
    public async Task Caseload_CountsPerCoachDeskAndRegion()
    {
        var s = await CoachingSetup.CreateAsync(app);
        Assert.Equal(HttpStatusCode.OK, (await s.Coordinator.PutAsJsonAsync($"/api/cases/{s.CaseId}/assignees", new { userIds = new[] { s.CoachId } })).StatusCode);
        await s.Coach.PostAsJsonAsync($"/api/desks/{s.DeskId}/walk-ins", new { date = Day(CoachingSetup.LastWednesday()), arrivedAt = "10:00", caseNumber = s.CaseNumber }).Succeeded();
        await s.Coach.PostAsJsonAsync($"/api/cases/{s.CaseId}/pathway", new { pathway = "voluntary-return", date = Day(CoachingSetup.Today), reasons = "r", optionsExplained = "o" }).Succeeded();
        await s.Coach.PostAsJsonAsync($"/api/cases/{s.CaseId}/interactions", new { type = "follow-up-interview", date = Day(CoachingSetup.Today) }).Succeeded();
        using var browser = await app.SignedInBrowserAsync(s.CoachEmail);

        var page = await Html.GetAsync(browser, "/Coaching/Caseload");

        string[] Row(string table) => page.QuerySelector($"table[aria-labelledby={table}] tbody tr")!.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray();
        Assert.Equal(["Brussels desk", "1", "1", "0", "1", "0", "0"], Row("desks"));
        Assert.Equal(["Brussels", "1", "1", "0", "1", "0", "0"], Row("regions"));
        Assert.Equal(["1", "1", "0", "1", "0", "0"], Row("coaches")[1..]);
    }
}

public sealed class CoachingPagesTestsOnSqlite(SqliteApp app) : CoachingPagesTests(app), IClassFixture<SqliteApp>;

public sealed class CoachingPagesTestsOnPostgres(PostgresApp app) : CoachingPagesTests(app), IClassFixture<PostgresApp>;
