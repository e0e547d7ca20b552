using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Trajet.Tests.Features.Cases;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.Privacy;

namespace Trajet.Tests.Features.Privacy;

public sealed class ConsentRulesTests
{
    [Theory]
    [InlineData("2026-03-01", null, "2026-03-01", true)]
    [InlineData("2026-03-01", null, "2026-02-28", false)]
    [InlineData("2026-03-01", "2026-04-01", "2026-03-31", true)]
    [InlineData("2026-03-01", "2026-04-01", "2026-04-01", false)]
    public void IsActive_FromTheDayGivenUntilTheDayWithdrawn(string given, string? withdrawn, string on, bool active) =>
        Assert.Equal(active, ConsentRules.IsActive(DateOnly.Parse(given), withdrawn is null ? null : DateOnly.Parse(withdrawn), DateOnly.Parse(on)));
}

public abstract class ConsentsTests(TrajetApp app)
{
    private static async Task<Guid> PartnerAsync(HttpClient client) =>
        (await (await client.PostAsJsonAsync("/api/partners", new { name = "Centre de santé " + Guid.NewGuid().ToString("N")[..6], kind = "medical" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

    private static async Task<Guid> ReferralAsync(HttpClient client, Guid caseId, Guid partner) =>
        (await (await client.PostAsJsonAsync($"/api/cases/{caseId}/referrals", new { partnerId = partner, date = "2026-02-01", reason = "Medical follow-up" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

    [Fact]
    public async Task Consent_IsRecordedPerPersonAndPurpose()
    {
        var (client, _, programme) = await app.NewUserClientAsync(Roles.CaseManager);
        var (id, _) = await CaseBuilder.OpenAsync(client, programme.Slug, date: "2026-01-10");
        var member = (await (await CaseBuilder.AddMemberAsync(client, id, CaseBuilder.Parent())).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("member").GetProperty("id").GetGuid();

        var response = await client.PostAsJsonAsync($"/api/cases/{id}/consents", new
        {
            memberId = member,
            purpose = "evaluation",
            givenOn = "2026-01-15",
            explainedHow = "Read the information sheet together",
            language = "hy",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/consents");
        var consent = Assert.Single(list.EnumerateArray());
        Assert.Equal("evaluation", consent.GetProperty("purpose").GetString());
        Assert.Equal("Lusine Petrosyan", consent.GetProperty("person").GetString());
        Assert.Equal("hy", consent.GetProperty("language").GetString());
        Assert.True(consent.GetProperty("active").GetBoolean());
    }

    [Theory]
    [InlineData("purpose", "{\"purpose\":\"marketing\",\"givenOn\":\"2026-01-15\",\"explainedHow\":\"x\",\"language\":\"fr\"}")]
    [InlineData("partnerId", "{\"purpose\":\"partner-sharing\",\"givenOn\":\"2026-01-15\",\"explainedHow\":\"x\",\"language\":\"fr\"}")]
    [InlineData("recipientOrganisationId", "{\"purpose\":\"cross-border-exchange\",\"givenOn\":\"2026-01-15\",\"explainedHow\":\"x\",\"language\":\"fr\"}")]
    [InlineData("givenOn", "{\"purpose\":\"evaluation\",\"givenOn\":\"2999-01-15\",\"explainedHow\":\"x\",\"language\":\"fr\"}")]
    [InlineData("explainedHow", "{\"purpose\":\"evaluation\",\"givenOn\":\"2026-01-15\",\"explainedHow\":\" \",\"language\":\"fr\"}")]
    [InlineData("language", "{\"purpose\":\"evaluation\",\"givenOn\":\"2026-01-15\",\"explainedHow\":\"x\",\"language\":\"klingon\"}")]
    public async Task Consent_WithBadField_Returns400NamingIt_AndSavesNothing(string field, string json)
    {
        var (client, _, programme) = await app.NewUserClientAsync(Roles.CaseManager);
        var (id, _) = await CaseBuilder.OpenAsync(client, programme.Slug, date: "2026-01-10");

        var response = await client.PostAsync($"/api/cases/{id}/consents", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), await response.Content.ReadAsStringAsync());
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/consents")).EnumerateArray());
    }

    [Fact]
    public async Task Referral_AfterConsentWithdrawn_IsNotSent()
    {
        var (client, _, programme) = await app.NewUserClientAsync(Roles.CaseManager);
        var (id, _) = await CaseBuilder.OpenAsync(client, programme.Slug, date: "2026-01-10");
        var partner = await PartnerAsync(client);
        var consent = (await (await client.PostAsJsonAsync($"/api/cases/{id}/consents", new
        {
            purpose = "partner-sharing",
            partnerId = partner,
            givenOn = "2026-01-20",
            explainedHow = "Explained with an interpreter",
            language = "ar",
        })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var first = await ReferralAsync(client, id, partner);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/cases/{id}/referrals/{first}/status", new { status = "sent" })).StatusCode);

        var withdrawn = await client.PostAsJsonAsync($"/api/cases/{id}/consents/{consent}/withdraw", new { note = "The family changed its mind" });
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.False((await withdrawn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("active").GetBoolean());

        var second = await ReferralAsync(client, id, partner);
        var refused = await client.PutAsJsonAsync($"/api/cases/{id}/referrals/{second}/status", new { status = "sent", familyAgreedOn = "2026-02-02" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("familyAgreedOn", await refused.Content.ReadAsStringAsync());
        var accepting = await client.PutAsJsonAsync($"/api/cases/{id}/referrals/{first}/status", new { status = "accepted" });
        Assert.Equal(HttpStatusCode.BadRequest, accepting.StatusCode);
    }

    [Fact]
    public async Task Consent_ForAnotherPartnerThanTheReferral_DoesNotAllowSending()
    {
        var (client, _, programme) = await app.NewUserClientAsync(Roles.CaseManager);
        var (id, _) = await CaseBuilder.OpenAsync(client, programme.Slug, date: "2026-01-10");
        var agreed = await PartnerAsync(client);
        var other = await PartnerAsync(client);
        await client.PostAsJsonAsync($"/api/cases/{id}/consents", new { purpose = "partner-sharing", partnerId = agreed, givenOn = "2026-01-20", explainedHow = "x", language = "fr" }).Succeeded();
        var referral = await ReferralAsync(client, id, other);

        var refused = await client.PutAsJsonAsync($"/api/cases/{id}/referrals/{referral}/status", new { status = "sent" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Fact]
    public async Task ConsentsPage_RecordsAndWithdrawsWithoutJavaScript()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var email = await app.CreateUserAsync(Roles.CaseManager, organisation, programme);
        using var api = await app.ApiClientAsync(email);
        var (id, _) = await CaseBuilder.OpenAsync(api, programme.Slug, date: "2026-01-10");
        using var browser = await app.SignedInBrowserAsync(email);

        var page = await Html.GetAsync(browser, $"/Privacy/Consents/{id}");
        var saved = await Html.SubmitAsync(browser, page, "form.card", new Dictionary<string, string>
        {
            ["Input.Purpose"] = "Evaluation",
            ["Input.ExplainedHow"] = "Information sheet read aloud",
            ["Input.Language"] = "FR",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var listed = await Html.GetAsync(browser, $"/Privacy/Consents/{id}");
        Assert.Contains("Pseudonymised evaluation", listed.QuerySelector("ul.people")!.TextContent);
        Assert.Contains("Information sheet read aloud", listed.QuerySelector("ul.people")!.TextContent);

        var withdrawn = await Html.SubmitAsync(browser, listed, "ul.people form", new Dictionary<string, string> { ["note"] = "No longer wishes to take part" });
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        var consent = Assert.Single((await api.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/consents")).EnumerateArray());
        Assert.False(consent.GetProperty("active").GetBoolean());
        Assert.Equal("No longer wishes to take part", consent.GetProperty("withdrawalNote").GetString());
    }

    [Fact]
    public async Task Consents_OfOtherOrganisation_Are404()
    {
        var (owner, _, programme) = await app.NewUserClientAsync(Roles.CaseManager);
        var (id, _) = await CaseBuilder.OpenAsync(owner, programme.Slug, date: "2026-01-10");
        var consent = (await (await owner.PostAsJsonAsync($"/api/cases/{id}/consents", new { purpose = "case-management", givenOn = "2026-01-20", explainedHow = "x", language = "fr" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var (stranger, _, _) = await app.NewUserClientAsync(Roles.Coordinator);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/cases/{id}/consents")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/cases/{id}/consents/{consent}/withdraw", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/cases/{id}/consents", new { purpose = "evaluation", givenOn = "2026-01-20", explainedHow = "x", language = "fr" })).StatusCode);
        Assert.True((await owner.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/consents"))[0].GetProperty("active").GetBoolean());
    }
}

public sealed class ConsentsTestsOnSqlite(SqliteApp app) : ConsentsTests(app), IClassFixture<SqliteApp>;

public sealed class ConsentsTestsOnPostgres(PostgresApp app) : ConsentsTests(app), IClassFixture<PostgresApp>;
