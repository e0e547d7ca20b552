using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Trajet.Tests.Features.Cases;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Features.Accounts;

namespace Trajet.Tests.Features.Reports;

/// <summary>
/// The briefing note's pilot as a programme enters its past through the API: 24 referrals, 14 admitted families, the 12
/// analysed ones with their summary sheets, 23 adults and 42 children (4 over 18), 74 home visits.
/// </summary>
public abstract class EvaluationCohortTests(TrajetApp app)
{
    private const string Period = "from=2021-01-01&to=2022-06-30";

    private sealed record Pilot(ProgrammeTeam Team, HttpClient Evaluator, List<Guid> Analysed);

    // Per analysed family: adults, children, earliest arrival (years before mid-2022), asylum asked by how many adults,
    // legal stay once, nationality.
    private static readonly (int Adults, int Children, int Years, int Asylum, bool LegalStay, string Nationality)[] Families =
    [
        (2, 5, 1, 2, false, "IQ"), (2, 4, 12, 2, true, "NP"), (2, 4, 14, 2, true, "MA"), (2, 4, 18, 1, true, "SO"),
        (2, 3, 6, 1, false, "RW"), (2, 3, 7, 1, false, "CD"), (2, 3, 8, 1, false, "PK"), (2, 3, 9, 1, false, "LR"),
        (2, 3, 10, 1, false, "XK"), (2, 3, 3, 0, false, "AL"), (2, 3, 4, 0, false, "AL"), (1, 4, 5, 0, false, "stateless"),
    ];

    private static object Member(string role, string birthDate, string nationality, int? arrivalYear = null, bool asylum = false, bool legalStay = false) => new
    {
        role,
        firstName = "Pilot",
        lastName = "Family",
        gender = "unknown",
        birthDate,
        nationality,
        languages = new[] { "fr" },
        arrivalYear,
        askedAsylumOnArrival = asylum,
        everHadLegalStay = legalStay,
    };

    private static object Baseline(string date, int risk, int autonomy) => new
    {
        date,
        scores = Enumerable.Range(1, 14).Select(item => new { item, score = item switch { 1 => risk, 2 => autonomy, _ => 5 } }),
    };

    private async Task<Pilot> PilotAsync()
    {
        var team = await ProgrammeTeam.CreateAsync(app);
        var evaluator = await app.ApiClientAsync(await app.CreateUserAsync(Roles.Evaluator, team.Organisation, team.Programme));
        var (manager, slug) = (team.Manager, team.Programme.Slug);
        // Children born so that on 30 June 2022 four are over 18, 14 are 0–5, 14 are 6–11 and 10 are 12–17.
        var child = 0;
        string ChildBorn() => child++ switch { < 4 => "2002-01-15", < 18 => "2019-01-15", < 32 => "2013-01-15", _ => "2008-01-15" };
        var adult = 0;
        string AdultBorn() => adult++ switch { < 8 => "1995-01-15", < 16 => "1986-01-15", < 20 => "1977-01-15", _ => "1968-01-15" };
        var analysed = new List<Guid>();
        for (var f = 0; f < Families.Length; f++)
        {
            var family = Families[f];
            var (id, _) = await CaseBuilder.OpenAsync(manager, slug, date: "2021-02-01");
            for (var a = 0; a < family.Adults; a++)
            {
                // The family's years run from its earliest arrival: the second adult came a year later.
                var member = Member("parent", AdultBorn(), family.Nationality, 2022 - family.Years + a, asylum: a < family.Asylum, legalStay: family.LegalStay && a == 0);
                await CaseBuilder.AddMemberAsync(manager, id, member).Succeeded();
            }
            for (var c = 0; c < family.Children; c++)
            {
                await CaseBuilder.AddMemberAsync(manager, id, Member("child", ChildBorn(), family.Nationality)).Succeeded();
            }
            await team.AdmitAsync(id, "2021-02-15", "2021-03-01");
            // 74 home visits: six per family, seven for the first two; a phone call that is not one.
            for (var v = 0; v < (f < 2 ? 7 : 6); v++)
            {
                await manager.PostAsJsonAsync($"/api/cases/{id}/interactions", new { type = "home-visit", date = $"2021-{4 + v:00}-10" }).Succeeded();
            }
            await manager.PostAsJsonAsync($"/api/cases/{id}/interactions", new { type = "phone-call", date = "2022-01-10" }).Succeeded();
            await manager.PostAsJsonAsync($"/api/cases/{id}/summary-sheets", BriefingNote.Sheet(f, "2022-06-30")).Succeeded();
            analysed.Add(id);
        }
        // Two more families supported, without a sheet; ten referrals not admitted.
        for (var f = 0; f < 2; f++)
        {
            var (id, _) = await CaseBuilder.OpenAsync(manager, slug, date: "2021-05-01");
            await CaseBuilder.AddMemberAsync(manager, id, Member("parent", "1980-01-15", "GN", 2015)).Succeeded();
            await CaseBuilder.AddMemberAsync(manager, id, Member("child", "2015-01-15", "GN")).Succeeded();
            await team.AdmitAsync(id, "2021-05-10", "2021-05-15");
        }
        for (var r = 0; r < 10; r++)
        {
            await CaseBuilder.OpenAsync(manager, slug, date: "2021-06-01");
        }
        // Baseline sheets: risk of leaving (lower is better) and autonomy, first at intake, latest before the period ends.
        foreach (var (f, risk, autonomy) in new[] { (0, (5, 3), (3, 6)), (1, (5, 5), (3, 6)), (2, (5, 7), (6, 3)) })
        {
            await manager.PostAsJsonAsync($"/api/cases/{analysed[f]}/baseline-sheets", Baseline("2021-03-15", risk.Item1, autonomy.Item1)).Succeeded();
            await manager.PostAsJsonAsync($"/api/cases/{analysed[f]}/baseline-sheets", Baseline("2022-06-15", risk.Item2, autonomy.Item2)).Succeeded();
        }
        // After the period: not counted.
        await manager.PostAsJsonAsync($"/api/cases/{analysed[0]}/baseline-sheets", Baseline("2022-09-01", 10, 0)).Succeeded();
        return new Pilot(team, evaluator, analysed);
    }

    private static string Bands(JsonElement cohort, string name) => string.Join(" ", cohort.GetProperty(name).EnumerateArray()
        .Where(b => b.GetProperty("count").GetInt32() > 0).Select(b => $"{b.GetProperty("key").GetString()}={b.GetProperty("count").GetInt32()}"));

    [Fact]
    public async Task TheNotesCohort_WithSheets_ReadsAsTheNote()
    {
        var pilot = await PilotAsync();
        var slug = pilot.Team.Programme.Slug;

        var report = await pilot.Team.Coordinator.GetFromJsonAsync<JsonElement>($"/api/reports/evaluation?programme={slug}&{Period}&cohort=with-sheet");

        Assert.Equal(12, report.GetProperty("sheets").GetInt32());
        Assert.Equal([75.0, 75.0, 41.7, 83.3, 33.3, 83.3], report.GetProperty("impact").EnumerateArray().Select(i => i.GetProperty("positivePercent").GetDouble()));
        foreach (var prompt in report.GetProperty("prompts").EnumerateArray())
        {
            foreach (var (answer, count) in BriefingNote.Prompts[prompt.GetProperty("key").GetString()!])
            {
                Assert.Equal(count, prompt.GetProperty("counts").GetProperty(answer ?? "no-answer").GetInt32());
                Assert.Equal(Math.Round(count * 100.0 / 12, 1, MidpointRounding.AwayFromZero), prompt.GetProperty("percent").GetProperty(answer ?? "no-answer").GetDouble());
            }
        }
        var cohort = report.GetProperty("cohort");
        Assert.Equal("with-sheet", cohort.GetProperty("basis").GetString());
        Assert.Equal((12, 23, 42), (cohort.GetProperty("families").GetInt32(), cohort.GetProperty("adults").GetInt32(), cohort.GetProperty("children").GetInt32()));
        Assert.Equal("0-5=14 6-11=14 12-17=10 18-plus=4", Bands(cohort, "childAges"));
        Assert.Equal("20-29=8 30-39=8 40-49=4 50-59=3", Bands(cohort, "adultAges"));
        var perFamily = cohort.GetProperty("perFamily");
        Assert.Equal(8, perFamily.GetProperty("inCountryMoreThan5Years").GetInt32());
        Assert.Equal(9, perFamily.GetProperty("askedAsylumOnArrival").GetInt32());
        Assert.Equal(3, perFamily.GetProperty("everHadLegalStay").GetInt32());
        Assert.Equal((1, 18), (perFamily.GetProperty("minYearsInCountry").GetInt32(), perFamily.GetProperty("maxYearsInCountry").GetInt32()));
        Assert.Equal(12, cohort.GetProperty("askedAsylumOnArrival").GetInt32()); // adults, not families
        Assert.Equal(74, cohort.GetProperty("homeVisits").GetInt32());
        Assert.Equal((24, 14), (cohort.GetProperty("referred").GetInt32(), cohort.GetProperty("admitted").GetInt32()));

        var supported = (await pilot.Team.Coordinator.GetFromJsonAsync<JsonElement>($"/api/reports/evaluation?programme={slug}&{Period}")).GetProperty("cohort");
        Assert.Equal("supported", supported.GetProperty("basis").GetString());
        Assert.Equal((14, 25, 44), (supported.GetProperty("families").GetInt32(), supported.GetProperty("adults").GetInt32(), supported.GetProperty("children").GetInt32()));
    }

    [Fact]
    public async Task BaselineSheets_OverTheCohort_CountFamiliesThatImprovedStayedOrWorsened()
    {
        var pilot = await PilotAsync();

        var report = await pilot.Team.Coordinator.GetFromJsonAsync<JsonElement>($"/api/reports/evaluation?programme={pilot.Team.Programme.Slug}&{Period}");

        string Row(int item)
        {
            var row = report.GetProperty("baseline").EnumerateArray().Single(r => r.GetProperty("item").GetInt32() == item);
            return string.Join(" ", new[] { "families", "improved", "stayed", "worsened" }.Select(k => row.GetProperty(k).GetInt32()));
        }
        Assert.Equal("3 1 1 1", Row(1));  // risk of leaving: 5 → 3 is better, 5 → 7 worse
        Assert.Equal("3 2 0 1", Row(2));  // autonomy: higher is better
        Assert.Equal("3 0 3 0", Row(14));
        Assert.Equal(14, report.GetProperty("baseline").GetArrayLength());

        var csv = await pilot.Team.Coordinator.GetStringAsync($"/api/reports/evaluation.csv?programme={pilot.Team.Programme.Slug}&{Period}");
        Assert.Contains("baseline,1,risk-of-leaving,improved,1\r\n", csv);
        using var page = await app.SignedInBrowserAsync(await app.CreateUserAsync(Roles.Coordinator, pilot.Team.Organisation, pilot.Team.Programme));
        var html = await Html.GetAsync(page, $"/Reports/Evaluation?programme={pilot.Team.Programme.Slug}&{Period}&cohort=with-sheet");
        var row = html.QuerySelectorAll("section[aria-labelledby='baseline'] tbody tr")[1];
        Assert.Equal(["3", "2", "0", "1"], row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        Assert.Equal("with-sheet", html.QuerySelector("#cohort option[selected]")!.GetAttribute("value"));
    }

    [Theory]
    [InlineData("supported")]
    [InlineData("with-sheet")]
    public async Task ForAnEvaluator_NoHiddenCountCanBeWorkedOut_InTheJsonCsvOrXlsx(string basis)
    {
        var pilot = await PilotAsync();
        var query = $"programme={pilot.Team.Programme.Slug}&{Period}&cohort={basis}";

        var own = PublishedReport.FromJson(await pilot.Team.Coordinator.GetFromJsonAsync<JsonElement>($"/api/reports/evaluation?{query}"));
        var json = PublishedReport.FromJson(await pilot.Evaluator.GetFromJsonAsync<JsonElement>($"/api/reports/evaluation?{query}"));
        var csv = PublishedReport.FromCsv(await pilot.Evaluator.GetStringAsync($"/api/reports/evaluation.csv?{query}"));
        var xlsx = PublishedReport.FromXlsx(await pilot.Evaluator.GetByteArrayAsync($"/api/reports/evaluation.xlsx?{query}"));

        Assert.Equal(0, own.Hidden);
        Assert.Contains(own.Cells, c => c.Value is 1 or 2); // there are small counts to hide
        foreach (var seen in new[] { json, csv, xlsx })
        {
            Assert.All(own.Cells.Where(c => c.Value is 1 or 2 && seen.Cells.ContainsKey(c.Key)), c => Assert.Null(seen.Cells[c.Key]));
            Assert.All(seen.Cells.Where(c => c.Value is not null), c => Assert.Equal(own.Cells[c.Key], c.Value));
            Assert.Empty(seen.Recoverable(hiddenAtLeast: 0));
            Assert.Empty(seen.Recoverable(hiddenAtLeast: 1)); // zeros are shown: a hidden count is at least 1
        }
    }

    [Fact]
    public async Task AReopenedCase_AndALinkedReReferral_CountOnce_OverAllTheirPeriods()
    {
        using var team = await ProgrammeTeam.CreateAsync(app);
        var (manager, slug) = (team.Manager, team.Programme.Slug);
        async Task<Guid> FamilyAsync(string referred, string admitted, object? previousCase = null)
        {
            var created = await manager.PostAsJsonAsync("/api/cases", new
            {
                programme = slug,
                kind = "family",
                referral = new { source = "community", referredBy = "School", date = referred },
                previousCase,
            }).Succeeded();
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            await CaseBuilder.AddMemberAsync(manager, id, Member("parent", "1985-01-15", "AM", 2015)).Succeeded();
            await CaseBuilder.AddMemberAsync(manager, id, Member("child", "2012-01-15", "AM")).Succeeded();
            await team.AdmitAsync(id, referred, admitted);
            await manager.PostAsJsonAsync($"/api/cases/{id}/status", new { to = "active", date = admitted }).Succeeded();
            await manager.PostAsJsonAsync($"/api/cases/{id}/interactions", new { type = "home-visit", date = admitted }).Succeeded();
            return id;
        }
        Task CloseAsync(Guid id, string date) => manager.PostAsJsonAsync($"/api/cases/{id}/status",
            new { to = "closed", date, reason = "Moved away", outcome = "disengaged", durableSolution = "none" }).Succeeded();

        // Family A: supported from March to June 2021, then again from January 2022 in the same case.
        var a = await FamilyAsync("2021-02-01", "2021-03-01");
        await CloseAsync(a, "2021-06-01");
        await team.Coordinator.PostAsJsonAsync($"/api/cases/{a}/status", new { to = "active", date = "2022-01-01", reason = "The family came back" }).Succeeded();
        await manager.PostAsJsonAsync($"/api/cases/{a}/summary-sheets", BriefingNote.Sheet(0, "2022-06-01")).Succeeded();
        // Family B: a first case closed in September 2021, then a new referral that names it, each with a sheet.
        var b1 = await FamilyAsync("2021-02-01", "2021-03-01");
        await manager.PostAsJsonAsync($"/api/cases/{b1}/summary-sheets", BriefingNote.Sheet(1, "2021-08-01")).Succeeded();
        await CloseAsync(b1, "2021-09-01");
        var b2 = await FamilyAsync("2022-01-10", "2022-02-01", previousCase: b1);
        await manager.PostAsJsonAsync($"/api/cases/{b2}/summary-sheets", BriefingNote.Sheet(2, "2022-06-30")).Succeeded();

        var report = await team.Coordinator.GetFromJsonAsync<JsonElement>($"/api/reports/evaluation?programme={slug}&{Period}");

        var cohort = report.GetProperty("cohort");
        Assert.Equal(2, report.GetProperty("sheets").GetInt32()); // one latest sheet per family: B's is on its second case
        Assert.Equal((2, 2, 2), (cohort.GetProperty("families").GetInt32(), cohort.GetProperty("adults").GetInt32(), cohort.GetProperty("children").GetInt32()));
        Assert.Equal(3, cohort.GetProperty("homeVisits").GetInt32()); // every case's visits, B's first case too
        Assert.Equal(2, report.GetProperty("funders").GetProperty("handled").GetInt32());
        // A: 92 + 180 days, not the 486 from its first admission; B: 184 + 149 days over its two cases.
        Assert.Equal((9.9, 10.9), (cohort.GetProperty("averageMonthsSupported").GetDouble(), cohort.GetProperty("longestMonthsSupported").GetDouble()));
        // From 2022 B's first case is no longer supported, but its months are still the family's.
        var lately = (await team.Coordinator.GetFromJsonAsync<JsonElement>($"/api/reports/evaluation?programme={slug}&from=2022-01-01&to=2022-06-30")).GetProperty("cohort");
        Assert.Equal((2, 9.9, 10.9), (lately.GetProperty("families").GetInt32(), lately.GetProperty("averageMonthsSupported").GetDouble(), lately.GetProperty("longestMonthsSupported").GetDouble()));
        var withSheet = (await team.Coordinator.GetFromJsonAsync<JsonElement>($"/api/reports/evaluation?programme={slug}&{Period}&cohort=with-sheet")).GetProperty("cohort");
        Assert.Equal(2, withSheet.GetProperty("families").GetInt32());

        var history = (await team.Coordinator.GetFromJsonAsync<JsonElement>($"/api/cases/{a}")).GetProperty("history").EnumerateArray();
        Assert.Contains(history, h => h.GetProperty("reopening").GetBoolean() && h.GetProperty("reason").GetString() == "The family came back");
        var first = await team.Coordinator.GetFromJsonAsync<JsonElement>($"/api/cases/{b1}");
        Assert.Equal(b2, first.GetProperty("nextCases")[0].GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task AnUnknownBasis_Is400NamingTheCohort()
    {
        using var team = await ProgrammeTeam.CreateAsync(app);

        var response = await team.Coordinator.GetAsync($"/api/reports/evaluation?programme={team.Programme.Slug}&cohort=everyone");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("cohort", out _), problem.ToString());
    }
}

public sealed class EvaluationCohortTestsOnSqlite(SqliteApp app) : EvaluationCohortTests(app), IClassFixture<SqliteApp>;

public sealed class EvaluationCohortTestsOnPostgres(PostgresApp app) : EvaluationCohortTests(app), IClassFixture<PostgresApp>;
