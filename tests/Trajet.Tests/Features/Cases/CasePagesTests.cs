using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Features.Accounts;

namespace Trajet.Tests.Features.Cases;

/// <summary>The case-file forms as a person uses them, without JavaScript.</summary>
public sealed class CasePagesTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private async Task<(HttpClient Browser, HttpClient Api, Guid CaseId, string Slug)> CaseAsync(string role = Roles.CaseManager)
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        await app.AddCriteriaAsync(programme, "Child under 18", "Stable housing");
        var email = await app.CreateUserAsync(role, organisation, programme);
        var api = await app.ApiClientAsync(email);
        var (id, _) = await CaseBuilder.OpenAsync(api, programme.Slug, date: "2026-01-10");
        return (await app.SignedInBrowserAsync(email), api, id, programme.Slug);
    }

    [Theory]
    [InlineData("fr-BE", "Trouver un dossier ou une personne")]
    [InlineData("nl-BE", "Een dossier of een persoon zoeken")]
    [InlineData("en-GB", "Find a case or a person")]
    public async Task TheHeaderSearch_OnAnyPage_FindsACaseByAnotherSpellingOfAName(string language, string label)
    {
        var (browser, api, id, _) = await CaseAsync();
        await CaseBuilder.AddMemberAsync(api, id, CaseBuilder.Parent("Lusine", "Petrosyan")).Succeeded();
        var number = await app.WithDbAsync((db, _) => db.Cases.Where(c => c.Id == id).Select(c => c.Number).SingleAsync());
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var anyPage = await Html.GetAsync(browser, "/Deadlines");
        Assert.Equal(label, anyPage.QuerySelector("header form[role=search] label")!.TextContent);

        var byName = await Html.SubmitAsync(browser, anyPage, "header form[role=search]", new Dictionary<string, string> { ["q"] = "Petrosian" });
        var byNumber = await Html.SubmitAsync(browser, anyPage, "header form[role=search]", new Dictionary<string, string> { ["q"] = number });

        Assert.Contains(number, (await Html.ParseAsync(byName)).QuerySelector("table.list tbody")!.TextContent);
        Assert.Contains(number, (await Html.ParseAsync(byNumber)).QuerySelector("table.list tbody")!.TextContent);
    }

    [Fact]
    public async Task Evaluators_HaveNoHeaderSearch()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        using var browser = await app.SignedInBrowserAsync(await app.CreateUserAsync(Roles.Evaluator, organisation, programme));
        Assert.Null((await Html.GetAsync(browser, "/Cases")).QuerySelector("header form[role=search]"));
    }

    private static Dictionary<string, string> Person(string first, string last, string birth) => new()
    {
        ["Input.Role"] = "Parent",
        ["Input.FirstName"] = first,
        ["Input.LastName"] = last,
        ["Input.BirthDate"] = birth,
        ["Input.Nationality"] = "AF",
    };

    [Fact]
    public async Task CasePage_ListsTheLatestTenInteractions_AndCountsThemAll()
    {
        var (browser, api, id, _) = await CaseAsync();
        for (var day = 1; day <= 12; day++)
        {
            var type = day % 4 == 0 ? "home-visit" : "phone-call";
            var posted = await api.PostAsync($"/api/cases/{id}/interactions",
                System.Net.Http.Json.JsonContent.Create(new { type, date = $"2026-02-{day:00}", notes = $"Call {day}" }));
            Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        }

        var page = await Html.GetAsync(browser, $"/Cases/Details/{id}");

        var section = page.QuerySelector("section[aria-labelledby=interactions]")!;
        Assert.Equal(["3", "12"], section.QuerySelectorAll(".tiles dd").Take(2).Select(d => d.TextContent.Trim()));
        var listed = section.QuerySelectorAll("ul.people li span:not(.hint)").Select(s => s.TextContent.Trim()).ToList();
        Assert.Equal(Enumerable.Range(3, 10).Reverse().Select(day => $"Call {day}"), listed);
    }

    [Theory]
    [InlineData("fr-BE", "Maroc", "Apatride", "arabe")]
    [InlineData("nl-BE", "Marokko", "Staatloos", "Arabisch")]
    [InlineData("en-GB", "Morocco", "Stateless", "Arabic")]
    public async Task AddPerson_ChoosesNationalityAndLanguagesByName_AndSavesTheCodes(string language, string morocco, string stateless, string arabic)
    {
        var (browser, api, id, _) = await CaseAsync();
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var form = await Html.GetAsync(browser, $"/Cases/AddMember/{id}");

        Assert.Equal(morocco, form.QuerySelector("select[name='Input.Nationality'] option[value=MA]")!.TextContent);
        Assert.Equal(stateless, form.QuerySelector("select[name='Input.Nationality'] option[value=stateless]")!.TextContent);
        Assert.Equal(arabic, form.QuerySelector("select[name='Input.Languages'] option[value=ar]")!.TextContent);
        Assert.Null(form.QuerySelector("input[name='Input.Nationality'], input[name='Input.Languages']"));

        var saved = await Html.SubmitAsync(browser, form, "main form", new Dictionary<string, string>(Person("Amina", "Benali", "1990-05-01"))
        {
            ["Input.Nationality"] = "MA",
            ["Input.Languages"] = "ar\u001ffr",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var person = (await api.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/cases/{id}")).GetProperty("members")[0];
        Assert.Equal("MA", person.GetProperty("nationality").GetString());
        Assert.Equal(["ar", "fr"], person.GetProperty("languages").EnumerateArray().Select(l => l.GetString()));
        var page = await Html.GetAsync(browser, $"/Cases/Details/{id}");
        Assert.Contains(morocco, page.QuerySelector("ul.people")!.TextContent);
    }

    [Fact]
    public async Task CasePage_UpcomingDeadlines_IncludeOneJustPassed_MarkedOverdue()
    {
        var (browser, api, id, _) = await CaseAsync();
        var today = DateOnly.FromDateTime(DateTime.Now);
        string Day(int offset) => today.AddDays(offset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await api.PostAsJsonAsync($"/api/cases/{id}/legal-events", new { type = "order-to-leave", date = Day(-33), deadline = Day(-3) }).Succeeded();
        await api.PostAsJsonAsync($"/api/cases/{id}/legal-events", new { type = "order-to-leave", date = Day(-100), deadline = Day(-70) }).Succeeded();

        var page = await Html.GetAsync(browser, $"/Cases/Details/{id}");

        var items = page.QuerySelectorAll("section[aria-labelledby=coming-up] li").ToList();
        Assert.True(items.Count == 1, page.QuerySelector("section[aria-labelledby=coming-up]")?.OuterHtml ?? page.QuerySelector("main")!.InnerHtml[..2000]);
        var passed = items[0];
        Assert.Contains("overdue", passed.ClassList);
        Assert.Contains("(1)", page.QuerySelector("nav.quick-actions a[href='#coming-up']")!.TextContent);
    }

    [Fact]
    public async Task AddPerson_WhenSomeoneSimilarIsKnown_AsksBeforeSaving()
    {
        var (browser, _, id, _) = await CaseAsync();
        var form = await Html.GetAsync(browser, $"/Cases/AddMember/{id}");
        Assert.Equal(HttpStatusCode.Redirect, (await Html.SubmitAsync(browser, form, "main form", Person("Mohammed", "Rahimi", "1987-03-04"))).StatusCode);

        form = await Html.GetAsync(browser, $"/Cases/AddMember/{id}");
        var asked = await Html.SubmitAsync(browser, form, "main form", Person("Muhammad", "Rahimy", "1987-03-04"));

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var page = await Html.ParseAsync(asked);
        Assert.Contains("Mohammed Rahimi", page.QuerySelector("#similar")!.ParentElement!.TextContent);
        Assert.Equal(1, await app.WithDbAsync((db, _) => db.Members.CountAsync(m => m.CaseId == id)));

        var confirmed = await Html.SubmitAsync(browser, page, "main form", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(2, await app.WithDbAsync((db, _) => db.Members.CountAsync(m => m.CaseId == id)));
    }

    [Fact]
    public async Task AddPerson_WithImpossibleBirthDate_ShowsTheMessageNextToTheField()
    {
        var (browser, _, id, _) = await CaseAsync();
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("nl-BE");
        var form = await Html.GetAsync(browser, $"/Cases/AddMember/{id}");

        var response = await Html.SubmitAsync(browser, form, "main form", Person("Ani", "Petrosyan", "2199-01-01"));

        var page = await Html.ParseAsync(response);
        Assert.Equal("De geboortedatum is onmogelijk.", page.QuerySelector("[data-valmsg-for='Input.BirthDate']")!.TextContent.Trim());
        Assert.Equal(0, await app.WithDbAsync((db, _) => db.Members.CountAsync(m => m.CaseId == id)));
    }

    [Fact]
    public async Task EditPerson_AfterSomeoneElseSaved_ShowsConflictAndKeepsTheirChange()
    {
        var (browser, api, id, _) = await CaseAsync();
        await CaseBuilder.AddMemberAsync(api, id, CaseBuilder.Parent("Lusine", "Petrosyan"));
        var memberId = await app.WithDbAsync((db, _) => db.Members.Where(m => m.CaseId == id).Select(m => m.Id).SingleAsync());
        var mine = await Html.GetAsync(browser, $"/Cases/EditMember/{id}/{memberId}");
        var theirs = await Html.GetAsync(browser, $"/Cases/EditMember/{id}/{memberId}");
        Assert.Equal(HttpStatusCode.Redirect, (await Html.SubmitAsync(browser, theirs, "main form", new Dictionary<string, string> { ["Input.FirstName"] = "Lucine" })).StatusCode);

        var response = await Html.SubmitAsync(browser, mine, "main form", new Dictionary<string, string> { ["Input.FirstName"] = "Lusiné" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Someone else changed this record", (await Html.ParseAsync(response)).QuerySelector(".errors")!.TextContent);
        Assert.Equal("Lucine", await app.WithDbAsync((db, _) => db.Members.Where(m => m.Id == memberId).Select(m => m.FirstName).SingleAsync()));
    }

    [Fact]
    public async Task Screening_ThenAdmission_ThroughTheForms()
    {
        var (browser, _, id, _) = await CaseAsync();
        var screen = await Html.GetAsync(browser, $"/Cases/Screen/{id}");
        Assert.Equal(2, screen.QuerySelectorAll("fieldset").Length);

        var saved = await Html.SubmitAsync(browser, screen, "main form", new Dictionary<string, string> { ["Answers[0].Answer"] = "Met", ["Answers[1].Answer"] = "NotMet", ["Answers[1].Note"] = "With friends" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var change = await Html.GetAsync(browser, $"/Cases/ChangeStatus/{id}");
        var refused = await Html.SubmitAsync(browser, change, "main form", new Dictionary<string, string> { ["Input.To"] = "Admitted", ["Input.Reason"] = "" });
        Assert.Contains("although a criterion is not met", (await Html.ParseAsync(refused)).QuerySelector("[data-valmsg-for='Input.Reason']")!.TextContent);

        change = await Html.GetAsync(browser, $"/Cases/ChangeStatus/{id}");
        var admitted = await Html.SubmitAsync(browser, change, "main form", new Dictionary<string, string> { ["Input.To"] = "Admitted", ["Input.Reason"] = "Housing found" });
        Assert.Equal(HttpStatusCode.Redirect, admitted.StatusCode);
        var details = await Html.GetAsync(browser, $"/Cases/Details/{id}");
        Assert.Contains("Admitted", details.QuerySelector("h1 .status")!.TextContent);
        Assert.Contains("With friends", details.QuerySelector(".criteria")!.TextContent);
    }

    [Fact]
    public async Task Close_WithoutOutcome_ShowsWhatIsMissingAndStaysActive()
    {
        var (browser, api, id, _) = await CaseAsync();
        var criteria = await app.WithDbAsync((db, _) => db.AdmissionCriteria.Where(c => db.Cases.Any(x => x.Id == id && x.ProgrammeId == c.ProgrammeId)).Select(c => c.Id).ToListAsync());
        await api.PutAsync($"/api/cases/{id}/screening", System.Net.Http.Json.JsonContent.Create(new { answers = criteria.Select(c => new { criterionId = c, answer = "met" }) })).Succeeded();
        await api.PostAsync($"/api/cases/{id}/status", System.Net.Http.Json.JsonContent.Create(new { to = "admitted" })).Succeeded();
        await api.PostAsync($"/api/cases/{id}/status", System.Net.Http.Json.JsonContent.Create(new { to = "active" })).Succeeded();
        var change = await Html.GetAsync(browser, $"/Cases/ChangeStatus/{id}");

        var response = await Html.SubmitAsync(browser, change, "main form", new Dictionary<string, string> { ["Input.To"] = "Closed", ["Input.Reason"] = "Moved away" });

        var page = await Html.ParseAsync(response);
        Assert.Contains("outcome", page.QuerySelector("[data-valmsg-for='Input.Outcome']")!.TextContent);
        Assert.Contains("durable solution", page.QuerySelector("[data-valmsg-for='Input.DurableSolution']")!.TextContent);
        Assert.Equal("Active", await app.WithDbAsync((db, _) => db.Cases.Where(c => c.Id == id).Select(c => c.Status.ToString()).SingleAsync()));
    }

    [Fact]
    public async Task DeclinedCase_OffersNoFurtherStatus()
    {
        var (browser, api, id, _) = await CaseAsync();
        await api.PostAsync($"/api/cases/{id}/status", System.Net.Http.Json.JsonContent.Create(new { to = "declined", reason = "No risk of detention" })).Succeeded();

        var details = await Html.GetAsync(browser, $"/Cases/Details/{id}");

        Assert.Null(details.QuerySelector("a[href*='ChangeStatus']"));
        Assert.Contains("No risk of detention", details.QuerySelector("#history")!.ParentElement!.TextContent);
    }

    [Fact]
    public async Task ClosedCase_Coordinator_ReopensThroughTheForm_WithAReason_AndTheHistoryShowsIt()
    {
        var (browser, api, id, _) = await CaseAsync(Roles.Coordinator);
        var criteria = await app.WithDbAsync((db, _) => db.AdmissionCriteria.Where(c => db.Cases.Any(x => x.Id == id && x.ProgrammeId == c.ProgrammeId)).Select(c => c.Id).ToListAsync());
        await CaseBuilder.AdmitAsync(api, id, criteria);
        await api.PostAsync($"/api/cases/{id}/status", System.Net.Http.Json.JsonContent.Create(new { to = "closed", date = "2026-03-31", reason = "Moved away", outcome = "disengaged", durableSolution = "none" })).Succeeded();
        var change = await Html.GetAsync(browser, $"/Cases/ChangeStatus/{id}");
        Assert.Contains("Reopen the case", change.QuerySelector("label:has(#to-Active)")!.TextContent);

        var refused = await Html.SubmitAsync(browser, change, "main form", new Dictionary<string, string> { ["Input.To"] = "Active", ["Input.Date"] = "2026-06-02", ["Input.Reason"] = "" });
        Assert.Contains("reason for reopening", (await Html.ParseAsync(refused)).QuerySelector("[data-valmsg-for='Input.Reason']")!.TextContent);
        change = await Html.GetAsync(browser, $"/Cases/ChangeStatus/{id}");
        var reopened = await Html.SubmitAsync(browser, change, "main form", new Dictionary<string, string> { ["Input.To"] = "Active", ["Input.Date"] = "2026-06-02", ["Input.Reason"] = "The family came back" });

        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        var history = (await Html.GetAsync(browser, $"/Cases/Details/{id}")).QuerySelector("#history")!.ParentElement!.TextContent;
        Assert.Contains("Disengaged", history); // the closure, kept
        Assert.Contains("Reopened by Coordinator", history);
        Assert.Contains("The family came back", history);
    }

    [Fact]
    public async Task ClosedCase_ForCaseManager_OffersNoReopening()
    {
        var (browser, api, id, _) = await CaseAsync();
        var criteria = await app.WithDbAsync((db, _) => db.AdmissionCriteria.Where(c => db.Cases.Any(x => x.Id == id && x.ProgrammeId == c.ProgrammeId)).Select(c => c.Id).ToListAsync());
        await CaseBuilder.AdmitAsync(api, id, criteria);
        await api.PostAsync($"/api/cases/{id}/status", System.Net.Http.Json.JsonContent.Create(new { to = "closed", date = "2026-03-31", reason = "Moved away", outcome = "disengaged", durableSolution = "none" })).Succeeded();

        var details = await Html.GetAsync(browser, $"/Cases/Details/{id}");

        Assert.Null(details.QuerySelector("a[href*='ChangeStatus']"));
    }

    [Fact]
    public async Task NewReferral_FromTheEarlierCasesPage_LinksBothCasePages()
    {
        var (browser, api, id, slug) = await CaseAsync();
        await api.PostAsync($"/api/cases/{id}/status", System.Net.Http.Json.JsonContent.Create(new { to = "declined", date = "2026-01-20", reason = "Not in the region" })).Succeeded();
        var earlier = await Html.GetAsync(browser, $"/Cases/Details/{id}");
        var number = earlier.QuerySelector("h1")!.FirstChild!.TextContent.Trim();

        var form = await Html.GetAsync(browser, earlier.QuerySelector("a[href*='previousCase']")!.GetAttribute("href")!);
        Assert.Contains(number, form.QuerySelector("main form")!.TextContent);
        var opened = await Html.SubmitAsync(browser, form, "main form", new Dictionary<string, string> { ["Input.Programme"] = slug, ["Input.Referral.Source"] = "Community", ["Input.Referral.Date"] = "2026-10-01" });

        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var later = await Html.GetAsync(browser, opened.Headers.Location!.OriginalString);
        var laterNumber = later.QuerySelector("h1")!.FirstChild!.TextContent.Trim();
        static string Squeezed(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        Assert.Contains(Squeezed($"Follows case {number}"), Squeezed(later.QuerySelector("dl.facts")!.TextContent));
        earlier = await Html.GetAsync(browser, $"/Cases/Details/{id}");
        Assert.Contains(Squeezed($"Followed by case {laterNumber}"), Squeezed(earlier.QuerySelector("dl.facts")!.TextContent));
    }

    [Fact]
    public async Task CaseList_ForEvaluator_ShowsNoNames()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        using var manager = await app.ApiClientAsync(await app.CreateUserAsync(Roles.CaseManager, organisation, programme));
        var (id, _) = await CaseBuilder.OpenAsync(manager, programme.Slug);
        await CaseBuilder.AddMemberAsync(manager, id, CaseBuilder.Parent("Lusine", "Petrosyan"));
        using var evaluator = await app.SignedInBrowserAsync(await app.CreateUserAsync(Roles.Evaluator, organisation, programme));

        var list = await Html.GetAsync(evaluator, "/Cases");
        var details = await Html.GetAsync(evaluator, $"/Cases/Details/{id}");

        Assert.DoesNotContain("Petrosyan", list.Body!.TextContent);
        Assert.DoesNotContain("Petrosyan", details.Body!.TextContent);
        Assert.DoesNotContain("Lusine", details.Body!.TextContent);
    }

    [Fact]
    public async Task CasePage_OfOtherOrganisation_IsNotFound()
    {
        var (_, _, id, _) = await CaseAsync();
        var (browser, _, _, _) = await CaseAsync(Roles.Coordinator);

        foreach (var url in new[] { $"/Cases/Details/{id}", $"/Cases/AddMember/{id}", $"/Cases/Screen/{id}", $"/Cases/ChangeStatus/{id}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(url)).StatusCode);
        }
    }

    [Fact]
    public async Task Coordinator_AddsACriterion_ThatScreeningThenAsks()
    {
        var (browser, _, id, slug) = await CaseAsync(Roles.Coordinator);
        var criteria = await Html.GetAsync(browser, $"/Programmes/Criteria/{slug}");

        var added = await Html.SubmitAsync(browser, criteria, "form[action*='handler=Add']", new Dictionary<string, string> { ["text"] = "Willing to engage with the case managers" });

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var screen = await Html.GetAsync(browser, $"/Cases/Screen/{id}");
        Assert.Contains("Willing to engage", screen.QuerySelectorAll("legend")[2].TextContent);
    }

    [Fact]
    public async Task CriteriaPage_ForCaseManagerOrOtherOrganisation_IsRefused()
    {
        var (manager, _, _, slug) = await CaseAsync();
        var (coordinator, _, _, _) = await CaseAsync(Roles.Coordinator);

        Assert.Equal(HttpStatusCode.Redirect, (await manager.GetAsync($"/Programmes/Criteria/{slug}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/Programmes/Criteria/{slug}")).StatusCode);
    }
}
