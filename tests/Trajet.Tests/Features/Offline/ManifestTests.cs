using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Features.Accounts;

namespace Trajet.Tests.Features.Offline;

/// <summary>Trajet installs on a phone's home screen from the browser: a manifest, linked from every page.</summary>
public sealed class ManifestTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Manifest_DescribesAStandaloneApp_WithIconsThatExist()
    {
        var client = app.CreateClient();

        var response = await client.GetAsync("/manifest.webmanifest");

        Assert.Equal("application/manifest+json", response.Content.Headers.ContentType!.MediaType);
        var manifest = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Trajet", manifest.GetProperty("name").GetString());
        Assert.Equal("#0b5cad", manifest.GetProperty("theme_color").GetString()); // the header's colour, as the layout's theme-color says
        Assert.Equal("/", manifest.GetProperty("start_url").GetString());
        Assert.Equal("standalone", manifest.GetProperty("display").GetString());
        foreach (var icon in manifest.GetProperty("icons").EnumerateArray())
        {
            var image = await client.GetAsync(icon.GetProperty("src").GetString());
            Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);
            var bytes = await image.Content.ReadAsByteArrayAsync();
            var width = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4));
            Assert.Equal(icon.GetProperty("sizes").GetString(), $"{width}x{BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4))}");
        }
    }

    [Fact]
    public async Task EveryPage_LinksTheManifest()
    {
        var (_, organisation, programme) = await app.NewUserClientAsync(Roles.CaseManager);
        using var browser = await app.SignedInBrowserAsync(await app.CreateUserAsync(Roles.CaseManager, organisation, programme));

        foreach (var page in new[] { await Html.GetAsync(app.BrowserClient(), "/Accounts/Login"), await Html.GetAsync(browser, "/"), await Html.GetAsync(browser, "/Cases") })
        {
            Assert.Equal("/manifest.webmanifest", page.QuerySelector("link[rel=manifest]")!.GetAttribute("href"));
        }
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/manifest.webmanifest")).StatusCode);
    }
}
