using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Data;
using Trajet.Web.Features.Demo;

namespace Trajet.Tests.Features.Demo;

public abstract class DemoSeedTests(DatabaseProvider provider)
{
    private static readonly Dictionary<string, string?> Demo = new() { ["Demo:Seed"] = "true" };

    [Fact]
    public async Task Demo_GivesTheAccountsOfApiMdAndALivingCaseload_OnlyOnce()
    {
        await using var app = new TrajetApp(provider, Demo);
        await app.InitializeAsync();

        string[] accounts = ["admin@trajet.demo", "coordinator@ngo.demo", "cm1@ngo.demo", "cm2@ngo.demo", "evaluator@ngo.demo",
            "coach@atd.demo", "outreach@reachout.demo", "mediator@reachout.demo", "outreach@reachout-fr.demo"];
        foreach (var email in accounts)
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, (await app.LoginAsync(email, DemoSeed.Password)).StatusCode);
        }
        // With the password alone, administrator and coordinator included: the seed exempts its accounts from two-factor sign-in.
        Assert.True(await app.WithDbAsync((db, _) => db.Users.Where(u => accounts.Contains(u.Email!)).AllAsync(u => u.TwoFactorExempt && !u.TwoFactorEnabled)));

        using var coordinator = await app.ApiClientAsync("coordinator@ngo.demo", DemoSeed.Password);
        var me = await coordinator.GetFromJsonAsync<JsonElement>("/api/me");
        Assert.Equal("Famille Plus", me.GetProperty("organisation").GetProperty("name").GetString());
        var cases = await coordinator.GetFromJsonAsync<JsonElement>("/api/cases?pageSize=200&programme=plan-together");
        var items = cases.GetProperty("items").EnumerateArray().ToList();
        Assert.True(items.Count(c => c.GetProperty("kind").GetString() == "family") >= 15);
        Assert.True(items.Select(c => c.GetProperty("referralDate").GetString()![..4]).Distinct().Count() >= 6, "cases spread over the years");
        var nationalities = await app.WithDbAsync((db, _) => db.Members.Select(m => m.Nationality).Distinct().CountAsync());
        Assert.True(nationalities >= 5);

        using var coach = await app.ApiClientAsync("coach@atd.demo", DemoSeed.Password);
        var icam = await coach.GetFromJsonAsync<JsonElement>("/api/cases");
        Assert.True(icam.GetProperty("total").GetInt32() >= 3);
        Assert.All(icam.GetProperty("items").EnumerateArray(), c => Assert.Equal("icam", c.GetProperty("programme").GetString()));

        var counts = await CountsAsync(app);
        await using var restarted = new TrajetApp(provider, Demo, app.ConnectionString);
        await restarted.InitializeAsync();
        Assert.Equal(counts, await CountsAsync(restarted));
    }

    [Fact]
    public async Task Demo_CriteriaDesksAndPlaces_HaveTheirTextsInEachLanguage()
    {
        await using var app = new TrajetApp(provider, Demo);
        await app.InitializeAsync();
        using var coach = await app.SignedInBrowserAsync("coach@atd.demo", DemoSeed.Password);
        coach.DefaultRequestHeaders.AcceptLanguage.ParseAdd("nl-BE");
        using var coordinator = await app.SignedInBrowserAsync("coordinator@ngo.demo", DemoSeed.Password);
        coordinator.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr-BE");
        using var outreach = await app.SignedInBrowserAsync("outreach@reachout.demo", DemoSeed.Password);
        outreach.DefaultRequestHeaders.AcceptLanguage.ParseAdd("nl-BE");

        var desks = await Html.GetAsync(coach, "/Coaching");
        var criteria = await Html.GetAsync(coordinator, "/Programmes/Criteria/plan-together");
        var places = await Html.GetAsync(outreach, "/Outreach/Places");

        Assert.Contains("Loket Brussel", desks.QuerySelectorAll("ul.people > li > strong").Select(n => n.TextContent));
        Assert.Equal("Famille avec au moins un enfant de moins de 18 ans", criteria.QuerySelector("textarea[name='texts.Fr']")!.TextContent);
        Assert.Equal("Gezin met minstens één kind jonger dan 18 jaar", criteria.QuerySelector("textarea[name='texts.Nl']")!.TextContent);
        Assert.Contains("Noordstation (Brussel)", places.QuerySelector("table.list tbody")!.TextContent);
    }

    [Fact]
    public async Task DemoBanner_IsOnEveryPage()
    {
        await using var app = new TrajetApp(provider, Demo);
        await app.InitializeAsync();
        using var browser = await app.SignedInBrowserAsync("cm1@ngo.demo", DemoSeed.Password);

        foreach (var url in new[] { "/", "/Cases", "/Accounts/ChangePassword" })
        {
            var page = await Html.GetAsync(browser, url);
            Assert.NotNull(page.QuerySelector(".demo-banner"));
        }
    }

    [Fact]
    public async Task DemoOutreachContacts_AreSeenOnlyByTheirOwnTeam()
    {
        await using var app = new TrajetApp(provider, Demo);
        await app.InitializeAsync();
        using var belgian = await app.SignedInBrowserAsync("outreach@reachout.demo", DemoSeed.Password);
        using var french = await app.SignedInBrowserAsync("outreach@reachout-fr.demo", DemoSeed.Password);
        using var ngo = await app.SignedInBrowserAsync("coordinator@ngo.demo", DemoSeed.Password);

        var be = (await Html.GetAsync(belgian, "/Outreach")).QuerySelector("table.list tbody")!;
        var fr = (await Html.GetAsync(french, "/Outreach")).QuerySelector("table.list tbody")!;
        var none = (await Html.GetAsync(ngo, "/Outreach")).QuerySelector("table.list tbody")!;

        Assert.True(be.QuerySelectorAll("tr").Length >= 40);
        Assert.Contains("Gare du Nord", be.TextContent);
        Assert.DoesNotContain("Calais", be.TextContent);
        Assert.True(fr.QuerySelectorAll("tr").Length >= 15);
        Assert.Contains("Calais", fr.TextContent);
        Assert.DoesNotContain("Brussels", fr.TextContent);
        Assert.Empty(none.QuerySelectorAll("tr"));
    }

    private static Task<(int, int, int, int)> CountsAsync(TrajetApp app) =>
        app.WithDbAsync(async (db, _) => (await db.Organisations.CountAsync(), await db.Users.CountAsync(), await db.Cases.CountAsync(), await db.Members.CountAsync()));
}

public sealed class DemoSeedTestsOnSqlite() : DemoSeedTests(DatabaseProvider.Sqlite);

public sealed class DemoSeedTestsOnPostgres() : DemoSeedTests(DatabaseProvider.Postgres);
