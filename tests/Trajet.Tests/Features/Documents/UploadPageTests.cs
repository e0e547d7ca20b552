using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Trajet.Tests.Features.Cases;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.Documents;
using static Trajet.Tests.Features.Documents.DocumentFiles;

namespace Trajet.Tests.Features.Documents;

public abstract class UploadPageTests(TrajetApp app)
{
    [Fact]
    public async Task UploadForm_SavesTheDocument_AndTheCasePageListsItWithADownload()
    {
        var (browser, id) = await CaseWithBrowserAsync();
        var form = await Html.GetAsync(browser, $"/Documents/Upload/{id}");
        Assert.Equal("multipart/form-data", form.QuerySelector("main form")!.GetAttribute("enctype"));

        var response = await SubmitAsync(browser, form, new() { ["Input.Type"] = "identity-paper", ["Input.Title"] = "Passport of the mother", ["Input.IssueDate"] = Today.AddYears(-2).ToString("yyyy-MM-dd"), ["Input.ExpiryDate"] = Today.AddYears(3).ToString("yyyy-MM-dd") },
            Png(), "passport.png");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var details = await Html.GetAsync(browser, $"/Cases/Details/{id}");
        var item = Assert.Single(details.QuerySelectorAll(".documents li"));
        Assert.Contains("Passport of the mother", item.TextContent);
        Assert.Equal("valid", item.QuerySelector(".status")!.ClassList.Single(c => c.StartsWith("status-", StringComparison.Ordinal))["status-".Length..]);
        var download = await browser.GetAsync(item.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(Png(), await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task ExpiredDocument_StandsOutOnTheCasePage()
    {
        var (browser, id) = await CaseWithBrowserAsync();
        var form = await Html.GetAsync(browser, $"/Documents/Upload/{id}");

        await SubmitAsync(browser, form, new() { ["Input.Type"] = "support-letter", ["Input.Title"] = "Letter from the school", ["Input.IssueDate"] = Today.AddMonths(-8).ToString("yyyy-MM-dd") });

        var details = await Html.GetAsync(browser, $"/Cases/Details/{id}");
        Assert.NotNull(details.QuerySelector(".documents li.document-expired .status-expired"));
    }

    [Fact]
    public async Task UploadForm_WithTextRenamedPdf_ShowsAMessageNextToTheFile_AndSavesNothing()
    {
        var (browser, id) = await CaseWithBrowserAsync();
        var form = await Html.GetAsync(browser, $"/Documents/Upload/{id}");
        var before = await StoredDocuments.KeysAsync(app);

        var response = await SubmitAsync(browser, form, new() { ["Input.Title"] = "Decision", ["Input.IssueDate"] = Today.AddDays(-3).ToString("yyyy-MM-dd") }, Text(), "decision.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("Only PDF, PNG or JPEG", page.QuerySelector("[data-valmsg-for='Input.File']")!.TextContent);
        Assert.Equal("Decision", ((IHtmlInputElement)page.QuerySelector("#Input_Title")!).Value);
        Assert.Equal(0, await app.WithDbAsync((db, _) => db.CaseDocuments.CountAsync(d => d.CaseId == id)));
        Assert.Equal(before, await StoredDocuments.KeysAsync(app));
    }

    [Fact]
    public async Task UploadForm_WithIssueDateInTheFuture_ShowsAMessageNextToTheDate()
    {
        var (browser, id) = await CaseWithBrowserAsync();
        var form = await Html.GetAsync(browser, $"/Documents/Upload/{id}");

        var response = await SubmitAsync(browser, form, new() { ["Input.Title"] = "Letter", ["Input.IssueDate"] = Today.AddDays(5).ToString("yyyy-MM-dd") }, Pdf(), "letter.pdf");

        var page = await Html.ParseAsync(response);
        Assert.Contains("cannot be in the future", page.QuerySelector("[data-valmsg-for='Input.IssueDate']")!.TextContent);
        Assert.Equal(0, await app.WithDbAsync((db, _) => db.CaseDocuments.CountAsync(d => d.CaseId == id)));
    }

    [Fact]
    public async Task UploadForm_OverTheRequestLimit_AnswersWithAMessage_Not500()
    {
        var (browser, id) = await CaseWithBrowserAsync();
        var form = await Html.GetAsync(browser, $"/Documents/Upload/{id}");
        var huge = new byte[DocumentStore.DefaultMaxFileBytes + (512 * 1024)];
        Pdf().CopyTo(huge, 0);

        var response = await SubmitAsync(browser, form, new() { ["Input.Title"] = "Scan", ["Input.IssueDate"] = Today.ToString("yyyy-MM-dd") }, huge, "scan.pdf");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("too large", page.QuerySelector("h1")!.TextContent);
        Assert.Equal(0, await app.WithDbAsync((db, _) => db.CaseDocuments.CountAsync(d => d.CaseId == id)));
    }

    [Fact]
    public async Task UploadPage_OfOtherOrganisation_Is404()
    {
        var (_, id) = await CaseWithBrowserAsync();
        var (organisation, programme) = await app.CreateOrganisationAsync();
        using var stranger = await app.SignedInBrowserAsync(await app.CreateUserAsync(Roles.Coordinator, organisation, programme));

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Documents/Upload/{id}")).StatusCode);
    }

    private async Task<(HttpClient Browser, Guid CaseId)> CaseWithBrowserAsync()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var email = await app.CreateUserAsync(Roles.CaseManager, organisation, programme);
        using var api = await app.ApiClientAsync(email);
        var (id, _) = await CaseBuilder.OpenAsync(api, programme.Slug);
        return (await app.SignedInBrowserAsync(email), id);
    }

    /// <summary>Posts the page's form as a browser does with enctype multipart/form-data: its own fields, the values given, and the file.</summary>
    private static Task<HttpResponseMessage> SubmitAsync(HttpClient client, IHtmlDocument page, Dictionary<string, string> values, byte[]? file = null, string fileName = "file.pdf")
    {
        var form = (IHtmlFormElement)page.QuerySelector("main form")!;
        var content = new MultipartFormDataContent();
        foreach (var element in form.Elements)
        {
            var (name, value) = element switch
            {
                IHtmlInputElement { Type: "file" or "submit" } => (null, null),
                IHtmlInputElement input => (input.Name, input.Value),
                IHtmlSelectElement select => (select.Name, select.Value),
                IHtmlTextAreaElement area => (area.Name, area.Value),
                _ => (null, null),
            };
            if (!string.IsNullOrEmpty(name) && !values.ContainsKey(name))
            {
                content.Add(new StringContent(value ?? ""), name);
            }
        }
        foreach (var (name, value) in values)
        {
            content.Add(new StringContent(value), name);
        }
        if (file is not null)
        {
            var part = new ByteArrayContent(file);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            content.Add(part, "Input.File", fileName);
        }
        return client.PostAsync(form.GetAttribute("action") is { Length: > 0 } a ? a : page.Url, content);
    }
}

public sealed class UploadPageTestsOnSqlite(SqliteApp app) : UploadPageTests(app), IClassFixture<SqliteApp>;

public sealed class UploadPageTestsOnPostgres(PostgresApp app) : UploadPageTests(app), IClassFixture<PostgresApp>;
