using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Trajet.Tests.Features.Cases;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.Partners;

namespace Trajet.Tests.Features.Partners;

public sealed class ReferralRulesTests
{
    [Theory]
    [InlineData(ReferralStatus.Proposed, ReferralStatus.Sent, true)]
    [InlineData(ReferralStatus.Sent, ReferralStatus.Accepted, true)]
    [InlineData(ReferralStatus.Accepted, ReferralStatus.Completed, true)]
    [InlineData(ReferralStatus.Proposed, ReferralStatus.Completed, false)]
    [InlineData(ReferralStatus.Declined, ReferralStatus.Sent, false)]
    public void CanMove_FollowsTheReferralsLife(ReferralStatus from, ReferralStatus to, bool allowed) =>
        Assert.Equal(allowed, ReferralRules.CanMove(from, to));
}

public abstract class ReferralsTests(TrajetApp app)
{
    private static async Task<Guid> PartnerAsync(HttpClient client, string name = "Maître Dupont") =>
        (await (await client.PostAsJsonAsync("/api/partners", new { name, kind = "lawyer", email = "dupont@example.org" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

    [Fact]
    public async Task Referral_IsSentOnlyOnceTheFamilyAgreed()
    {
        var (client, _, programme) = await app.NewUserClientAsync(Roles.CaseManager);
        var partner = await PartnerAsync(client);
        var (id, _) = await CaseBuilder.OpenAsync(client, programme.Slug, date: "2026-01-10");
        var created = await (await client.PostAsJsonAsync($"/api/cases/{id}/referrals", new { partnerId = partner, date = "2026-02-01", reason = "Appeal against the refusal" })).Content.ReadFromJsonAsync<JsonElement>();
        var referral = created.GetProperty("id").GetGuid();
        Assert.Equal("proposed", created.GetProperty("status").GetString());

        var refused = await client.PutAsJsonAsync($"/api/cases/{id}/referrals/{referral}/status", new { status = "sent" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("familyAgreedOn", await refused.Content.ReadAsStringAsync());

        var sent = await client.PutAsJsonAsync($"/api/cases/{id}/referrals/{referral}/status", new { status = "sent", familyAgreedOn = "2026-02-02" });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/referrals");
        Assert.Equal("sent", list[0].GetProperty("status").GetString());
        Assert.Equal("Maître Dupont", list[0].GetProperty("partner").GetString());
    }

    [Fact]
    public async Task Referral_ToAnotherOrganisationsPartner_IsRefused()
    {
        var (client, _, programme) = await app.NewUserClientAsync(Roles.CaseManager);
        var (stranger, _, _) = await app.NewUserClientAsync(Roles.CaseManager);
        var theirs = await PartnerAsync(stranger, "Their lawyer");
        var (id, _) = await CaseBuilder.OpenAsync(client, programme.Slug, date: "2026-01-10");

        var response = await client.PostAsJsonAsync($"/api/cases/{id}/referrals", new { partnerId = theirs, date = "2026-02-01", reason = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("partnerId", await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain((await client.GetFromJsonAsync<JsonElement>("/api/partners")).EnumerateArray(), p => p.GetProperty("name").GetString() == "Their lawyer");
    }

    [Fact]
    public async Task Referrals_OfOtherOrganisation_Are404()
    {
        var (owner, _, programme) = await app.NewUserClientAsync(Roles.CaseManager);
        var (id, _) = await CaseBuilder.OpenAsync(owner, programme.Slug, date: "2026-01-10");
        var (stranger, _, _) = await app.NewUserClientAsync(Roles.Coordinator);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/cases/{id}/referrals")).StatusCode);
    }
}

public sealed class ReferralsTestsOnSqlite(SqliteApp app) : ReferralsTests(app), IClassFixture<SqliteApp>;

public sealed class ReferralsTestsOnPostgres(PostgresApp app) : ReferralsTests(app), IClassFixture<PostgresApp>;
