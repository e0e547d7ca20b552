using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Features.Accounts;

namespace Trajet.Tests.Features.Cases;

public abstract class CasesApiTests(TrajetApp app)
{
    [Fact]
    public async Task Open_WithReferral_Returns201WithNumberStatusAndLocation()
    {
        var (client, _, programme) = await app.NewUserClientAsync(Roles.CaseManager);

        var response = await client.PostAsJsonAsync("/api/cases", new
        {
            programme = programme.Slug,
            kind = "family",
            referral = new { source = "detention", referredBy = "Visit in closed centre", date = "2026-01-31" },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("referred", body.GetProperty("status").GetString());
        Assert.Equal("T-2026-0001", body.GetProperty("number").GetString());
        Assert.Equal($"/api/cases/{body.GetProperty("id").GetGuid()}", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Open_TwoCasesSameYear_NumbersFollowEachOther()
    {
        var (client, _, programme) = await app.NewUserClientAsync(Roles.CaseManager);

        var first = await CaseBuilder.OpenAsync(client, programme.Slug);
        var second = await CaseBuilder.OpenAsync(client, programme.Slug);

        Assert.Equal(["T-2026-0001", "T-2026-0002"], new[] { first.Number, second.Number });
    }

    [Fact]
    public async Task Open_AfterTenThousandCasesInAYear_NumbersKeepCounting()
    {
        var (client, organisation, programme) = await app.NewUserClientAsync(Roles.CaseManager);
        await app.WithDbAsync(async (db, _) =>
        {
            foreach (var number in new[] { "T-2026-9999", "T-2026-10000" })
            {
                db.Cases.Add(new Trajet.Web.Features.Cases.Case
                {
                    OrganisationId = organisation.Id,
                    ProgrammeId = programme.Id,
                    Number = number,
                    Referral = new Trajet.Web.Features.Cases.Referral { Date = new DateOnly(2026, 1, 2) },
                });
            }
            return await db.SaveChangesAsync();
        });

        var opened = await CaseBuilder.OpenAsync(client, programme.Slug);

        Assert.Equal("T-2026-10001", opened.Number);
    }

    [Fact]
    public async Task Get_WithMembers_ReturnsHouseholdAndStatus()
    {
        var (client, _, programme) = await app.NewUserClientAsync(Roles.CaseManager);
        var (id, _) = await CaseBuilder.OpenAsync(client, programme.Slug);
        Assert.Equal(HttpStatusCode.Created, (await CaseBuilder.AddMemberAsync(client, id, CaseBuilder.Parent())).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await CaseBuilder.AddMemberAsync(client, id, new { role = "child", firstName = "Ani", lastName = "Petrosyan", gender = "female", estimatedAge = 9, nationality = "AM" })).StatusCode);

        var c = await client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");

        Assert.Equal("referred", c.GetProperty("status").GetString());
        var members = c.GetProperty("members").EnumerateArray().ToList();
        Assert.Equal(["Lusine", "Ani"], members.Select(m => m.GetProperty("firstName").GetString()));
        Assert.Equal(["parent", "child"], members.Select(m => m.GetProperty("role").GetString()));
        Assert.Equal(["hy", "ru"], members[0].GetProperty("languages").EnumerateArray().Select(l => l.GetString()));
    }

    /// <summary>A son or daughter is a child at any age: a grown-up child is entered as one, and editing them saves.</summary>
    [Fact]
    public async Task Members_AChildOver18_IsSavedAndEdited_AsAChild()
    {
        var (client, _, programme) = await app.NewUserClientAsync(Roles.CaseManager);
        var (id, _) = await CaseBuilder.OpenAsync(client, programme.Slug);
        var son = new { role = "child", firstName = "Aram", lastName = "Petrosyan", gender = "male", birthDate = "2005-03-01", nationality = "AM" };

        var added = await CaseBuilder.AddMemberAsync(client, id, son);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var created = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("member");
        var edited = await client.PutAsJsonAsync($"/api/cases/{id}/members/{created.GetProperty("id").GetGuid()}",
            new { son.role, firstName = "Aram-Levon", son.lastName, son.gender, son.birthDate, son.nationality, version = created.GetProperty("version").GetInt32() });

        Assert.True(edited.IsSuccessStatusCode, await edited.Content.ReadAsStringAsync());
        var member = (await client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}")).GetProperty("members")[0];
        Assert.Equal(("Aram-Levon", "child"), (member.GetProperty("firstName").GetString(), member.GetProperty("role").GetString()));
    }

    [Fact]
    public async Task List_SearchByNameWithoutAccentsOrCase_FindsTheCase()
    {
        var (client, _, programme) = await app.NewUserClientAsync(Roles.CaseManager);
        var (id, _) = await CaseBuilder.OpenAsync(client, programme.Slug);
        await CaseBuilder.AddMemberAsync(client, id, CaseBuilder.Parent("Aïssatou", "Diallo"));
        await CaseBuilder.OpenAsync(client, programme.Slug);

        var found = await client.GetFromJsonAsync<JsonElement>("/api/cases?q=AISSATOU&page=1&pageSize=50");

        Assert.Equal(1, found.GetProperty("total").GetInt32());
        Assert.Equal(id, found.GetProperty("items")[0].GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task List_IsPagedAndFiltersOnStatus()
    {
        var (client, _, programme) = await app.NewUserClientAsync(Roles.CaseManager);
        for (var i = 0; i < 3; i++)
        {
            await CaseBuilder.OpenAsync(client, programme.Slug);
        }

        var page = await client.GetFromJsonAsync<JsonElement>("/api/cases?page=2&pageSize=2&status=referred");
        var closed = await client.GetFromJsonAsync<JsonElement>("/api/cases?status=closed");

        Assert.Equal(3, page.GetProperty("total").GetInt32());
        Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal(0, closed.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Get_WhenOtherOrganisation_Returns404AndListOmitsIt()
    {
        var (owner, _, programme) = await app.NewUserClientAsync(Roles.Coordinator);
        var (id, _) = await CaseBuilder.OpenAsync(owner, programme.Slug);
        var (stranger, _, _) = await app.NewUserClientAsync(Roles.Coordinator);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/cases/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await CaseBuilder.AddMemberAsync(stranger, id, CaseBuilder.Parent())).StatusCode);
        var list = await stranger.GetFromJsonAsync<JsonElement>("/api/cases");
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task Open_InProgrammeOfOtherOrganisation_Returns400OnProgramme()
    {
        var (_, _, otherProgramme) = await app.NewUserClientAsync(Roles.CaseManager);
        var (client, _, _) = await app.NewUserClientAsync(Roles.CaseManager);

        var response = await client.PostAsJsonAsync("/api/cases", new { programme = otherProgramme.Slug, kind = "family", referral = new { source = "self", date = "2026-01-01" } });

        await AssertProblemAsync(response, "programme");
    }

    [Fact]
    public async Task Open_AsEvaluator_Returns403()
    {
        var (client, _, programme) = await app.NewUserClientAsync(Roles.Evaluator);

        var response = await client.PostAsJsonAsync("/api/cases", new { programme = programme.Slug, kind = "family", referral = new { source = "self", date = "2026-01-01" } });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Get_AsEvaluator_ShowsNoNames()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        using var manager = await app.ApiClientAsync(await app.CreateUserAsync(Roles.CaseManager, organisation, programme));
        using var evaluator = await app.ApiClientAsync(await app.CreateUserAsync(Roles.Evaluator, organisation, programme));
        var (id, _) = await CaseBuilder.OpenAsync(manager, programme.Slug);
        await CaseBuilder.AddMemberAsync(manager, id, CaseBuilder.Parent("Lusine", "Petrosyan"));

        var text = await evaluator.GetStringAsync($"/api/cases/{id}");
        var list = await evaluator.GetStringAsync("/api/cases");
        var search = await evaluator.GetFromJsonAsync<JsonElement>("/api/cases?q=petrosyan");

        Assert.DoesNotContain("Petrosyan", text);
        Assert.DoesNotContain("Lusine", text);
        Assert.DoesNotContain("Petrosyan", list);
        Assert.Equal(0, search.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("kind", """{"programme":"P","kind":"famly","referral":{"source":"community","date":"2026-01-01"}}""")]
    [InlineData("referral.source", """{"programme":"P","kind":"family","referral":{"source":"friend","date":"2026-01-01"}}""")]
    [InlineData("referral.date", """{"programme":"P","kind":"family","referral":{"source":"community","date":"2126-01-01"}}""")]
    [InlineData("referral.date", """{"programme":"P","kind":"family","referral":{"source":"community","date":"2026-13-45"}}""")]
    [InlineData("referral.date", """{"programme":"P","kind":"family","referral":{"source":"community"}}""")]
    public async Task Open_WithBadField_Returns400NamingItAndSavesNothing(string field, string json)
    {
        var (client, _, programme) = await app.NewUserClientAsync(Roles.CaseManager);

        var response = await client.PostAsync("/api/cases", new StringContent(json.Replace("\"P\"", $"\"{programme.Slug}\""), Encoding.UTF8, "application/json"));

        await AssertProblemAsync(response, field);
        var list = await client.GetFromJsonAsync<JsonElement>("/api/cases");
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Open_WithBadFieldInFrench_AnswersInFrench()
    {
        var (client, _, programme) = await app.NewUserClientAsync(Roles.CaseManager);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr-BE");

        var response = await client.PostAsJsonAsync("/api/cases", new { programme = programme.Slug, kind = "family", referral = new { source = "self", date = "2126-01-01" } });

        var problem = await AssertProblemAsync(response, "referral.date");
        Assert.Equal("La date d'orientation ne peut pas être dans le futur.", problem.GetProperty("errors").GetProperty("referral.date")[0].GetString());
    }

    [Theory]
    [InlineData("birthDate", """{"role":"parent","firstName":"A","lastName":"B","birthDate":"2199-01-01","nationality":"AM"}""")]
    [InlineData("nationality", """{"role":"parent","firstName":"A","lastName":"B","nationality":"XQ"}""")]
    [InlineData("lastName", """{"role":"parent","firstName":"A","lastName":"  ","nationality":"AM"}""")]
    [InlineData("languages", """{"role":"parent","firstName":"A","lastName":"B","nationality":"AM","languages":["armenian"]}""")]
    [InlineData("role", """{"role":"uncle","firstName":"A","lastName":"B","nationality":"AM"}""")]
    public async Task AddMember_WithBadField_Returns400NamingItAndSavesNothing(string field, string json)
    {
        var (client, _, programme) = await app.NewUserClientAsync(Roles.CaseManager);
        var (id, _) = await CaseBuilder.OpenAsync(client, programme.Slug);

        var response = await client.PostAsync($"/api/cases/{id}/members", new StringContent(json, Encoding.UTF8, "application/json"));

        await AssertProblemAsync(response, field);
        var c = await client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");
        Assert.Empty(c.GetProperty("members").EnumerateArray());
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"No error on {field}: {problem}");
        return problem;
    }
}

public sealed class CasesApiTestsOnSqlite(SqliteApp app) : CasesApiTests(app), IClassFixture<SqliteApp>;

public sealed class CasesApiTestsOnPostgres(PostgresApp app) : CasesApiTests(app), IClassFixture<PostgresApp>;
