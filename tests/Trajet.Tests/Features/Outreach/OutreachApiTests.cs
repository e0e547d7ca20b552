using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Trajet.Tests.Infrastructure;

namespace Trajet.Tests.Features.Outreach;

public abstract class OutreachApiTests(TrajetApp app)
{
    private static Dictionary<string, (int Contacts, int People)> Rows(JsonElement report, string name) =>
        report.GetProperty(name).EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!, r => (r.GetProperty("contacts").GetInt32(), r.GetProperty("people").GetInt32()));

    [Fact]
    public async Task Dashboard_CountsContactsAndUniquePeople_WithBreakdowns()
    {
        var team = await OutreachTeam.CreateAsync(app);
        var station = await team.PlaceAsync("Gare du Nord");
        var squat = await team.PlaceAsync("Squat Gallait");
        var march = await team.SessionAsync(station, "2026-03-10");
        var april = await team.SessionAsync(squat, "2026-04-02", "permanence");
        // Abdi three times, Samira once, two anonymous people: 6 contacts, 4 people.
        var abdi = await OutreachTeam.PersonOf(await team.ContactAsync(march, nickname: "Abdi", nationality: "SO", language: "so", topics: ["dublin", "reception"]));
        Assert.Equal(HttpStatusCode.Created, (await team.ContactAsync(march, personId: abdi, nationality: "SO", language: "so", orientation: ["legal"])).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await team.ContactAsync(april, personId: abdi, nationality: "SO", language: "so", topics: ["dublin"], orientation: ["legal", "shelter"])).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await team.ContactAsync(april, nickname: "Samira", topics: ["voluntary-return"])).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await team.ContactAsync(march)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await team.ContactAsync(april, nationality: "unknown", topics: [], orientation: ["medical"])).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await team.Client.PostAsJsonAsync($"/api/outreach/people/{abdi}/outcomes", new { kind = "reception-belgium", date = "2026-04-05" })).StatusCode);

        var report = await team.Client.GetFromJsonAsync<JsonElement>($"/api/outreach/dashboard?programme={team.Programme.Slug}");

        Assert.Equal(6, report.GetProperty("contacts").GetInt32());
        Assert.Equal(4, report.GetProperty("uniquePeople").GetInt32());
        Assert.Equal((3, 2), Rows(report, "byPlace")["Gare du Nord"]);
        Assert.Equal((3, 3), Rows(report, "byPlace")["Squat Gallait"]);
        Assert.Equal((3, 2), Rows(report, "byMonth")["2026-03"]);
        Assert.Equal((3, 3), Rows(report, "byMonth")["2026-04"]);
        Assert.Equal((3, 1), Rows(report, "byNationality")["SO"]);
        Assert.Equal((3, 1), Rows(report, "byLanguage")["so"]);
        Assert.Equal((4, 2), Rows(report, "byTopic")["dublin"]);
        Assert.Equal((1, 1), Rows(report, "byTopic")["voluntary-return"]);
        Assert.Equal((0, 0), Rows(report, "byTopic")["international-protection"]);
        Assert.Equal((2, 1), Rows(report, "byOrientation")["legal"]);
        Assert.Equal((1, 1), Rows(report, "byOrientation")["medical"]);
        Assert.Equal((1, 1), Rows(report, "byOutcome")["reception-belgium"]);

        var april2 = await team.Client.GetFromJsonAsync<JsonElement>($"/api/outreach/dashboard?programme={team.Programme.Slug}&from=2026-04-01&to=2026-04-30");
        Assert.Equal(3, april2.GetProperty("contacts").GetInt32());
        Assert.Equal(3, april2.GetProperty("uniquePeople").GetInt32());

        var csv = Encoding.UTF8.GetString(await team.Client.GetByteArrayAsync($"/api/outreach/dashboard.csv?programme={team.Programme.Slug}"));
        Assert.Contains("totals,contacts,6,", csv);
        Assert.Contains("totals,unique-people,4,", csv);
        Assert.Contains("topic,dublin,4,2", csv);
        var xlsx = await team.Client.GetAsync($"/api/outreach/dashboard.xlsx?programme={team.Programme.Slug}");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        Assert.Equal("PK"u8.ToArray(), (await xlsx.Content.ReadAsByteArrayAsync())[..2]);
    }

    [Fact]
    public async Task Contact_WhenNothingHappened_Returns400NamingInformationGiven()
    {
        var team = await OutreachTeam.CreateAsync(app);
        var session = await team.SessionAsync(await team.PlaceAsync());

        var response = await team.ContactAsync(session, nickname: "Nobody", topics: [], orientation: []);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Nothing happened", problem.GetProperty("errors").GetProperty("informationGiven")[0].GetString());
        var contacts = await team.Client.GetFromJsonAsync<JsonElement>($"/api/outreach/contacts?programme={team.Programme.Slug}");
        Assert.Equal(0, contacts.GetProperty("total").GetInt32());
        var people = await team.Client.GetFromJsonAsync<JsonElement>($"/api/outreach/people?programme={team.Programme.Slug}&q=Nobody");
        Assert.Empty(people.GetProperty("people").EnumerateArray());
    }

    [Fact]
    public async Task Contact_WithUnknownTopic_Returns400NamingTheField()
    {
        var team = await OutreachTeam.CreateAsync(app);
        var session = await team.SessionAsync(await team.PlaceAsync());

        var response = await team.ContactAsync(session, topics: ["weather"]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("informationGiven", out _));
    }

    [Fact]
    public async Task Outcome_BeforeFirstContact_Returns400()
    {
        var team = await OutreachTeam.CreateAsync(app);
        var session = await team.SessionAsync(await team.PlaceAsync(), "2026-03-10");
        var person = await OutreachTeam.PersonOf(await team.ContactAsync(session, nickname: "Hawa"));

        var before = await team.Client.PostAsJsonAsync($"/api/outreach/people/{person}/outcomes", new { kind = "protection-application-belgium", date = "2026-03-09" });
        var after = await team.Client.PostAsJsonAsync($"/api/outreach/people/{person}/outcomes", new { kind = "protection-application-belgium", date = "2026-03-10" });

        Assert.Equal(HttpStatusCode.BadRequest, before.StatusCode);
        Assert.Contains("first contact", (await before.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("date")[0].GetString());
        Assert.Equal(HttpStatusCode.Created, after.StatusCode);
    }

    [Fact]
    public async Task ReturningPerson_IsFoundByNicknameSoundOrPhone_AndContactsAreLinked()
    {
        var team = await OutreachTeam.CreateAsync(app);
        var session = await team.SessionAsync(await team.PlaceAsync());
        var person = await OutreachTeam.PersonOf(await team.ContactAsync(session, nickname: "Mohammed", phone: "+32 470 11 22 33"));
        await team.ContactAsync(session, personId: person, topics: ["reception"]);

        foreach (var q in new[] { "moham", "Muhammad", "470112233" })
        {
            var found = await team.Client.GetFromJsonAsync<JsonElement>($"/api/outreach/people?programme={team.Programme.Slug}&q={Uri.EscapeDataString(q)}");
            var match = Assert.Single(found.GetProperty("people").EnumerateArray());
            Assert.Equal(person, match.GetProperty("id").GetGuid());
            Assert.Equal(2, match.GetProperty("contacts").GetInt32());
        }
        var view = await team.Client.GetFromJsonAsync<JsonElement>($"/api/outreach/people/{person}");
        Assert.Equal(2, view.GetProperty("contacts").GetArrayLength());
    }

    [Fact]
    public async Task Person_WhoWantsAccompaniment_BecomesALinkedCase()
    {
        var team = await OutreachTeam.CreateAsync(app);
        var session = await team.SessionAsync(await team.PlaceAsync());
        var person = await OutreachTeam.PersonOf(await team.ContactAsync(session, nickname: "Yusuf"));

        var missing = await team.Client.PostAsJsonAsync($"/api/outreach/people/{person}/case", new { firstName = "Yusuf" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("lastName", await missing.Content.ReadAsStringAsync());

        var opened = await team.Client.PostAsJsonAsync($"/api/outreach/people/{person}/case", new { firstName = "Yusuf", lastName = "Adam" });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var caseId = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetGuid();
        var view = await team.Client.GetFromJsonAsync<JsonElement>($"/api/outreach/people/{person}");
        Assert.Equal(caseId, view.GetProperty("caseId").GetGuid());
        var @case = await team.Client.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        Assert.Equal("Adam", @case.GetProperty("members")[0].GetProperty("lastName").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await team.Client.PostAsJsonAsync($"/api/outreach/people/{person}/case", new { firstName = "Yusuf", lastName = "Adam" })).StatusCode);
    }

    [Fact]
    public async Task InboundReferral_WaitsInTheQueue_UntilLinkedToAPerson()
    {
        var team = await OutreachTeam.CreateAsync(app);
        var partner = await OutreachTeam.IdOf(await team.Client.PostAsJsonAsync("/api/partners", new { name = "Médecins du Monde", kind = "medical" }));
        var session = await team.SessionAsync(await team.PlaceAsync());
        var referral = await OutreachTeam.IdOf(await team.Client.PostAsJsonAsync("/api/outreach/referrals",
            new { programme = team.Programme.Slug, partnerId = partner, date = "2026-03-01", name = "Meron", language = "ti", reason = "Needs a medical follow-up" }));
        var waiting = await team.Client.GetFromJsonAsync<JsonElement>($"/api/outreach/referrals?programme={team.Programme.Slug}&status=waiting");
        Assert.Equal(referral, Assert.Single(waiting.EnumerateArray()).GetProperty("id").GetGuid());

        var contact = await (await team.ContactAsync(session, nickname: "Meron", orientation: ["medical"])).Content.ReadFromJsonAsync<JsonElement>();
        var linked = await team.Client.PostAsJsonAsync($"/api/outreach/referrals/{referral}/link",
            new { personId = contact.GetProperty("personId").GetGuid(), contactId = contact.GetProperty("id").GetGuid() });

        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        Assert.Equal("contacted", (await linked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Empty((await team.Client.GetFromJsonAsync<JsonElement>($"/api/outreach/referrals?programme={team.Programme.Slug}&status=waiting")).EnumerateArray());
    }

    [Fact]
    public async Task CrossBorderSharing_OnlyWithAgreement_ReadOnly_AndStopsWhenWithdrawn()
    {
        var belgian = await OutreachTeam.CreateAsync(app, "BE");
        var french = await OutreachTeam.CreateAsync(app, "FR");
        var session = await belgian.SessionAsync(await belgian.PlaceAsync("Gare du Nord"), "2026-03-10");
        var tesfay = await OutreachTeam.PersonOf(await belgian.ContactAsync(session, nickname: "Tesfay", nationality: "ER", language: "ti", phone: "+32 470 00 00 01"));
        var other = await OutreachTeam.PersonOf(await belgian.ContactAsync(session, nickname: "Abdi"));
        await belgian.Client.PostAsJsonAsync($"/api/outreach/people/{tesfay}/outcomes", new { kind = "protection-application-belgium", date = "2026-03-20" }).Succeeded();

        Assert.Equal(HttpStatusCode.NotFound, (await french.Client.GetAsync($"/api/outreach/people/{tesfay}")).StatusCode);
        var refused = await belgian.Client.PostAsJsonAsync($"/api/outreach/people/{tesfay}/shares", new { with = french.Programme.Slug });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("agreement", await refused.Content.ReadAsStringAsync());

        var agreement = await OutreachTeam.IdOf(await belgian.Client.PostAsJsonAsync($"/api/outreach/people/{tesfay}/agreements",
            new { with = french.Programme.Slug, date = "2026-03-21", explainedHow = "Explained by the mediator in Tigrinya", language = "ti" }));
        Assert.Equal(HttpStatusCode.Created, (await belgian.Client.PostAsJsonAsync($"/api/outreach/people/{tesfay}/shares", new { with = french.Programme.Slug })).StatusCode);

        var shared = await french.Client.GetFromJsonAsync<JsonElement>("/api/outreach/shared");
        Assert.Equal(tesfay, Assert.Single(shared.EnumerateArray()).GetProperty("id").GetGuid());
        var seen = await french.Client.GetFromJsonAsync<JsonElement>($"/api/outreach/people/{tesfay}");
        Assert.True(seen.GetProperty("readOnly").GetBoolean());
        Assert.Equal(belgian.Organisation.Name, seen.GetProperty("sharedBy").GetString());
        Assert.Equal(1, seen.GetProperty("contacts").GetArrayLength());
        Assert.Equal(1, seen.GetProperty("outcomes").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("phone").ValueKind);
        Assert.Empty(seen.GetProperty("agreements").EnumerateArray());

        // Read-only and nothing else: no writes, not the person who did not agree, not the team's other records.
        Assert.Equal(HttpStatusCode.NotFound, (await french.Client.PutAsJsonAsync($"/api/outreach/people/{tesfay}", new { nickname = "Changed" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await french.Client.PostAsJsonAsync($"/api/outreach/people/{tesfay}/outcomes", new { kind = "reception-france", date = "2026-03-25" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await french.Client.PostAsJsonAsync($"/api/outreach/people/{tesfay}/agreements/{agreement}/withdraw", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await french.ContactAsync(await french.SessionAsync(await french.PlaceAsync("Calais", "Calais")), personId: tesfay)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await french.Client.GetAsync($"/api/outreach/people/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await french.Client.GetAsync($"/api/outreach/sessions/{session}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await french.Client.GetAsync($"/api/outreach/dashboard?programme={belgian.Programme.Slug}")).StatusCode);

        var withdrawn = await belgian.Client.PostAsJsonAsync($"/api/outreach/people/{tesfay}/agreements/{agreement}/withdraw", new { });
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await french.Client.GetAsync($"/api/outreach/people/{tesfay}")).StatusCode);
        Assert.Empty((await french.Client.GetFromJsonAsync<JsonElement>("/api/outreach/shared")).EnumerateArray());
        var again = await belgian.Client.PostAsJsonAsync($"/api/outreach/people/{tesfay}/shares", new { with = french.Programme.Slug });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
    }

    [Fact]
    public async Task OutreachRecords_OfOtherOrganisation_Are404()
    {
        var owner = await OutreachTeam.CreateAsync(app);
        var stranger = await OutreachTeam.CreateAsync(app);
        var place = await owner.PlaceAsync();
        var session = await owner.SessionAsync(place);
        var contact = await (await owner.ContactAsync(session, nickname: "Karzan")).Content.ReadFromJsonAsync<JsonElement>();
        var person = contact.GetProperty("personId").GetGuid();
        var partner = await OutreachTeam.IdOf(await owner.Client.PostAsJsonAsync("/api/partners", new { name = "Fedasil", kind = "authority" }));
        var referral = await OutreachTeam.IdOf(await owner.Client.PostAsJsonAsync("/api/outreach/referrals",
            new { programme = owner.Programme.Slug, partnerId = partner, date = "2026-03-01", name = "Omar", reason = "Sleeps outside" }));

        foreach (var url in new[]
        {
            $"/api/outreach/sessions/{session}", $"/api/outreach/people/{person}", $"/api/outreach/places?programme={owner.Programme.Slug}",
            $"/api/outreach/sessions?programme={owner.Programme.Slug}", $"/api/outreach/contacts?programme={owner.Programme.Slug}",
            $"/api/outreach/referrals?programme={owner.Programme.Slug}", $"/api/outreach/dashboard?programme={owner.Programme.Slug}",
            $"/api/outreach/dashboard.csv?programme={owner.Programme.Slug}",
        })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync(url)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.PostAsJsonAsync($"/api/outreach/people/{person}/outcomes", new { kind = "reception-belgium", date = "2026-03-10" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.PostAsJsonAsync($"/api/outreach/people/{person}/agreements", new { with = stranger.Programme.Slug, date = "2026-03-10", explainedHow = "x", language = "fr" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.PostAsJsonAsync($"/api/outreach/referrals/{referral}/link", new { personId = person })).StatusCode);
        var intoTheirSession = await stranger.ContactAsync(session, nickname: "Intruder");
        Assert.Equal(HttpStatusCode.BadRequest, intoTheirSession.StatusCode);
        Assert.Contains("sessionId", await intoTheirSession.Content.ReadAsStringAsync());
        var atTheirPlace = await stranger.Client.PostAsJsonAsync("/api/outreach/sessions", new { kind = "permanence", date = "2026-03-10", placeId = place });
        Assert.Equal(HttpStatusCode.BadRequest, atTheirPlace.StatusCode);
        Assert.Contains("placeId", await atTheirPlace.Content.ReadAsStringAsync());
        var mine = await stranger.Client.GetFromJsonAsync<JsonElement>($"/api/outreach/people?programme={stranger.Programme.Slug}&q=Karzan");
        Assert.Empty(mine.GetProperty("people").EnumerateArray());
        Assert.Empty((await stranger.Client.GetFromJsonAsync<JsonElement>("/api/outreach/shared")).EnumerateArray());
    }

    [Fact]
    public async Task Evaluator_SeesTheDashboard_ButNoPeople()
    {
        var team = await OutreachTeam.CreateAsync(app);
        var session = await team.SessionAsync(await team.PlaceAsync());
        var person = await OutreachTeam.PersonOf(await team.ContactAsync(session, nickname: "Bilal"));
        var evaluator = await app.ApiClientAsync(await app.CreateUserAsync(Trajet.Web.Features.Accounts.Roles.Evaluator, team.Organisation, team.Programme));

        Assert.Equal(HttpStatusCode.OK, (await evaluator.GetAsync($"/api/outreach/dashboard?programme={team.Programme.Slug}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await evaluator.GetAsync($"/api/outreach/people/{person}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await evaluator.GetAsync($"/api/outreach/contacts?programme={team.Programme.Slug}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.PostAsJsonAsync("/api/outreach/contacts", new { sessionId = session, informationGiven = new[] { "dublin" } })).StatusCode);
    }
}

public sealed class OutreachApiTestsOnSqlite(SqliteApp app) : OutreachApiTests(app), IClassFixture<SqliteApp>;

public sealed class OutreachApiTestsOnPostgres(PostgresApp app) : OutreachApiTests(app), IClassFixture<PostgresApp>;
