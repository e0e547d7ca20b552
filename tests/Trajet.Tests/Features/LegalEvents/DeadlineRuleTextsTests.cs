using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Trajet.Tests.Features.Cases;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Features.Accounts;

namespace Trajet.Tests.Features.LegalEvents;

/// <summary>A rule's label in each language: the deadline it computes says where it came from in the reader's language.</summary>
public abstract class DeadlineRuleTextsTests(TrajetApp app)
{
    private const string Default = "Appeal in the accelerated procedure: 10 days";

    [Theory]
    [InlineData("fr-BE", "Recours en procédure accélérée : 10 jours", "Recours en procédure accélérée : 10 jours")]
    [InlineData("nl-BE", "Beroep in de versnelde procedure: 10 dagen", "Beroep in de versnelde procedure: 10 dagen")]
    [InlineData("en-GB", "", Default)]
    public async Task RuleInEachLanguage_ShowsWithTheDeadline_InTheUsersLanguage(string language, string english, string expected)
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var email = await app.CreateUserAsync(Roles.Coordinator, organisation, programme);
        using var browser = await app.SignedInBrowserAsync(email);
        var rules = await Html.GetAsync(browser, "/Organisations/DeadlineRules");

        var saved = await Html.SubmitAsync(browser, rules, "form.card:not(:has(input[name='ruleId']))", new Dictionary<string, string>
        {
            ["eventType"] = "Decision",
            ["outcome"] = "Negative",
            ["days"] = "10",
            ["label"] = Default,
            ["labels.Fr"] = "Recours en procédure accélérée : 10 jours",
            ["labels.Nl"] = "Beroep in de versnelde procedure: 10 dagen",
            ["labels.En"] = english,
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var api = await app.ApiClientAsync(email);
        var (id, _) = await CaseBuilder.OpenAsync(api, programme.Slug);
        var created = await (await api.PostAsJsonAsync($"/api/cases/{id}/legal-events", new { type = "decision", date = "2025-01-10", outcome = "negative" })).Content.ReadFromJsonAsync<JsonElement>();
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        var details = await Html.GetAsync(browser, $"/Cases/Details/{id}");

        Assert.Equal(expected, details.QuerySelector(".chronology .hint")!.TextContent.Trim());
        Assert.Equal(Default, created.GetProperty("deadlineSource").GetString());
        Assert.Equal("Beroep in de versnelde procedure: 10 dagen", created.GetProperty("deadlineSources").GetProperty("nl").GetString());
    }

    [Theory]
    [InlineData("fr-BE", "saisie à la main")]
    [InlineData("nl-BE", "met de hand ingevoerd")]
    public async Task DeadlineEnteredByHand_SaysSoInTheUsersLanguage(string language, string expected)
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var email = await app.CreateUserAsync(Roles.CaseManager, organisation, programme);
        using var api = await app.ApiClientAsync(email);
        var (id, _) = await CaseBuilder.OpenAsync(api, programme.Slug);
        await api.PostAsJsonAsync($"/api/cases/{id}/legal-events", new { type = "decision", date = "2025-01-10", deadline = "2025-02-01" }).Succeeded();
        using var browser = await app.SignedInBrowserAsync(email);
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        var details = await Html.GetAsync(browser, $"/Cases/Details/{id}");

        Assert.Equal(expected, details.QuerySelector(".chronology .hint")!.TextContent.Trim());
    }
}

public sealed class DeadlineRuleTextsTestsOnSqlite(SqliteApp app) : DeadlineRuleTextsTests(app), IClassFixture<SqliteApp>;

public sealed class DeadlineRuleTextsTestsOnPostgres(PostgresApp app) : DeadlineRuleTextsTests(app), IClassFixture<PostgresApp>;
