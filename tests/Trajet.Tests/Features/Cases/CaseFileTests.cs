using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.Organisations;

namespace Trajet.Tests.Features.Cases;

/// <summary>The life of a case file through the API: screening, admission, pause, closure, assignment, duplicates, conflicts.</summary>
public abstract class CaseFileTests(TrajetApp app)
{
    private async Task<(HttpClient Client, Programme Programme, List<Guid> Criteria, Organisation Organisation)> ManagerAsync(string role = Roles.CaseManager)
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var criteria = await app.AddCriteriaAsync(programme, "Child under 18", "No residence permit", "Stable housing");
        var client = await app.ApiClientAsync(await app.CreateUserAsync(role, organisation, programme));
        return (client, programme, criteria, organisation);
    }

    private static Task<HttpResponseMessage> ScreenAsync(HttpClient client, Guid id, IEnumerable<Guid> criteria, string answer = "met", string date = "2026-02-05") =>
        client.PutAsJsonAsync($"/api/cases/{id}/screening", new { date, answers = criteria.Select(c => new { criterionId = c, answer, note = "Seen at home" }) });

    // A case whose one parent has that name (born that day, when given).
    private static async Task<Guid> PersonAsync(HttpClient client, string programme, string first, string last, string nationality, string? born = null)
    {
        var (id, _) = await CaseBuilder.OpenAsync(client, programme);
        await CaseBuilder.AddMemberAsync(client, id, new { role = "parent", firstName = first, lastName = last, birthDate = born, nationality });
        return id;
    }

    // The cases a search lists, in its order.
    private static async Task<List<Guid>> SearchAsync(HttpClient client, string q) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/cases?q={Uri.EscapeDataString(q)}")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();

    private static async Task<JsonElement> StatusAsync(HttpClient client, Guid id, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.PostAsJsonAsync($"/api/cases/{id}/status", body);
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Case_FromReferralToClosure_RecordsEveryStepWithDateAndReason()
    {
        var (client, programme, criteria, _) = await ManagerAsync();
        var (id, _) = await CaseBuilder.OpenAsync(client, programme.Slug, date: "2026-01-10");

        Assert.Equal(HttpStatusCode.OK, (await ScreenAsync(client, id, criteria, date: "2026-01-20")).StatusCode);
        Assert.Equal("screening", (await client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}")).GetProperty("status").GetString());
        await StatusAsync(client, id, new { to = "admitted", date = "2026-02-01" });
        await StatusAsync(client, id, new { to = "active", date = "2026-02-02" });
        await StatusAsync(client, id, new { to = "paused", date = "2026-05-01", reason = "Family needs time after the decision" });
        await StatusAsync(client, id, new { to = "active", date = "2026-06-01" });
        var closed = await StatusAsync(client, id, new { to = "closed", date = "2026-09-30", reason = "Permit granted", outcome = "resolved-regularisation", durableSolution = "legal-stay-here" });

        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.Equal("2026-02-01", closed.GetProperty("admittedOn").GetString());
        Assert.Equal("2026-09-30", closed.GetProperty("closedOn").GetString());
        Assert.Equal("resolved-regularisation", closed.GetProperty("outcome").GetString());
        Assert.Equal("legal-stay-here", closed.GetProperty("durableSolution").GetString());
        var history = closed.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["2026-01-10", "2026-01-20", "2026-02-01"], history.Take(3).Select(h => h.GetProperty("date").GetString()));
        Assert.Equal(["referred", "screening", "admitted", "active", "paused", "active", "closed"], history.Select(h => h.GetProperty("to").GetString()));
        Assert.Equal("Family needs time after the decision", history[4].GetProperty("reason").GetString());
        Assert.Empty(closed.GetProperty("nextStatuses").EnumerateArray());

        // Reopening is a coordinator's decision (ReopeningTests).
        var reopened = await client.PostAsJsonAsync($"/api/cases/{id}/status", new { to = "active", reason = "Came back" });
        Assert.Equal(HttpStatusCode.Forbidden, reopened.StatusCode);
    }

    [Fact]
    public async Task Decline_FromReferral_KeepsTheReferralOnRecord()
    {
        var (client, programme, _, _) = await ManagerAsync();
        var (id, _) = await CaseBuilder.OpenAsync(client, programme.Slug);

        await StatusAsync(client, id, new { to = "declined", reason = "No risk of detention" });

        var declined = await client.GetFromJsonAsync<JsonElement>($"/api/cases?status=declined&programme={programme.Slug}");
        Assert.Equal(1, declined.GetProperty("total").GetInt32());
        var all = await client.GetFromJsonAsync<JsonElement>($"/api/cases?programme={programme.Slug}");
        Assert.Equal(1, all.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Admit_BeforeEveryCriterionIsRecorded_Returns400()
    {
        var (client, programme, criteria, _) = await ManagerAsync();
        var (id, _) = await CaseBuilder.OpenAsync(client, programme.Slug);
        Assert.Equal(HttpStatusCode.OK, (await ScreenAsync(client, id, criteria.Take(2))).StatusCode);

        var problem = await StatusAsync(client, id, new { to = "admitted" }, HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("to", out _));
    }

    [Fact]
    public async Task Admit_WithCriterionNotMet_NeedsAReason()
    {
        var (client, programme, criteria, _) = await ManagerAsync();
        var (id, _) = await CaseBuilder.OpenAsync(client, programme.Slug);
        Assert.Equal(HttpStatusCode.OK, (await ScreenAsync(client, id, criteria.Take(2))).StatusCode);
        await client.PutAsJsonAsync($"/api/cases/{id}/screening", new { answers = new[] { new { criterionId = criteria[2], answer = "not-met", note = "Staying with friends" } } }).Succeeded();

        var refused = await StatusAsync(client, id, new { to = "admitted" }, HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("reason", out _));
        var admitted = await StatusAsync(client, id, new { to = "admitted", reason = "Housing found through the partner" });

        Assert.Equal("admitted", admitted.GetProperty("status").GetString());
        Assert.Equal("not-met", admitted.GetProperty("screening")[2].GetProperty("answer").GetString());
    }

    [Fact]
    public async Task Screening_WithAnswerOutsideTheScale_Returns400NamingIt()
    {
        var (client, programme, criteria, _) = await ManagerAsync();
        var (id, _) = await CaseBuilder.OpenAsync(client, programme.Slug);

        var response = await ScreenAsync(client, id, criteria, answer: "maybe");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("answers[0].answer", out _));
        Assert.Equal("referred", (await client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task StatusChange_WithStaleVersion_Returns409AndChangesNothing()
    {
        var (client, programme, _, _) = await ManagerAsync();
        var (id, _) = await CaseBuilder.OpenAsync(client, programme.Slug);
        var read = (await client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}")).GetProperty("version").GetInt32();
        await StatusAsync(client, id, new { to = "screening", version = read });

        var stale = await client.PostAsJsonAsync($"/api/cases/{id}/status", new { to = "declined", reason = "x", version = read });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        Assert.Equal("screening", (await client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task MemberUpdate_WithStaleVersion_Returns409AndKeepsTheFirstSave()
    {
        var (client, programme, _, _) = await ManagerAsync();
        var (id, _) = await CaseBuilder.OpenAsync(client, programme.Slug);
        var created = await (await CaseBuilder.AddMemberAsync(client, id, CaseBuilder.Parent())).Content.ReadFromJsonAsync<JsonElement>();
        var member = created.GetProperty("member");
        var memberId = member.GetProperty("id").GetGuid();
        var version = member.GetProperty("version").GetInt32();

        var first = await client.PutAsJsonAsync($"/api/cases/{id}/members/{memberId}", new { role = "parent", firstName = "Lusine", lastName = "Petrosyan", nationality = "AM", arrivalYear = 2015, version });
        var second = await client.PutAsJsonAsync($"/api/cases/{id}/members/{memberId}", new { role = "parent", firstName = "Lucine", lastName = "Petrosyan", nationality = "AM", version });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var saved = (await client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}")).GetProperty("members")[0];
        Assert.Equal("Lusine", saved.GetProperty("firstName").GetString());
        Assert.Equal(2015, saved.GetProperty("arrivalYear").GetInt32());
    }

    [Fact]
    public async Task Member_WithFullProfile_IsReturnedAsRecorded()
    {
        var (client, programme, _, _) = await ManagerAsync();
        var (id, _) = await CaseBuilder.OpenAsync(client, programme.Slug);

        var response = await CaseBuilder.AddMemberAsync(client, id, new
        {
            role = "parent",
            firstName = "Ruslan",
            lastName = "Dudaev",
            aliases = new[] { "Ruslan Dudayev" },
            gender = "male",
            birthDate = "1980-05-01",
            nationality = "RU",
            languages = new[] { "ru", "ce" },
            vulnerabilities = new[] { "torture-survivor", "health-problems" },
            familyLinks = "Brother in Liège",
            arrivalYear = 2012,
            everHadLegalStay = false,
            askedAsylumOnArrival = true,
            detentionDays = 60,
            reDetentions = 1,
            conditionsImposed = "Weekly reporting",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var m = (await client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}")).GetProperty("members")[0];
        Assert.Equal(["Ruslan Dudayev"], m.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(["torture-survivor", "health-problems"], m.GetProperty("vulnerabilities").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(60, m.GetProperty("detentionDays").GetInt32());
        Assert.True(m.GetProperty("askedAsylumOnArrival").GetBoolean());
        Assert.Equal("Weekly reporting", m.GetProperty("conditionsImposed").GetString());
    }

    [Fact]
    public async Task IndividualCase_WithASecondPerson_Returns400()
    {
        var (client, programme, _, _) = await ManagerAsync();
        var (id, _) = await CaseBuilder.OpenAsync(client, programme.Slug, kind: "individual");
        Assert.Equal(HttpStatusCode.Created, (await CaseBuilder.AddMemberAsync(client, id, CaseBuilder.Parent())).StatusCode);

        var second = await CaseBuilder.AddMemberAsync(client, id, CaseBuilder.Parent("Armen", "Petrosyan"));

        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Single((await client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}")).GetProperty("members").EnumerateArray());
    }

    [Fact]
    public async Task Member_WithUnknownVulnerability_Returns400NamingIt()
    {
        var (client, programme, _, _) = await ManagerAsync();
        var (id, _) = await CaseBuilder.OpenAsync(client, programme.Slug);

        var response = await CaseBuilder.AddMemberAsync(client, id, new { role = "parent", firstName = "A", lastName = "B", nationality = "AM", vulnerabilities = new[] { "sad" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("vulnerabilities", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SimilarPeople_FindsTransliterationsAndSwappedNames_WithinTheOrganisationOnly()
    {
        var (client, programme, _, organisation) = await ManagerAsync();
        var (id, number) = await CaseBuilder.OpenAsync(client, programme.Slug);
        await CaseBuilder.AddMemberAsync(client, id, new { role = "parent", firstName = "Mohammed", lastName = "Rahimi", birthDate = "1987-03-04", nationality = "AF" });
        var (stranger, _, strangerProgramme) = await app.NewUserClientAsync(Roles.CaseManager);
        var (strangerCase, _) = await CaseBuilder.OpenAsync(stranger, strangerProgramme.Slug);
        await CaseBuilder.AddMemberAsync(stranger, strangerCase, new { role = "parent", firstName = "Mohamad", lastName = "Rahimy", birthDate = "1987-03-04", nationality = "AF" });

        var variant = await client.GetFromJsonAsync<JsonElement>("/api/people/similar?firstName=Muhammad&lastName=Rahimy&birthDate=1987-03-04");
        var swapped = await client.GetFromJsonAsync<JsonElement>("/api/people/similar?firstName=Rahimi&lastName=Mehmet&birthDate=1987-04-03");
        var tooOld = await client.GetFromJsonAsync<JsonElement>("/api/people/similar?firstName=Muhammad&lastName=Rahimy&birthDate=1960-01-01");

        Assert.Equal([number], variant.EnumerateArray().Select(c => c.GetProperty("caseNumber").GetString()));
        Assert.Equal([number], swapped.EnumerateArray().Select(c => c.GetProperty("caseNumber").GetString()));
        Assert.Empty(tooOld.EnumerateArray());
        _ = organisation;
    }

    [Fact]
    public async Task AddMember_WhenSimilarPersonKnown_ReturnsThePossibleDuplicate()
    {
        var (client, programme, _, _) = await ManagerAsync();
        var (first, number) = await CaseBuilder.OpenAsync(client, programme.Slug);
        await CaseBuilder.AddMemberAsync(client, first, CaseBuilder.Parent("Lusine", "Petrosyan"));
        var (second, _) = await CaseBuilder.OpenAsync(client, programme.Slug);

        var response = await CaseBuilder.AddMemberAsync(client, second, CaseBuilder.Parent("Lusine", "Petrossian"));

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([number], body.GetProperty("possibleDuplicates").EnumerateArray().Select(c => c.GetProperty("caseNumber").GetString()));
    }

    [Fact]
    public async Task List_SearchWithVariantOrAlias_FindsTheCase()
    {
        var (client, programme, _, _) = await ManagerAsync();
        var (id, _) = await CaseBuilder.OpenAsync(client, programme.Slug);
        await CaseBuilder.AddMemberAsync(client, id, new { role = "parent", firstName = "Youssef", lastName = "El Amrani", aliases = new[] { "Yusuf Amrani" }, nationality = "MA" });
        await CaseBuilder.OpenAsync(client, programme.Slug);

        foreach (var q in new[] { "Jusuf", "yousef el amrani", "Amrany", "amrani youssef" })
        {
            var found = await client.GetFromJsonAsync<JsonElement>($"/api/cases?q={Uri.EscapeDataString(q)}");
            Assert.True(found.GetProperty("total").GetInt32() == 1, $"{q} found {found.GetProperty("total")}");
            Assert.Equal(id, found.GetProperty("items")[0].GetProperty("id").GetGuid());
        }
    }

    [Fact]
    public async Task List_SearchWithOtherReadingsOrOneLetterOff_FindsThePersonFirst()
    {
        var (client, programme, _, _) = await ManagerAsync();
        var people = new (string First, string Last, string Query)[]
        {
            ("Omar", "Jama", "Cumar Jaamac"),                  // Somali spelling
            ("Ekaterina", "Lissenko", "Katerina Lysenko"),     // initial vowel dropped
            ("Fatima-Zahra", "Benali", "Fatimazahra Ben Ali"), // written on, article apart
            ("Hovhannes", "Grigoryan", "Hovanes Grigorian"),   // one letter off
        };
        var ids = new List<Guid>();
        foreach (var (first, last, _) in people)
        {
            var (id, _) = await CaseBuilder.OpenAsync(client, programme.Slug);
            await CaseBuilder.AddMemberAsync(client, id, new { role = "parent", firstName = first, lastName = last, nationality = "SO" });
            ids.Add(id);
        }

        foreach (var (person, id) in people.Zip(ids))
        {
            var found = await client.GetFromJsonAsync<JsonElement>($"/api/cases?q={Uri.EscapeDataString(person.Query)}");
            Assert.True(found.GetProperty("total").GetInt32() >= 1, $"{person.Query} found nothing");
            Assert.Equal(id, found.GetProperty("items")[0].GetProperty("id").GetGuid());
        }
    }

    [Fact]
    public async Task List_SearchByPartOfAName_FollowsARename()
    {
        var (client, programme, _, _) = await ManagerAsync();
        var (id, _) = await CaseBuilder.OpenAsync(client, programme.Slug);
        var created = await (await CaseBuilder.AddMemberAsync(client, id, new { role = "parent", firstName = "Lusine", lastName = "Petrosyan", nationality = "AM" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var member = created.GetProperty("member");
        // Parts of two words: no name key matches them, only the text of the name does.
        async Task<int> Total(string q) => (await client.GetFromJsonAsync<JsonElement>($"/api/cases?q={Uri.EscapeDataString(q)}")).GetProperty("total").GetInt32();
        Assert.Equal(1, await Total("sine petro"));

        var renamed = await client.PutAsJsonAsync($"/api/cases/{id}/members/{member.GetProperty("id").GetGuid()}",
            new { role = "parent", firstName = "Anahit", lastName = "Petrosyan", nationality = "AM", version = member.GetProperty("version").GetInt32() });

        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal(0, await Total("sine petro"));
        Assert.Equal(1, await Total("ahit petro"));
    }

    [Fact]
    public async Task List_SearchOneLetterOff_NeedsOneWordByItsOwnSound()
    {
        var (client, programme, _, _) = await ManagerAsync();
        var meant = await PersonAsync(client, programme.Slug, "Mohamed", "Hamdan", "AF");
        await PersonAsync(client, programme.Slug, "Hamid", "Karimi", "AF"); // Hamid is one letter from both Muhammad and Hamdn, but is one word

        Assert.Equal([meant], await SearchAsync(client, "Muhamad Hamdn"));
    }

    [Fact]
    public async Task List_SearchOneLetterOff_AddsCloseSoundsAfterTheSameName()
    {
        var (client, programme, _, _) = await ManagerAsync();
        Task<Guid> Person(string first) => PersonAsync(client, programme.Slug, first, "Raizuov", "UA");
        var nikolay = await Person("Nikolay");
        var mykola = await Person("Mykola"); // a short name's first letter one sound away (n, m)
        await Person("Fatima");              // three letters, the first another sound: not Goitom
        var goitom = await Person("Goitom");

        Assert.Equal([nikolay, mykola], await SearchAsync(client, "Nikolay Raizuov"));
        Assert.Equal([goitom], await SearchAsync(client, "Goitom Raizuov"));
        Assert.Equal([goitom], await SearchAsync(client, "Goitom \"Raizuov")); // a quote is text, not search syntax
    }

    [Fact]
    public async Task List_SearchWithBirthYear_KeepsThatYearAndRanksTheSameSpellingFirst()
    {
        var (client, programme, _, _) = await ManagerAsync();
        Task<Guid> Person(string first, string last, string? born) => PersonAsync(client, programme.Slug, first, last, "GN", born);
        var sameSpelling = await Person("Mamadou", "Diallo", "1987-03-12");
        var otherSpelling = await Person("Mamadu", "Jallo", "1987-05-01");
        var otherYear = await Person("Mamadou", "Diallo", "1980-01-01");
        var unknownAge = await Person("Mamadou", "Diallo", null);
        await Person("Aminata", "Diallo", "1987-03-12");

        Task<List<Guid>> Search(string q) => SearchAsync(client, q);

        // Born that year first, best spelling first; of unknown age after them; another year not at all.
        Assert.Equal([otherSpelling, sameSpelling, unknownAge], await Search("Mamadu Jallo 1987"));
        Assert.Equal([sameSpelling, otherSpelling, unknownAge], await Search("Mamadou Diallo 12/03/1987"));
        var withoutYear = await Search("Mamadou Diallo");
        Assert.Equal(4, withoutYear.Count);
        Assert.Equal(otherSpelling, withoutYear[3]);
        Assert.Contains(otherYear, withoutYear.Take(3));
    }

    [Fact]
    public async Task Assignment_ByCoordinator_ShowsInTheWorkersList()
    {
        var (coordinator, programme, _, organisation) = await ManagerAsync(Roles.Coordinator);
        var managerEmail = await app.CreateUserAsync(Roles.CaseManager, organisation, programme);
        using var manager = await app.ApiClientAsync(managerEmail);
        var managerId = (await manager.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("email").GetString() == managerEmail
            ? await app.WithDbAsync((db, _) => Task.FromResult(db.Users.Single(u => u.Email == managerEmail).Id)) : Guid.Empty;
        var (id, _) = await CaseBuilder.OpenAsync(coordinator, programme.Slug);
        await CaseBuilder.OpenAsync(coordinator, programme.Slug);

        var assigned = await coordinator.PutAsJsonAsync($"/api/cases/{id}/assignees", new { userIds = new[] { managerId } });
        var mine = await manager.GetFromJsonAsync<JsonElement>("/api/cases?assignee=me");

        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        Assert.Equal([id], mine.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PutAsJsonAsync($"/api/cases/{id}/assignees", new { userIds = Array.Empty<Guid>() })).StatusCode);
    }

    [Fact]
    public async Task List_TotalsFollowEveryChange_ThoughTheyAreKept()
    {
        var (coordinator, programme, _, organisation) = await ManagerAsync(Roles.Coordinator);
        var managerEmail = await app.CreateUserAsync(Roles.CaseManager, organisation, programme);
        using var manager = await app.ApiClientAsync(managerEmail);
        var managerId = await app.WithDbAsync((db, _) => Task.FromResult(db.Users.Single(u => u.Email == managerEmail).Id));
        async Task<int[]> TotalsAsync() =>
        [
            (await coordinator.GetFromJsonAsync<JsonElement>("/api/cases?status=referred")).GetProperty("total").GetInt32(),
            (await coordinator.GetFromJsonAsync<JsonElement>("/api/cases?status=declined")).GetProperty("total").GetInt32(),
            (await manager.GetFromJsonAsync<JsonElement>("/api/cases?assignee=me")).GetProperty("total").GetInt32(),
        ];
        var before = await TotalsAsync();

        var (id, _) = await CaseBuilder.OpenAsync(coordinator, programme.Slug);
        var opened = await TotalsAsync();
        await coordinator.PutAsJsonAsync($"/api/cases/{id}/assignees", new { userIds = new[] { managerId } }).Succeeded();
        var assigned = await TotalsAsync();
        await StatusAsync(coordinator, id, new { to = "declined", reason = "Not at risk" });
        var declined = await TotalsAsync();

        Assert.Equal([0, 0, 0], before);
        Assert.Equal([1, 0, 0], opened);
        Assert.Equal([1, 0, 1], assigned);
        Assert.Equal([0, 1, 1], declined);
    }

    [Fact]
    public async Task Assignment_OfAUserOfAnotherOrganisation_Returns400()
    {
        var (coordinator, programme, _, _) = await ManagerAsync(Roles.Coordinator);
        var (otherOrganisation, otherProgramme) = await app.CreateOrganisationAsync();
        var outsider = await app.CreateUserAsync(Roles.CaseManager, otherOrganisation, otherProgramme);
        var outsiderId = await app.WithDbAsync((db, _) => Task.FromResult(db.Users.Single(u => u.Email == outsider).Id));
        var (id, _) = await CaseBuilder.OpenAsync(coordinator, programme.Slug);

        var response = await coordinator.PutAsJsonAsync($"/api/cases/{id}/assignees", new { userIds = new[] { outsiderId } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("userIds", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Writes_WhenOtherOrganisation_Return404()
    {
        var (owner, programme, criteria, _) = await ManagerAsync(Roles.Coordinator);
        var (id, _) = await CaseBuilder.OpenAsync(owner, programme.Slug);
        var (stranger, _, _) = await app.NewUserClientAsync(Roles.Coordinator);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/cases/{id}/status", new { to = "declined", reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ScreenAsync(stranger, id, criteria)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PutAsJsonAsync($"/api/cases/{id}/assignees", new { userIds = Array.Empty<Guid>() })).StatusCode);
        Assert.Equal("referred", (await owner.GetFromJsonAsync<JsonElement>($"/api/cases/{id}")).GetProperty("status").GetString());
    }
}

public sealed class CaseFileTestsOnSqlite(SqliteApp app) : CaseFileTests(app), IClassFixture<SqliteApp>;

public sealed class CaseFileTestsOnPostgres(PostgresApp app) : CaseFileTests(app), IClassFixture<PostgresApp>;
