using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.Audit;
using Trajet.Web.Features.Outreach;

namespace Trajet.Tests.Features.Outreach;

/// <summary>
/// A person's details edited on two devices, or in two browsers: changes to different fields both land; a field both
/// changed is a conflict, shown with both values, and nothing is saved until the user chooses.
/// </summary>
public abstract class EditPersonTests(TrajetApp app)
{
    private const string Details = "form[action*='handler=Details']";

    private async Task<HttpClient> SecondDeviceAsync(OutreachTeam team) =>
        await app.ApiClientAsync(await app.CreateUserAsync(Roles.OutreachWorker, team.Organisation, team.Programme));

    private async Task<HttpClient> BrowserAsync(OutreachTeam team) =>
        await app.SignedInBrowserAsync(await app.CreateUserAsync(Roles.OutreachWorker, team.Organisation, team.Programme));

    private static Task<HttpResponseMessage> PatchAsync(HttpClient client, Guid id, object body) =>
        client.PatchAsJsonAsync($"/api/outreach/people/{id}", body);

    private static async Task<JsonElement> PersonAsync(HttpClient client, Guid id) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/outreach/people/{id}");

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task Patch_TwoDevicesChangeDifferentFields_BothLand()
    {
        var team = await OutreachTeam.CreateAsync(app);
        var id = await team.PersonAsync("Abdi", phone: "0470 11 22 33");
        using var other = await SecondDeviceAsync(team);
        var version = (await PersonAsync(team.Client, id)).GetProperty("version").GetInt32();

        var phone = await PatchAsync(team.Client, id, new { version, @base = new { phone = "0470 11 22 33" }, changes = new { phone = "0480 99 88 77" } });
        var names = await PatchAsync(other, id, new
        {
            version,
            @base = new { lastName = (string?)null, gender = "male", languages = new[] { "ar" } },
            changes = new { lastName = "Hassan", gender = "other", languages = new[] { "fr", "ar" } },
        });

        Assert.Equal(HttpStatusCode.OK, phone.StatusCode);
        Assert.Equal(HttpStatusCode.OK, names.StatusCode);
        var saved = await JsonOf(names);
        Assert.Equal("0480 99 88 77", saved.GetProperty("phone").GetString());
        Assert.Equal("Hassan", saved.GetProperty("lastName").GetString());
        Assert.Equal("other", saved.GetProperty("gender").GetString());
        Assert.Equal(["fr", "ar"], saved.GetProperty("languages").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("Abdi", saved.GetProperty("nickname").GetString());
        Assert.Equal(version + 2, saved.GetProperty("version").GetInt32());
        Assert.Equal(saved.ToString(), (await PersonAsync(team.Client, id)).ToString());
    }

    /// <summary>Device one saved the phone; device two, offline meanwhile, changed the phone and the first name from the old phone.</summary>
    private async Task<(OutreachTeam Team, Guid Id, HttpClient Second, HttpResponseMessage Conflict)> ConflictOnThePhoneAsync(string? language = null)
    {
        var team = await OutreachTeam.CreateAsync(app);
        var id = await team.PersonAsync("Abdi", phone: "0470 11 22 33");
        var second = await SecondDeviceAsync(team);
        if (language is not null)
        {
            second.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }
        Assert.Equal(HttpStatusCode.OK, (await PatchAsync(team.Client, id, new { version = 0, @base = new { phone = "0470 11 22 33" }, changes = new { phone = "0480 99 88 77" } })).StatusCode);
        var conflict = await PatchAsync(second, id, new
        {
            version = 0,
            @base = new { phone = "0470 11 22 33", firstName = (string?)null },
            changes = new { phone = "0490 00 00 00", firstName = "Abdirahman" },
        });
        return (team, id, second, conflict);
    }

    [Fact]
    public async Task Patch_SameFieldChangedOnBothDevices_Returns409ListingTheConflict_AndSavesNothing()
    {
        var (team, id, _, conflict) = await ConflictOnThePhoneAsync();

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("application/problem+json", conflict.Content.Headers.ContentType!.MediaType);
        var problem = await JsonOf(conflict);
        Assert.Equal(409, problem.GetProperty("status").GetInt32());
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.10", problem.GetProperty("type").GetString());
        Assert.Equal("Someone else changed these details meanwhile.", problem.GetProperty("title").GetString());
        Assert.Contains("Nothing was saved", problem.GetProperty("detail").GetString());
        Assert.True(problem.TryGetProperty("traceId", out _));
        var saved = await PersonAsync(team.Client, id);
        Assert.Equal(saved.GetProperty("version").GetInt32(), problem.GetProperty("version").GetInt32());
        var only = Assert.Single(problem.GetProperty("conflicts").EnumerateArray());
        Assert.Equal(
            ("phone", "0470 11 22 33", "0490 00 00 00", "0480 99 88 77"),
            (only.GetProperty("field").GetString(), only.GetProperty("base").GetString(), only.GetProperty("mine").GetString(), only.GetProperty("theirs").GetString()));
        Assert.Equal("0480 99 88 77", saved.GetProperty("phone").GetString());
        Assert.Equal(JsonValueKind.Null, saved.GetProperty("firstName").ValueKind);
    }

    [Fact]
    public async Task Patch_ConflictOnAnEnumOrTheLanguages_ListsTheValuesAsTheApiWritesThem()
    {
        var team = await OutreachTeam.CreateAsync(app);
        var id = await team.PersonAsync("Abdi");
        using var other = await SecondDeviceAsync(team);
        var first = await PatchAsync(team.Client, id, new { @base = new { gender = "male", languages = new[] { "ar" } }, changes = new { gender = "female", languages = new[] { "ar", "fr" } } });

        var conflict = await PatchAsync(other, id, new { @base = new { gender = "male", languages = new[] { "ar" } }, changes = new { gender = "other", languages = new[] { "so" } } });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var conflicts = (await JsonOf(conflict)).GetProperty("conflicts").EnumerateArray().ToDictionary(c => c.GetProperty("field").GetString()!);
        Assert.Equal(("male", "other", "female"), (conflicts["gender"].GetProperty("base").GetString(), conflicts["gender"].GetProperty("mine").GetString(), conflicts["gender"].GetProperty("theirs").GetString()));
        Assert.Equal(["ar", "fr"], conflicts["languages"].GetProperty("theirs").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(["so"], conflicts["languages"].GetProperty("mine").EnumerateArray().Select(l => l.GetString()));
    }

    [Theory]
    [InlineData("fr-BE", "Quelqu'un d'autre a modifié ces informations entre-temps.")]
    [InlineData("nl-BE", "Iemand anders heeft deze gegevens intussen gewijzigd.")]
    public async Task Patch_Conflict_IsExplainedInTheCallersLanguage(string language, string title)
    {
        var (_, _, _, conflict) = await ConflictOnThePhoneAsync(language);

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal(title, (await JsonOf(conflict)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Patch_ResentWithTheSavedValueAsBase_Returns200()
    {
        var (team, id, second, conflict) = await ConflictOnThePhoneAsync();
        var theirs = (await JsonOf(conflict)).GetProperty("conflicts")[0].GetProperty("theirs").GetString();

        var resent = await PatchAsync(second, id, new
        {
            version = (await JsonOf(conflict)).GetProperty("version").GetInt32(),
            @base = new { phone = theirs, firstName = (string?)null },
            changes = new { phone = "0490 00 00 00", firstName = "Abdirahman" },
        });
        var again = await PatchAsync(second, id, new { @base = new { phone = theirs }, changes = new { phone = "0490 00 00 00" } });

        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        var saved = await PersonAsync(team.Client, id);
        Assert.Equal(("0490 00 00 00", "Abdirahman"), (saved.GetProperty("phone").GetString(), saved.GetProperty("firstName").GetString()));
        // The same edit sent twice (an outbox retrying) finds its value saved: nothing to do, no conflict.
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(saved.GetProperty("version").GetInt32(), (await JsonOf(again)).GetProperty("version").GetInt32());
    }

    [Theory]
    [InlineData("""{"version":0,"base":{},"changes":{"phone":"0480 99 88 77"}}""", "base.phone")]
    [InlineData("""{"version":0,"base":{"phone":"0470 11 22 33","shoeSize":"42"},"changes":{"phone":"0480 99 88 77","shoeSize":"43"}}""", "changes.shoeSize")]
    [InlineData("""{"version":0,"base":{"phone":"0470 11 22 33","gender":"male"},"changes":{"phone":"0480 99 88 77","gender":"robot"}}""", "changes.gender")]
    [InlineData("""{"version":0,"base":{"phone":"0470 11 22 33","gender":"man"},"changes":{"phone":"0480 99 88 77","gender":"female"}}""", "base.gender")]
    [InlineData("""{"version":0,"base":{"phone":"0470 11 22 33","nickname":"Abdi"},"changes":{"phone":"0480 99 88 77","nickname":" "}}""", "changes.nickname")]
    [InlineData("""{"version":0,"base":{"languages":["ar"]},"changes":{"languages":["ar","xx"]}}""", "changes.languages")]
    [InlineData("""{"version":0,"base":{"phone":"0470 11 22 33"},"changes":{"phone":470998877}}""", "changes.phone")]
    [InlineData("""{"version":0,"base":{},"changes":{}}""", "changes")]
    public async Task Patch_WithAFieldMissingUnknownOrRefused_Returns400NamingIt_AndSavesNothing(string body, string field)
    {
        var team = await OutreachTeam.CreateAsync(app);
        var id = await team.PersonAsync("Abdi", phone: "0470 11 22 33");
        var before = await PersonAsync(team.Client, id);

        var response = await team.Client.PatchAsync($"/api/outreach/people/{id}", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await JsonOf(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), errors.ToString());
        Assert.Equal(before.ToString(), (await PersonAsync(team.Client, id)).ToString());
    }

    [Fact]
    public async Task Patch_OnAnotherOrganisationsPerson_OrAnUnknownOne_Returns404()
    {
        var team = await OutreachTeam.CreateAsync(app);
        var stranger = await OutreachTeam.CreateAsync(app);
        var id = await team.PersonAsync("Abdi", phone: "0470 11 22 33");
        var body = new { version = 0, @base = new { phone = "0470 11 22 33" }, changes = new { phone = "0480 99 88 77" } };

        var theirs = await PatchAsync(stranger.Client, id, body);
        var unknown = await PatchAsync(team.Client, Guid.NewGuid(), body);

        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("0470 11 22 33", (await PersonAsync(team.Client, id)).GetProperty("phone").GetString());
    }

    [Theory]
    [InlineData("0470 00 00 00", false)]
    [InlineData("0460 00 00 00", true)]
    public async Task Edit_WhenSavedBetweenItsReadAndItsWrite_IsMergedAgainWithWhatWasSaved(string phoneSavedMeanwhile, bool conflicts)
    {
        var team = await OutreachTeam.CreateAsync(app);
        var id = await team.PersonAsync("Abdi", phone: "0470 00 00 00");
        var edit = new EditPerson.Edit(["phone"], new() { Phone = "0470 00 00 00" }, new() { Phone = "0480 00 00 00" });

        var outcome = await app.WithDbAsync(async (db, _) =>
        {
            var person = await db.OutreachPeople.SingleAsync(p => p.Id == id);
            // Another request saves between this one's read and its write: its version check fails, once.
            await app.WithDbAsync(async (other, _) =>
            {
                var meanwhile = await other.OutreachPeople.SingleAsync(p => p.Id == id);
                (meanwhile.LastName, meanwhile.Phone) = ("Hassan", phoneSavedMeanwhile);
                meanwhile.Index();
                return await other.SaveChangesAsync();
            });
            return await EditPerson.ExecuteAsync(db, person, edit, CancellationToken.None);
        });

        Assert.Null(outcome.Failed);
        Assert.Equal(conflicts, outcome.Value!.Conflicts.Count == 1);
        var saved = await PersonAsync(team.Client, id);
        Assert.Equal(conflicts ? phoneSavedMeanwhile : "0480 00 00 00", saved.GetProperty("phone").GetString());
        Assert.Equal("Hassan", saved.GetProperty("lastName").GetString());
        // The refused attempt's audit entry went with it: the trail holds the change saved meanwhile, and this one once.
        var updates = await app.WithDbAsync((db, _) => db.AuditEntries.CountAsync(e => e.EntityId == id.ToString() && e.Action == AuditAction.Update));
        Assert.Equal(conflicts ? 1 : 2, updates);
    }

    // ---- the person page's details form ----

    [Theory]
    [InlineData("mine", null, "0490 00 00 00")]
    [InlineData("saved", null, "0480 99 88 77")]
    [InlineData("other", "0480 99 88 77 / 0490 00 00 00", "0480 99 88 77 / 0490 00 00 00")]
    public async Task DetailsForm_BothBrowsersChangeThePhone_TheSecondChoosesInTheConflictPanel(string keep, string? typed, string expected)
    {
        var team = await OutreachTeam.CreateAsync(app);
        var id = await team.PersonAsync("Abdi", phone: "0470 11 22 33");
        using var first = await BrowserAsync(team);
        using var second = await BrowserAsync(team);
        var firstForm = await Html.GetAsync(first, $"/Outreach/Person/{id}");
        var secondForm = await Html.GetAsync(second, $"/Outreach/Person/{id}");

        var firstSave = await Html.SubmitAsync(first, firstForm, Details, new Dictionary<string, string> { ["Details.Phone"] = "0480 99 88 77" });
        var secondSave = await Html.SubmitAsync(second, secondForm, Details, new Dictionary<string, string> { ["Details.Phone"] = "0490 00 00 00", ["Details.FirstName"] = "Abdirahman" });

        Assert.Equal(HttpStatusCode.Redirect, firstSave.StatusCode);
        Assert.Equal(HttpStatusCode.OK, secondSave.StatusCode);
        var panel = await Html.ParseAsync(secondSave);
        var conflict = panel.QuerySelector("fieldset#conflict-phone")!;
        Assert.Equal("Phone", conflict.QuerySelector("legend")!.TextContent);
        var versions = conflict.QuerySelectorAll("label.tap").Select(l => l.TextContent.Trim()).ToList();
        Assert.Equal(2, versions.Count);
        Assert.Contains("Your version", versions[0]);
        Assert.Contains("0490 00 00 00", versions[0]);
        Assert.Contains("Saved meanwhile", versions[1]);
        Assert.Contains("0480 99 88 77", versions[1]);
        Assert.NotNull(panel.QuerySelector("[role=alert]"));
        Assert.Null(panel.QuerySelector("fieldset#conflict-firstName"));
        var stored = await PersonAsync(team.Client, id);
        Assert.Equal(("0480 99 88 77", JsonValueKind.Null), (stored.GetProperty("phone").GetString(), stored.GetProperty("firstName").ValueKind));

        var choice = new Dictionary<string, string> { ["Keep[phone]"] = keep };
        if (typed is not null)
        {
            choice["OtherDetails.Phone"] = typed;
        }
        var chosen = await Html.SubmitAsync(second, panel, Details, choice);

        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        var saved = await PersonAsync(team.Client, id);
        Assert.Equal((expected, "Abdirahman"), (saved.GetProperty("phone").GetString(), saved.GetProperty("firstName").GetString()));
    }

    [Fact]
    public async Task DetailsForm_TwoBrowsersChangeDifferentFields_BothAreSaved()
    {
        var team = await OutreachTeam.CreateAsync(app);
        var id = await team.PersonAsync("Abdi", phone: "0470 11 22 33");
        using var first = await BrowserAsync(team);
        using var second = await BrowserAsync(team);
        var firstForm = await Html.GetAsync(first, $"/Outreach/Person/{id}");
        var secondForm = await Html.GetAsync(second, $"/Outreach/Person/{id}");

        var firstSave = await Html.SubmitAsync(first, firstForm, Details, new Dictionary<string, string> { ["Details.Phone"] = "0480 99 88 77" });
        var secondSave = await Html.SubmitAsync(second, secondForm, Details, new Dictionary<string, string> { ["Details.LastName"] = "Hassan" });

        Assert.Equal(HttpStatusCode.Redirect, firstSave.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, secondSave.StatusCode);
        var page = await Html.GetAsync(second, secondSave.Headers.Location!.OriginalString);
        Assert.Equal("0480 99 88 77", Input(page, "Details.Phone"));
        Assert.Equal("Hassan", Input(page, "Details.LastName"));
        Assert.Equal("0480 99 88 77", Input(page, "DetailsBase.Phone"));
        Assert.Null(page.QuerySelector("fieldset[id^=conflict-]"));
    }

    [Theory]
    [InlineData("fr-BE", "Téléphone", "Votre version", "Enregistré entre-temps")]
    [InlineData("nl-BE", "Telefoon", "Uw versie", "Intussen opgeslagen")]
    public async Task DetailsForm_ConflictPanel_SpeaksTheUsersLanguage(string language, string legend, string mine, string saved)
    {
        var team = await OutreachTeam.CreateAsync(app);
        var id = await team.PersonAsync("Abdi", phone: "0470 11 22 33");
        using var second = await BrowserAsync(team);
        second.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var form = await Html.GetAsync(second, $"/Outreach/Person/{id}");
        await PatchAsync(team.Client, id, new { @base = new { phone = "0470 11 22 33" }, changes = new { phone = "0480 99 88 77" } });

        var conflict = await Html.ParseAsync(await Html.SubmitAsync(second, form, Details, new Dictionary<string, string> { ["Details.Phone"] = "0490 00 00 00" }));

        var fieldset = conflict.QuerySelector("fieldset#conflict-phone")!;
        Assert.Equal(legend, fieldset.QuerySelector("legend")!.TextContent);
        Assert.Contains(mine, fieldset.TextContent);
        Assert.Contains(saved, fieldset.TextContent);
    }

    private static string? Input(IHtmlDocument page, string name) =>
        (page.QuerySelector($"{Details} input[name='{name}']") as IHtmlInputElement)?.Value;
}

public sealed class EditPersonTestsOnSqlite(SqliteApp app) : EditPersonTests(app), IClassFixture<SqliteApp>;

public sealed class EditPersonTestsOnPostgres(PostgresApp app) : EditPersonTests(app), IClassFixture<PostgresApp>;
