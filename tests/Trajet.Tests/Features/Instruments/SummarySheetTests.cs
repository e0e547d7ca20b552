using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Trajet.Tests.Features.Cases;
using Trajet.Tests.Features.Reports;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Features.Accounts;

namespace Trajet.Tests.Features.Instruments;

/// <summary>The client summary sheet as the briefing note fills it: questions 10 and 12 from the records, the member, the two final fields.</summary>
public abstract class SummarySheetTests(TrajetApp app)
{
    private sealed record Household(HttpClient Api, string Email, Guid CaseId, Guid Mother, Guid Uncle, Trajet.Web.Features.Organisations.Organisation Organisation,
        Trajet.Web.Features.Organisations.Programme Programme);

    /// <summary>A family referred on 10 January 2025: a Georgian mother, her son, and a Syrian uncle living with them.</summary>
    private async Task<Household> HouseholdAsync(string source = "community")
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var email = await app.CreateUserAsync(Roles.CaseManager, organisation, programme);
        var api = await app.ApiClientAsync(email);
        var opened = await api.PostAsJsonAsync("/api/cases", new { programme = programme.Slug, kind = "family", referral = new { source, referredBy = "Volunteer", date = "2025-01-10" } }).Succeeded();
        var id = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var mother = await MemberAsync(api, id, new { role = "parent", firstName = "Nino", lastName = "Beridze", gender = "female", birthDate = "1987-02-02", nationality = "GE" });
        await MemberAsync(api, id, new { role = "child", firstName = "Luka", lastName = "Beridze", gender = "male", birthDate = "2015-05-05", nationality = "GE" });
        var uncle = await MemberAsync(api, id, new { role = "other", firstName = "Karim", lastName = "Haddad", gender = "male", birthDate = "1980-03-03", nationality = "SY" });
        return new(api, email, id, mother, uncle, organisation, programme);
    }

    private static async Task<Guid> MemberAsync(HttpClient api, Guid caseId, object member)
    {
        var added = await CaseBuilder.AddMemberAsync(api, caseId, member).Succeeded();
        return (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("member").GetProperty("id").GetGuid();
    }

    private static Task LegalEventAsync(HttpClient api, Guid caseId, string type, string date) =>
        api.PostAsJsonAsync($"/api/cases/{caseId}/legal-events", new { type, date }).Succeeded();

    /// <summary>The briefing note's first sheet, with what the test adds to it.</summary>
    private static object Sheet(Dictionary<string, object?> extra)
    {
        var body = JsonSerializer.SerializeToNode(BriefingNote.Sheet(0, "2025-06-30"))!.AsObject();
        foreach (var (key, value) in extra)
        {
            body[key] = JsonSerializer.SerializeToNode(value);
        }
        return body;
    }

    private static async Task<JsonElement> PostSheetAsync(HttpClient api, Guid caseId, Dictionary<string, object?> extra) =>
        await (await api.PostAsJsonAsync($"/api/cases/{caseId}/summary-sheets", Sheet(extra)).Succeeded()).Content.ReadFromJsonAsync<JsonElement>();

    private static string? Released(JsonElement sheet) =>
        sheet.GetProperty("profile").GetProperty("releasedFromDetention") is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

    [Fact]
    public async Task Question12_ReleaseAfterDetentionInTheChronology_IsYes()
    {
        var h = await HouseholdAsync(source: "detention");
        await LegalEventAsync(h.Api, h.CaseId, "detention", "2025-01-05");
        await LegalEventAsync(h.Api, h.CaseId, "release", "2025-02-20");

        var sheet = await PostSheetAsync(h.Api, h.CaseId, []);

        Assert.Equal("yes", Released(sheet));
    }

    [Fact]
    public async Task Question12_DetentionReferralWithoutRelease_IsNotYes()
    {
        var h = await HouseholdAsync(source: "detention");
        var unknown = await PostSheetAsync(h.Api, h.CaseId, []);
        await LegalEventAsync(h.Api, h.CaseId, "detention", "2025-01-05");
        await LegalEventAsync(h.Api, h.CaseId, "dublin-transfer", "2025-03-01");

        var detained = await PostSheetAsync(h.Api, h.CaseId, []);

        // Nothing in the chronology: the case manager is asked, never told "yes" for a detention referral.
        Assert.Null(Released(unknown));
        Assert.Equal("no", Released(detained));
        using var browser = await app.SignedInBrowserAsync(h.Email);
        var form = await Html.GetAsync(browser, $"/Instruments/SummarySheet/{h.CaseId}");
        Assert.Equal("The legal chronology holds a detention and no later release.", form.QuerySelector("#released-hint")!.TextContent.Trim());
        Assert.True(((IHtmlInputElement)form.QuerySelector("input[name='releasedFromDetention'][value='no']")!).IsChecked);
    }

    [Fact]
    public async Task Question12_TheCaseManagersAnswer_OverridesTheChronology()
    {
        var h = await HouseholdAsync(source: "detention");
        await LegalEventAsync(h.Api, h.CaseId, "detention", "2025-01-05");
        await LegalEventAsync(h.Api, h.CaseId, "release", "2025-02-20");

        var answered = await PostSheetAsync(h.Api, h.CaseId, new() { ["releasedFromDetention"] = "not-applicable" });
        var refused = await h.Api.PostAsJsonAsync($"/api/cases/{h.CaseId}/summary-sheets", Sheet(new() { ["releasedFromDetention"] = "maybe" }));

        Assert.Equal("not-applicable", Released(answered));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("releasedFromDetention", await refused.Content.ReadAsStringAsync());
        Assert.Single((await h.Api.GetFromJsonAsync<JsonElement>($"/api/cases/{h.CaseId}/summary-sheets")).EnumerateArray());
    }

    [Fact]
    public async Task Question12_AnsweredOnTheForm_IsSaved()
    {
        var h = await HouseholdAsync();
        using var browser = await app.SignedInBrowserAsync(h.Email);
        var form = await Html.GetAsync(browser, $"/Instruments/SummarySheet/{h.CaseId}");
        Assert.Equal("The legal chronology does not say: please answer.", form.QuerySelector("#released-hint")!.TextContent.Trim());

        var saved = await Html.SubmitAsync(browser, form, "main form", Answers(new() { ["releasedFromDetention"] = "no" }));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var profile = await app.WithDbAsync((db, _) => db.SummarySheets.Where(s => s.CaseId == h.CaseId).Select(s => s.Profile).SingleAsync());
        Assert.Equal("no", JsonDocument.Parse(profile).RootElement.GetProperty("releasedFromDetention").GetString());
    }

    [Theory]
    [InlineData("en", "10 interactions over 9 months, about 1 a month, 5 home visits, about 45 minutes each on average")]
    [InlineData("fr", "10 interactions sur 9 mois, environ 1 par mois, 5 visites à domicile, environ 45 minutes chacune en moyenne")]
    public async Task Question10_IsPrefilledFromTheInteractions_InTheUsersLanguage(string language, string expected)
    {
        var h = await HouseholdAsync();
        for (var month = 2; month <= 11; month++)
        {
            var visit = month % 2 == 0;
            await h.Api.PostAsJsonAsync($"/api/cases/{h.CaseId}/interactions",
                new { type = visit ? "home-visit" : "phone-call", date = $"2025-{month:00}-01", durationMinutes = visit ? 60 : 30 }).Succeeded();
        }
        using var browser = await app.SignedInBrowserAsync(h.Email);
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        var form = await Html.GetAsync(browser, $"/Instruments/SummarySheet/{h.CaseId}");

        Assert.Equal(expected, ((IHtmlInputElement)form.QuerySelector("#profile-Interactions")!).Value);
        // The case manager may correct it before saving: what they write is what is kept.
        var saved = await Html.SubmitAsync(browser, form, "main form", Answers(new() { ["profile.Interactions"] = "Weekly visits, calls in between" }));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Weekly visits, calls in between", await app.WithDbAsync((db, _) => db.SummarySheets.Where(s => s.CaseId == h.CaseId).Select(s => s.Profile).SingleAsync()));
    }

    [Fact]
    public async Task Member_ChosenInTheApi_IsDescribedAndStored()
    {
        var h = await HouseholdAsync();

        var first = await PostSheetAsync(h.Api, h.CaseId, []);
        var chosen = await PostSheetAsync(h.Api, h.CaseId, new() { ["member"] = h.Uncle });

        Assert.Equal(h.Mother, first.GetProperty("member").GetGuid());
        Assert.Equal("GE", first.GetProperty("profile").GetProperty("nationality").GetString());
        Assert.Equal(h.Uncle, chosen.GetProperty("member").GetGuid());
        Assert.Equal("SY", chosen.GetProperty("profile").GetProperty("nationality").GetString());
        var listed = (await h.Api.GetFromJsonAsync<JsonElement>($"/api/cases/{h.CaseId}/summary-sheets")).EnumerateArray().ToList();
        Assert.Equal(new[] { h.Mother, h.Uncle }.Order(), listed.Select(s => s.GetProperty("member").GetGuid()).Order());
    }

    [Fact]
    public async Task Member_OfAnotherCase_IsRefusedNamingMember_AndNothingIsSaved()
    {
        var h = await HouseholdAsync();
        var (other, _) = await CaseBuilder.OpenAsync(h.Api, h.Programme.Slug, date: "2025-01-10");
        var stranger = await MemberAsync(h.Api, other, CaseBuilder.Parent());

        var refused = await h.Api.PostAsJsonAsync($"/api/cases/{h.CaseId}/summary-sheets", Sheet(new() { ["member"] = stranger }));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Choose a member of this household.", problem.GetProperty("errors").GetProperty("member")[0].GetString());
        Assert.Empty((await h.Api.GetFromJsonAsync<JsonElement>($"/api/cases/{h.CaseId}/summary-sheets")).EnumerateArray());
    }

    [Fact]
    public async Task Member_ChosenOnTheForm_FillsTheProfileAgain_ThenIsSaved()
    {
        var h = await HouseholdAsync();
        using var browser = await app.SignedInBrowserAsync(h.Email);
        var form = await Html.GetAsync(browser, $"/Instruments/SummarySheet/{h.CaseId}");
        Assert.Equal(h.Mother.ToString(), ((IHtmlSelectElement)form.QuerySelector("select#member")!).Value);
        Assert.Equal(3, form.QuerySelectorAll("select#member option").Length);

        var switched = await Html.SubmitAsync(browser, form, "main form", Answers(new() { ["member"] = h.Uncle.ToString() }));

        Assert.Equal(HttpStatusCode.OK, switched.StatusCode);
        var again = await Html.ParseAsync(switched);
        Assert.Equal("SY", ((IHtmlInputElement)again.QuerySelector("#profile-Nationality")!).Value);
        Assert.Contains("Karim Haddad", again.QuerySelector("p.notice")!.TextContent);
        Assert.Equal(0, await app.WithDbAsync((db, _) => db.SummarySheets.CountAsync(s => s.CaseId == h.CaseId)));

        var saved = await Html.SubmitAsync(browser, again, "main form", Answers([]));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var sheet = await app.WithDbAsync((db, _) => db.SummarySheets.SingleAsync(s => s.CaseId == h.CaseId));
        Assert.Equal(h.Uncle, sheet.MemberId);
        Assert.Contains("\"SY\"", sheet.Profile);
    }

    [Fact]
    public async Task FinalQuestions_AreTwoFields_RoundTrip_AndAreHiddenFromEvaluators()
    {
        var h = await HouseholdAsync();
        var factors = "Eviction notice " + Guid.NewGuid().ToString("N");

        var created = await PostSheetAsync(h.Api, h.CaseId, new() { ["observations"] = "Calmer at the last visit", ["impactFactors"] = factors });
        var listed = (await h.Api.GetFromJsonAsync<JsonElement>($"/api/cases/{h.CaseId}/summary-sheets"))[0];
        var tooLong = await h.Api.PostAsJsonAsync($"/api/cases/{h.CaseId}/summary-sheets", Sheet(new() { ["impactFactors"] = new string('x', 4001) }));

        Assert.Equal("Calmer at the last visit", created.GetProperty("observations").GetString());
        Assert.Equal(factors, created.GetProperty("impactFactors").GetString());
        Assert.Equal("Calmer at the last visit", listed.GetProperty("observations").GetString());
        Assert.Equal(factors, listed.GetProperty("impactFactors").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("impactFactors", await tooLong.Content.ReadAsStringAsync());

        using var evaluator = await app.ApiClientAsync(await app.CreateUserAsync(Roles.Evaluator, h.Organisation, h.Programme));
        foreach (var url in new[] { $"/api/cases/{h.CaseId}/summary-sheets", $"/api/cases/{h.CaseId}", $"/api/cases/{h.CaseId}/timeline" })
        {
            using var seen = await evaluator.GetAsync(url);
            Assert.DoesNotContain(factors, await seen.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task FinalQuestions_OnTheForm_AreSavedApart()
    {
        var h = await HouseholdAsync();
        using var browser = await app.SignedInBrowserAsync(h.Email);
        var form = await Html.GetAsync(browser, $"/Instruments/SummarySheet/{h.CaseId}");

        var saved = await Html.SubmitAsync(browser, form, "main form", Answers(new() { ["observations"] = "Calmer", ["impactFactors"] = "The laissez-passer" }));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var sheet = await app.WithDbAsync((db, _) => db.SummarySheets.SingleAsync(s => s.CaseId == h.CaseId));
        Assert.Equal("Calmer", sheet.Observations);
        Assert.Equal("The laissez-passer", sheet.ImpactFactors);
    }

    /// <summary>The impact answers every saved form needs, with the test's own fields.</summary>
    private static Dictionary<string, string> Answers(Dictionary<string, string> extra)
    {
        var values = new Dictionary<string, string>
        {
            ["date"] = "2025-07-01",
            ["impact.engagement"] = "some",
            ["impact.risk"] = "considerable",
            ["impact.trust"] = "limited",
            ["group1.impact"] = "some",
            ["group2.impact"] = "none",
            ["group3.impact"] = "dont-know",
        };
        foreach (var (key, value) in extra)
        {
            values[key] = value;
        }
        return values;
    }
}

public sealed class SummarySheetTestsOnSqlite(SqliteApp app) : SummarySheetTests(app), IClassFixture<SqliteApp>;

public sealed class SummarySheetTestsOnPostgres(PostgresApp app) : SummarySheetTests(app), IClassFixture<PostgresApp>;
