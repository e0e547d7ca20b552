using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Trajet.Tests.Features.Cases;
using Trajet.Tests.Features.Outreach;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Infrastructure;

namespace Trajet.Tests.Security;

/// <summary>A page past the end of a list is an empty page, however large its number: never page 1 again.</summary>
public abstract class PagingTests(TrajetApp app)
{
    [Theory]
    [InlineData(1, 50, 0)]
    [InlineData(3, 50, 100)]
    [InlineData(0, 50, 0)]
    [InlineData(-5, 50, 0)]
    [InlineData(int.MaxValue, 50, int.MaxValue)]
    [InlineData(int.MaxValue, 200, int.MaxValue)]
    [InlineData(42949673, 100, int.MaxValue)] // (page - 1) × size wraps to a small positive number in 32 bits
    public void Skip_NeverOverflows(int page, int pageSize, int skip) =>
        Assert.Equal(skip, Pager.SkipFor(page, pageSize));

    [Theory]
    [InlineData("2147483647")]
    [InlineData("42949673")]
    public async Task ApiLists_PastTheEnd_AreEmpty(string page)
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var email = await app.CreateUserAsync(Roles.Coordinator, organisation, programme);
        using var api = await app.ApiClientAsync(email);
        var (id, _) = await CaseBuilder.OpenAsync(api, programme.Slug);
        var team = await OutreachTeam.CreateAsync(app);
        await team.ContactAsync(await team.SessionAsync(await team.PlaceAsync()), nickname: "Karzan");

        foreach (var (client, url) in new[]
        {
            (api, $"/api/cases?programme={programme.Slug}&pageSize=100&page={page}"),
            (api, $"/api/cases/{id}/audit?pageSize=100&page={page}"),
            (team.Client, $"/api/outreach/contacts?programme={team.Programme.Slug}&pageSize=100&page={page}"),
        })
        {
            using var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var list = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(list.GetProperty("total").GetInt32() > 0, url);
            Assert.Empty(list.GetProperty("items").EnumerateArray());
        }
    }

    [Fact]
    public async Task CaseList_SecondPage_ShowsTheCasesAfterTheFirst()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var email = await app.CreateUserAsync(Roles.Coordinator, organisation, programme);
        using var api = await app.ApiClientAsync(email);
        var numbers = new List<string>();
        for (var i = 0; i < 51; i++)
        {
            numbers.Add((await CaseBuilder.OpenAsync(api, programme.Slug)).Number);
        }
        using var browser = await app.SignedInBrowserAsync(email);

        var first = await browser.GetStringAsync($"/Cases?programme={programme.Slug}");
        var second = await browser.GetStringAsync($"/Cases?programme={programme.Slug}&page=2");

        var onFirst = numbers.Where(n => first.Contains($">{n}<", StringComparison.Ordinal)).ToList();
        var onSecond = numbers.Where(n => second.Contains($">{n}<", StringComparison.Ordinal)).ToList();
        Assert.Equal(50, onFirst.Count);
        Assert.Single(onSecond);
        Assert.DoesNotContain(onSecond[0], onFirst);
    }

    [Fact]
    public async Task PagedPages_PastTheEnd_ShowNoRow()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var email = await app.CreateUserAsync(Roles.Coordinator, organisation, programme);
        using var api = await app.ApiClientAsync(email);
        var (id, number) = await CaseBuilder.OpenAsync(api, programme.Slug);
        using var browser = await app.SignedInBrowserAsync(email);
        Assert.Contains(number, await browser.GetStringAsync($"/Cases?programme={programme.Slug}"));

        using var response = await browser.GetAsync($"/Cases?programme={programme.Slug}&page=2147483647");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(number, await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/Cases/Audit/{id}?page=2147483647")).StatusCode);
    }
}

public sealed class PagingTestsOnSqlite(SqliteApp app) : PagingTests(app), IClassFixture<SqliteApp>;

public sealed class PagingTestsOnPostgres(PostgresApp app) : PagingTests(app), IClassFixture<PostgresApp>;
