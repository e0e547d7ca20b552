using System.Net.Http.Json;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Trajet.Tests.Features.Cases;
using Trajet.Tests.Features.Outreach;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Features.Accounts;

namespace Trajet.Tests.Features.Reports;

/// <summary>
/// Every CSV and XLSX export in the reader's language: headers and codes as the pages word them, and the CSV separator
/// (with a UTF-8 BOM) that the reader's spreadsheet expects; a client naming no language keeps the API's codes.
/// </summary>
public sealed class ExportLanguageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private async Task<(HttpClient Coordinator, string Slug)> ProgrammeWithASheetAsync()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var worker = await app.ApiClientAsync(await app.CreateUserAsync(Roles.CaseManager, organisation, programme));
        var (id, _) = await CaseBuilder.OpenAsync(worker, programme.Slug, date: "2025-01-10");
        await worker.PostAsJsonAsync($"/api/cases/{id}/summary-sheets", BriefingNote.Sheet(0, "2025-06-30")).Succeeded();
        return (await app.ApiClientAsync(await app.CreateUserAsync(Roles.Coordinator, organisation, programme)), programme.Slug);
    }

    private static async Task<byte[]> GetAsync(HttpClient client, string url, string? language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>The text of a CSV after its BOM, which every export starts with.</summary>
    private static string Csv(byte[] file)
    {
        Assert.Equal(Encoding.UTF8.GetPreamble(), file[..3]);
        return Encoding.UTF8.GetString(file[3..]);
    }

    /// <summary>Each sheet's name and the text of its cells, row by row.</summary>
    private static List<(string Name, List<List<string>> Rows)> Workbook(byte[] file)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(file), false);
        var workbook = document.WorkbookPart!;
        return workbook.Workbook.Sheets!.Elements<Sheet>().Select(s => (s.Name!.Value!,
            ((WorksheetPart)workbook.GetPartById(s.Id!.Value!)).Worksheet.Descendants<Row>()
                .Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToList()).ToList())).ToList();
    }

    [Theory]
    [InlineData("fr-BE", "tableau;groupe;question;réponse;nombre\r\n", ";Groupe 1 : prise de décision éclairée;Ne sait pas / ne peut pas dire;")]
    [InlineData("nl-BE", "tabel;groep;vraag;antwoord;aantal\r\n", ";Groep 1: geïnformeerde besluitvorming;Weet niet / kan niet zeggen;")]
    [InlineData("en-GB", "table,group,question,answer,count\r\n", ",Group 1: informed decision-making,Don't know / can't say,")]
    public async Task EvaluationCsv_IsInTheReadersLanguage(string language, string header, string row)
    {
        var (coordinator, slug) = await ProgrammeWithASheetAsync();

        var csv = Csv(await GetAsync(coordinator, $"/api/reports/evaluation.csv?programme={slug}", language));

        Assert.StartsWith(header, csv);
        Assert.Contains(row, csv);
        Assert.DoesNotContain("dont-know", csv);
        Assert.DoesNotContain("group1", csv);
    }

    [Theory]
    [InlineData("fr-BE", "Questions incitatives", "Cohorte", "Ne sait pas / ne peut pas dire", "Groupe 1 : prise de décision éclairée", "Familles", "Référence")]
    [InlineData("nl-BE", "Hulpvragen", "Cohort", "Weet niet / kan niet zeggen", "Groep 1: geïnformeerde besluitvorming", "Gezinnen", "Nulmeting")]
    [InlineData("en-GB", "Prompts", "Cohort", "Don't know / can't say", "Group 1: informed decision-making", "Families", "Baseline")]
    public async Task EvaluationXlsx_IsInTheReadersLanguage(string language, string prompts, string cohort, string dontKnow, string group1, string families, string baseline)
    {
        var (coordinator, slug) = await ProgrammeWithASheetAsync();

        var sheets = Workbook(await GetAsync(coordinator, $"/api/reports/evaluation.xlsx?programme={slug}", language));

        Assert.Equal(["Impact", prompts, cohort, baseline], sheets.Select(s => s.Name));
        Assert.Contains(dontKnow, sheets[0].Rows[0]);
        Assert.Contains(sheets[0].Rows, r => r[0] == group1);
        Assert.Contains(sheets[2].Rows, r => r[0] == families);
        Assert.DoesNotContain(sheets.SelectMany(s => s.Rows).SelectMany(r => r), c => c is "dont-know" or "group1" or "families");
    }

    [Theory]
    [InlineData("fr-BE", "tableau;libellé;contacts;personnes\r\n", "Information donnée;Règlement Dublin;1;1", "Totaux;Contacts;1;")]
    [InlineData("nl-BE", "tabel;omschrijving;contacten;personen\r\n", "Gegeven informatie;Dublinverordening;1;1", "Totalen;Contacten;1;")]
    [InlineData("en-GB", "table,key,contacts,people\r\n", "Information given,Dublin regulation,1,1", "Totals,Contacts,1,")]
    public async Task OutreachCsv_IsInTheReadersLanguage(string language, string header, string topic, string total)
    {
        var team = await OutreachTeam.CreateAsync(app);
        await team.ContactAsync(await team.SessionAsync(await team.PlaceAsync()));

        var csv = Csv(await GetAsync(team.Client, $"/api/outreach/dashboard.csv?programme={team.Programme.Slug}", language));

        Assert.StartsWith(header, csv);
        Assert.Contains(topic, csv);
        Assert.Contains(total, csv);
        Assert.DoesNotContain("unique-people", csv);
    }

    [Theory]
    [InlineData("fr-BE", "Totaux", "Information donnée", "personnes", "Règlement Dublin", "Personnes uniques")]
    [InlineData("nl-BE", "Totalen", "Gegeven informatie", "personen", "Dublinverordening", "Unieke personen")]
    [InlineData("en-GB", "Totals", "Information given", "people", "Dublin regulation", "Unique people")]
    public async Task OutreachXlsx_IsInTheReadersLanguage(string language, string totals, string topics, string people, string dublin, string unique)
    {
        var team = await OutreachTeam.CreateAsync(app);
        await team.ContactAsync(await team.SessionAsync(await team.PlaceAsync()));

        var sheets = Workbook(await GetAsync(team.Client, $"/api/outreach/dashboard.xlsx?programme={team.Programme.Slug}", language));

        Assert.Equal(totals, sheets[0].Name);
        Assert.Contains(sheets[0].Rows, r => r[0] == unique);
        var topic = sheets.Single(s => s.Name == topics);
        Assert.Equal([topics, people], [topic.Rows[0][0], topic.Rows[0][2]]);
        Assert.Contains(topic.Rows, r => r.SequenceEqual([dublin, "1", "1"]));
    }

    [Fact]
    public async Task Exports_ForAClientNamingNoLanguage_KeepTheApiCodes()
    {
        var (coordinator, slug) = await ProgrammeWithASheetAsync();
        var team = await OutreachTeam.CreateAsync(app);
        await team.ContactAsync(await team.SessionAsync(await team.PlaceAsync()));

        var evaluation = Csv(await GetAsync(coordinator, $"/api/reports/evaluation.csv?programme={slug}", null));
        var outreach = Csv(await GetAsync(team.Client, $"/api/outreach/dashboard.csv?programme={team.Programme.Slug}", null));
        var workbook = Workbook(await GetAsync(team.Client, $"/api/outreach/dashboard.xlsx?programme={team.Programme.Slug}", null));

        Assert.StartsWith("table,group,question,answer,count\r\n", evaluation);
        Assert.Contains("impact,,group1,dont-know,", evaluation);
        Assert.StartsWith("table,key,contacts,people\r\n", outreach);
        Assert.Contains("topic,dublin,1,1", outreach);
        Assert.Equal(["Totals", "Place", "Month", "Nationality", "Language", "Topic", "Orientation", "Outcome"], workbook.Select(s => s.Name));
    }
}
