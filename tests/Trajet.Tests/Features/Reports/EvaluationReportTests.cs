using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Trajet.Tests.Features.Cases;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.Organisations;

namespace Trajet.Tests.Features.Reports;

public abstract class EvaluationReportTests(TrajetApp app)
{
    private sealed record Setup(HttpClient Manager, HttpClient Coordinator, HttpClient Evaluator, Organisation Organisation, Programme Programme, List<Guid> Cases);

    /// <summary>Twelve families with the briefing note's sheets in 2022, each preceded by an older, different sheet.</summary>
    private async Task<Setup> TwelveFamiliesAsync()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var manager = await app.ApiClientAsync(await app.CreateUserAsync(Roles.CaseManager, organisation, programme));
        var coordinator = await app.ApiClientAsync(await app.CreateUserAsync(Roles.Coordinator, organisation, programme));
        var evaluator = await app.ApiClientAsync(await app.CreateUserAsync(Roles.Evaluator, organisation, programme));
        var cases = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            var (id, _) = await CaseBuilder.OpenAsync(manager, programme.Slug, date: "2021-03-01");
            cases.Add(id);
            // An earlier sheet with other answers: the report must count only the latest in the period.
            var older = await manager.PostAsJsonAsync($"/api/cases/{id}/summary-sheets", BriefingNote.Sheet(11 - i, "2022-01-15"));
            Assert.Equal(HttpStatusCode.Created, older.StatusCode);
            var latest = await manager.PostAsJsonAsync($"/api/cases/{id}/summary-sheets", BriefingNote.Sheet(i, "2022-06-30"));
            Assert.Equal(HttpStatusCode.Created, latest.StatusCode);
        }
        return new Setup(manager, coordinator, evaluator, organisation, programme, cases);
    }

    [Fact]
    public async Task Report_OnTheBriefingNotesTwelveFamilies_GivesItsPercentagesAndCounts()
    {
        var setup = await TwelveFamiliesAsync();

        var report = await setup.Coordinator.GetFromJsonAsync<JsonElement>($"/api/reports/evaluation?programme={setup.Programme.Slug}&from=2022-01-01&to=2022-12-31");

        Assert.Equal(setup.Programme.Slug, report.GetProperty("programme").GetString());
        Assert.Equal(12, report.GetProperty("sheets").GetInt32());
        var impact = report.GetProperty("impact").EnumerateArray().ToList();
        Assert.Equal(["engagement", "risk", "trust", "group1", "group2", "group3"], impact.Select(i => i.GetProperty("key").GetString()));
        Assert.Equal([75.0, 75.0, 41.7, 83.3, 33.3, 83.3], impact.Select(i => i.GetProperty("positivePercent").GetDouble()));
        Assert.Equal([0, 1, 2, 6, 3, 0], new[] { "negative", "none", "limited", "some", "considerable", "dont-know" }.Select(l => impact[0].GetProperty("counts").GetProperty(l).GetInt32()));
        var prompts = report.GetProperty("prompts").EnumerateArray().ToList();
        Assert.Equal(17, prompts.Count);
        foreach (var prompt in prompts)
        {
            var key = prompt.GetProperty("key").GetString()!;
            var counts = prompt.GetProperty("counts");
            foreach (var (answer, count) in BriefingNote.Prompts[key])
            {
                Assert.Equal(count, counts.GetProperty(answer ?? "no-answer").GetInt32());
            }
            Assert.Equal(12, counts.EnumerateObject().Sum(c => c.Value.GetInt32()));
        }
        var cooperates = prompts.Single(p => p.GetProperty("key").GetString() == "cooperatesWithConditions");
        Assert.Equal(2, cooperates.GetProperty("group").GetInt32());
        Assert.Equal(7, cooperates.GetProperty("counts").GetProperty("dont-know").GetInt32());
    }

    [Fact]
    public async Task Report_GivesEachAnswersPercentageOverAllSheets_OneDecimal()
    {
        var setup = await TwelveFamiliesAsync();

        var report = await setup.Coordinator.GetFromJsonAsync<JsonElement>($"/api/reports/evaluation?programme={setup.Programme.Slug}&from=2022-01-01&to=2022-12-31");

        string[] answers = ["yes", "no", "dont-know", "not-applicable", "no-answer"];
        var prompts = report.GetProperty("prompts").EnumerateArray().ToDictionary(p => p.GetProperty("key").GetString()!);
        double Percent(string key, string answer) => prompts[key].GetProperty("percent").GetProperty(answer).GetDouble();
        Assert.Equal([58.3, 25.0, 16.7, 0.0, 0.0], answers.Select(a => Percent("constructiveChoices", a)));
        Assert.Equal([8.3, 25.0, 58.3, 0.0, 8.3], answers.Select(a => Percent("cooperatesWithConditions", a)));
        Assert.Equal([100.0, 0.0, 0.0, 0.0, 0.0], answers.Select(a => Percent("moreInformation", a)));
        foreach (var (key, prompt) in prompts)
        {
            Assert.Equal(answers, prompt.GetProperty("percent").EnumerateObject().Select(p => p.Name));
            Assert.All(answers, a => Assert.Equal(
                Math.Round(prompt.GetProperty("counts").GetProperty(a).GetInt32() * 100.0 / 12, 1, MidpointRounding.AwayFromZero), Percent(key, a)));
        }
    }

    [Fact]
    public async Task Report_WithoutSheets_GivesNoPercentages()
    {
        var (coordinator, _, programme) = await app.NewUserClientAsync(Roles.Coordinator);

        var report = await coordinator.GetFromJsonAsync<JsonElement>($"/api/reports/evaluation?programme={programme.Slug}");

        Assert.Equal(0, report.GetProperty("sheets").GetInt32());
        var percents = report.GetProperty("prompts").EnumerateArray().Select(p => p.GetProperty("percent")).ToList();
        Assert.Equal(17, percents.Count);
        Assert.All(percents.SelectMany(p => p.EnumerateObject()), p => Assert.Equal(JsonValueKind.Null, p.Value.ValueKind));
        Assert.All(percents, p => Assert.Equal(5, p.EnumerateObject().Count()));
    }

    [Theory]
    [InlineData("fr", "7 (58,3 %)", "3 (25,0 %)", "16,7 %", "masqué")]
    [InlineData("en", "7 (58.3 %)", "3 (25.0 %)", "16.7 %", "hidden")]
    public async Task ReportPage_ShowsEachAnswersPercentage_AndHidesItWithItsCount(string culture, string yes, string no, string dontKnow, string hidden)
    {
        var setup = await TwelveFamiliesAsync();
        using var coordinator = await app.SignedInBrowserAsync(await app.CreateUserAsync(Roles.Coordinator, setup.Organisation, setup.Programme));
        using var evaluator = await app.SignedInBrowserAsync(await app.CreateUserAsync(Roles.Evaluator, setup.Organisation, setup.Programme));
        var url = $"/Reports/Evaluation?programme={setup.Programme.Slug}&from=2022-01-01&to=2022-12-31&culture={culture}";

        // The second row is "more constructive choices": 7 yes, 3 no, 2 don't know of 12.
        static List<string> Cells(AngleSharp.Dom.IDocument page) =>
            page.QuerySelectorAll("section[aria-labelledby='prompts'] tbody tr")[1].QuerySelectorAll("td").Skip(1).Select(td => td.TextContent.Trim()).ToList();
        var own = Cells(await Html.GetAsync(coordinator, url));
        var seen = Cells(await Html.GetAsync(evaluator, url));

        Assert.Equal([yes, no, "2 (" + dontKnow + ")"], own.Take(3));
        // 2 is under 3, and 3 is hidden with it: else 12 − 7 − 3 would give the 2 back.
        Assert.Equal([yes, hidden, hidden], seen.Take(3));
        Assert.Equal(own[3], seen[3]);
        Assert.StartsWith("0 (0", seen[3]);
    }

    [Fact]
    public async Task Exports_CarryEachAnswersPercentage_HiddenWithItsCount()
    {
        var setup = await TwelveFamiliesAsync();
        var query = $"programme={setup.Programme.Slug}&from=2022-01-01&to=2022-12-31";

        var coordinatorCsv = await setup.Coordinator.GetStringAsync($"/api/reports/evaluation.csv?{query}");
        var evaluatorCsv = await setup.Evaluator.GetStringAsync($"/api/reports/evaluation.csv?{query}");
        using var french = new HttpRequestMessage(HttpMethod.Get, $"/api/reports/evaluation.csv?{query}");
        french.Headers.AcceptLanguage.ParseAdd("fr-BE");
        using var frenchResponse = await setup.Coordinator.SendAsync(french);
        var frenchCsv = await frenchResponse.Content.ReadAsStringAsync();

        Assert.Contains("prompts,1,constructiveChoices,yes,7\r\nprompts,1,constructiveChoices,yes-percent,58.3\r\n", coordinatorCsv);
        Assert.Contains("prompts,1,constructiveChoices,dont-know,2\r\nprompts,1,constructiveChoices,dont-know-percent,16.7\r\n", coordinatorCsv);
        Assert.Contains("prompts,1,constructiveChoices,yes-percent,58.3\r\n", evaluatorCsv);
        Assert.Contains("prompts,1,constructiveChoices,dont-know,hidden\r\nprompts,1,constructiveChoices,dont-know-percent,hidden\r\n", evaluatorCsv);
        Assert.Contains("prompts,1,constructiveChoices,no,hidden\r\nprompts,1,constructiveChoices,no-percent,hidden\r\n", evaluatorCsv);
        Assert.DoesNotContain("16.7", evaluatorCsv);
        Assert.Contains(";Oui;7\r\n", frenchCsv);
        Assert.Contains(";Oui (%);58,3\r\n", frenchCsv);

        static List<List<DocumentFormat.OpenXml.Spreadsheet.Cell>> Prompts(byte[] file)
        {
            using var document = SpreadsheetDocument.Open(new MemoryStream(file), false);
            var workbook = document.WorkbookPart!;
            var sheet = workbook.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single(s => s.Name!.Value == "Prompts");
            return ((WorksheetPart)workbook.GetPartById(sheet.Id!.Value!)).Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>()
                .Select(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => (DocumentFormat.OpenXml.Spreadsheet.Cell)c.CloneNode(true)).ToList()).ToList();
        }
        static string Text(DocumentFormat.OpenXml.Spreadsheet.Cell c) => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "";
        var own = Prompts(await setup.Coordinator.GetByteArrayAsync($"/api/reports/evaluation.xlsx?{query}"));
        var seen = Prompts(await setup.Evaluator.GetByteArrayAsync($"/api/reports/evaluation.xlsx?{query}"));

        Assert.Equal(["group", "question", "yes", "no", "dont-know", "not-applicable", "no-answer",
            "yes-percent", "no-percent", "dont-know-percent", "not-applicable-percent", "no-answer-percent"], own[0].Select(Text));
        Assert.Equal(["1", "constructiveChoices", "7", "3", "2", "0", "0", "58.3", "25", "16.7", "0", "0"], own[2].Select(Text));
        Assert.Equal(["1", "constructiveChoices", "7", "hidden", "hidden", "0", "0", "58.3", "hidden", "hidden", "0", "0"], seen[2].Select(Text));
        Assert.All(own[2].Skip(7), c => Assert.Equal(DocumentFormat.OpenXml.Spreadsheet.CellValues.Number, c.DataType!.Value));
    }

    [Fact]
    public async Task Report_LeavesOutFamiliesWhoWithdrewTheirConsentToTheEvaluation()
    {
        var setup = await TwelveFamiliesAsync();
        var given = await setup.Manager.PostAsJsonAsync($"/api/cases/{setup.Cases[0]}/consents",
            new { purpose = "evaluation", givenOn = "2021-03-01", explainedHow = "Information sheet", language = "fr" });
        var consentId = (await given.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var url = $"/api/reports/evaluation?programme={setup.Programme.Slug}&from=2022-01-01&to=2022-12-31";
        Assert.Equal(12, (await setup.Coordinator.GetFromJsonAsync<JsonElement>(url)).GetProperty("sheets").GetInt32());

        var withdrawn = await setup.Manager.PostAsJsonAsync($"/api/cases/{setup.Cases[0]}/consents/{consentId}/withdraw", new { note = "Does not want to be counted" });

        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal(11, (await setup.Coordinator.GetFromJsonAsync<JsonElement>(url)).GetProperty("sheets").GetInt32());
    }

    [Fact]
    public async Task Report_CountsTheLatestSheetWithinThePeriod_NotLaterOnes()
    {
        var setup = await TwelveFamiliesAsync();
        // A 2023 sheet, outside the period, saying the opposite of sheet 0.
        await setup.Manager.PostAsJsonAsync($"/api/cases/{setup.Cases[0]}/summary-sheets", BriefingNote.Sheet(11, "2023-02-01")).Succeeded();

        var in2022 = await setup.Coordinator.GetFromJsonAsync<JsonElement>($"/api/reports/evaluation?programme={setup.Programme.Slug}&from=2022-01-01&to=2022-12-31");
        var firstHalf = await setup.Coordinator.GetFromJsonAsync<JsonElement>($"/api/reports/evaluation?programme={setup.Programme.Slug}&from=2022-01-01&to=2022-03-31");
        var all = await setup.Coordinator.GetFromJsonAsync<JsonElement>($"/api/reports/evaluation?programme={setup.Programme.Slug}");

        Assert.Equal(75.0, in2022.GetProperty("impact")[0].GetProperty("positivePercent").GetDouble());
        // January sheets are sheet 11−i: the same distribution, so the same counts, from other sheets.
        Assert.Equal(12, firstHalf.GetProperty("sheets").GetInt32());
        Assert.Equal(12, all.GetProperty("sheets").GetInt32());
        Assert.Equal("dont-know", BriefingNote.Nth(BriefingNote.Impact["risk"], 11));
        var riskAll = all.GetProperty("impact")[1].GetProperty("counts");
        var risk2022 = in2022.GetProperty("impact")[1].GetProperty("counts");
        Assert.Equal(2, risk2022.GetProperty("dont-know").GetInt32());
        Assert.Equal(riskAll.GetProperty("none").GetInt32(), risk2022.GetProperty("none").GetInt32() - 1);
    }

    [Fact]
    public async Task Report_OverAllTime_CountsTheLatestByDate_EvenWhenAnEarlierSheetIsRecordedLater()
    {
        var setup = await TwelveFamiliesAsync();
        var url = $"/api/reports/evaluation?programme={setup.Programme.Slug}";
        var before = (await setup.Coordinator.GetFromJsonAsync<JsonElement>(url)).GetRawText();

        // Recorded last, dated first, answering otherwise: not the latest sheet of its case.
        var late = await setup.Manager.PostAsJsonAsync($"/api/cases/{setup.Cases[0]}/summary-sheets", BriefingNote.Sheet(11, "2021-12-01"));
        Assert.Equal(HttpStatusCode.Created, late.StatusCode);

        Assert.Equal(before, (await setup.Coordinator.GetFromJsonAsync<JsonElement>(url)).GetRawText());
        var marked = await app.WithDbAsync((db, _) => db.Set<Trajet.Web.Features.Instruments.SummarySheet>()
            .Where(s => setup.Cases.Contains(s.CaseId) && s.IsLatest).Select(s => new { s.CaseId, s.Date }).ToListAsync());
        Assert.Equal(12, marked.Count);
        Assert.All(marked, m => Assert.Equal(new DateOnly(2022, 6, 30), m.Date));
    }

    [Fact]
    public async Task Cohort_PutsPeopleInAgeAndArrivalBands_OnTheLastDayOfThePeriod()
    {
        using var team = await ProgrammeTeam.CreateAsync(app);
        var (id, _) = await CaseBuilder.OpenAsync(team.Manager, team.Programme.Slug, date: "2026-01-10");
        object Person(string role, string? birthDate, int? estimatedAge, string nationality, int? arrivalYear = null, bool? legalStay = null) => new
        {
            role,
            firstName = "Ana",
            lastName = "Test",
            gender = "female",
            birthDate,
            estimatedAge,
            nationality,
            languages = new[] { "ro" },
            arrivalYear,
            everHadLegalStay = legalStay,
        };
        foreach (var person in new[]
        {
            Person("parent", "2006-06-30", null, "AM", arrivalYear: 2021, legalStay: true), // 20 on 30 June; arrived 5 years before
            Person("parent", "2006-07-01", null, "AM", arrivalYear: 2022),                  // 19 the day before the birthday; 4 years
            Person("other", null, 61, "SY"),                                           // estimated; arrival unknown
            Person("child", "2020-06-30", null, "AM"),                                       // 6
            Person("child", null, 17, "SY"),                                                  // estimated 17
        })
        {
            var added = await CaseBuilder.AddMemberAsync(team.Manager, id, person);
            Assert.True(added.StatusCode == HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        }
        await team.AdmitAsync(id);

        var cohort = (await team.Coordinator.GetFromJsonAsync<JsonElement>($"/api/reports/evaluation?programme={team.Programme.Slug}&from=2026-01-01&to=2026-06-30"))
            .GetProperty("cohort");

        string Bands(string name) => string.Join(" ", cohort.GetProperty(name).EnumerateArray()
            .Where(b => b.GetProperty("count").GetInt32() > 0).Select(b => $"{b.GetProperty("key").GetString()}={b.GetProperty("count").GetInt32()}"));
        Assert.Equal(3, cohort.GetProperty("adults").GetInt32());
        Assert.Equal(2, cohort.GetProperty("children").GetInt32());
        Assert.Equal("under-20=1 20-29=1 60-plus=1", Bands("adultAges"));
        Assert.Equal("6-11=1 12-17=1", Bands("childAges"));
        Assert.Equal("under-5=1 5-9=1 unknown=1", Bands("yearsInCountry"));
        Assert.Equal("AM=3 SY=2", Bands("nationalities"));
        Assert.Equal(1, cohort.GetProperty("everHadLegalStay").GetInt32());
        Assert.Equal(1, cohort.GetProperty("families").GetInt32());
    }

    [Fact]
    public async Task Report_ForCaseManager_IsForbiddenAndForOtherOrganisation_NotFound()
    {
        var setup = await TwelveFamiliesAsync();
        var (stranger, _, _) = await app.NewUserClientAsync(Roles.Coordinator);

        Assert.Equal(HttpStatusCode.Forbidden, (await setup.Manager.GetAsync($"/api/reports/evaluation?programme={setup.Programme.Slug}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/reports/evaluation?programme={setup.Programme.Slug}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await setup.Evaluator.GetAsync($"/api/reports/evaluation?programme={setup.Programme.Slug}")).StatusCode);
    }

    [Fact]
    public async Task Exports_OpenAsSpreadsheets_AndHideSmallCellsFromTheEvaluator()
    {
        var setup = await TwelveFamiliesAsync();
        var query = $"programme={setup.Programme.Slug}&from=2022-01-01&to=2022-12-31";

        var coordinatorCsv = await setup.Coordinator.GetStringAsync($"/api/reports/evaluation.csv?{query}");
        var evaluatorCsv = await setup.Evaluator.GetStringAsync($"/api/reports/evaluation.csv?{query}");
        var xlsx = await setup.Evaluator.GetByteArrayAsync($"/api/reports/evaluation.xlsx?{query}");

        Assert.StartsWith("table,group,question,answer,count", coordinatorCsv.TrimStart('\uFEFF'));
        Assert.Contains("impact,,engagement,some,6", coordinatorCsv);
        Assert.Contains("impact,,engagement,none,1", coordinatorCsv);
        Assert.Contains("impact,,engagement,some,6", evaluatorCsv);
        Assert.Contains("impact,,engagement,none,hidden", evaluatorCsv);
        Assert.Contains("impact,,engagement,limited,hidden", evaluatorCsv);
        Assert.Contains("impact,,engagement,negative,0", evaluatorCsv);
        Assert.DoesNotContain("Sheet", evaluatorCsv);

        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var names = document.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(["Impact", "Prompts", "Cohort", "Baseline"], names);
        var impactSheet = (WorksheetPart)document.WorkbookPart.GetPartById(document.WorkbookPart.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().First().Id!);
        var text = impactSheet.Worksheet.InnerText;
        Assert.Contains("engagement", text);
        Assert.Contains("hidden", text);
    }

    [Theory]
    [InlineData("impact.engagement", """{"date":"2022-06-30","impact":{"engagement":"huge","risk":"some","trust":"some"},"group1":{"impact":"some"},"group2":{"impact":"some"},"group3":{"impact":"some"}}""")]
    [InlineData("group2.prompts.cooperatesWithConditions", """{"date":"2022-06-30","impact":{"engagement":"some","risk":"some","trust":"some"},"group1":{"impact":"some"},"group2":{"impact":"some","prompts":{"cooperatesWithConditions":"maybe"}},"group3":{"impact":"some"}}""")]
    [InlineData("group1.prompts.feelsBetter", """{"date":"2022-06-30","impact":{"engagement":"some","risk":"some","trust":"some"},"group1":{"impact":"some","prompts":{"feelsBetter":"yes"}},"group2":{"impact":"some"},"group3":{"impact":"some"}}""")]
    [InlineData("group3.impact", """{"date":"2022-06-30","impact":{"engagement":"some","risk":"some","trust":"some"},"group1":{"impact":"some"},"group2":{"impact":"some"},"group3":{"impact":"positive"}}""")]
    [InlineData("date", """{"date":"2020-01-01","impact":{"engagement":"some","risk":"some","trust":"some"},"group1":{"impact":"some"},"group2":{"impact":"some"},"group3":{"impact":"some"}}""")]
    [InlineData("date", """{"date":"2099-01-01","impact":{"engagement":"some","risk":"some","trust":"some"},"group1":{"impact":"some"},"group2":{"impact":"some"},"group3":{"impact":"some"}}""")]
    public async Task SummarySheet_WithValueOutsideTheScale_Returns400NamingTheField(string field, string json)
    {
        var (client, _, programme) = await app.NewUserClientAsync(Roles.CaseManager);
        var (id, _) = await CaseBuilder.OpenAsync(client, programme.Slug, date: "2021-03-01");

        var response = await client.PostAsync($"/api/cases/{id}/summary-sheets", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/summary-sheets")).EnumerateArray());
    }

    [Fact]
    public async Task SummarySheet_PrefillsTheProfileFromTheCaseFile()
    {
        var (client, _, programme) = await app.NewUserClientAsync(Roles.CaseManager);
        var (id, _) = await CaseBuilder.OpenAsync(client, programme.Slug, date: "2021-03-01");
        await CaseBuilder.AddMemberAsync(client, id, new { role = "parent", firstName = "Ruslan", lastName = "Dudaev", gender = "male", birthDate = "1980-05-01", nationality = "RU", vulnerabilities = new[] { "torture-survivor" }, arrivalYear = 2012 });

        var response = await client.PostAsJsonAsync($"/api/cases/{id}/summary-sheets", BriefingNote.Sheet(0, "2022-06-30"));

        var profile = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("profile");
        Assert.Equal("male", profile.GetProperty("gender").GetString());
        Assert.Equal("RU", profile.GetProperty("nationality").GetString());
        Assert.Equal("torture-survivor", profile.GetProperty("vulnerabilities").GetString());
        Assert.Equal("community", profile.GetProperty("entryRoute").GetString());
    }

    [Fact]
    public async Task SummarySheet_OnOtherOrganisationsCase_Returns404()
    {
        var (owner, _, programme) = await app.NewUserClientAsync(Roles.CaseManager);
        var (id, _) = await CaseBuilder.OpenAsync(owner, programme.Slug, date: "2021-03-01");
        var (stranger, _, _) = await app.NewUserClientAsync(Roles.CaseManager);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/cases/{id}/summary-sheets", BriefingNote.Sheet(0, "2022-06-30"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/cases/{id}/summary-sheets")).StatusCode);
    }
}

public sealed class EvaluationReportTestsOnSqlite(SqliteApp app) : EvaluationReportTests(app), IClassFixture<SqliteApp>;

public sealed class EvaluationReportTestsOnPostgres(PostgresApp app) : EvaluationReportTests(app), IClassFixture<PostgresApp>;
