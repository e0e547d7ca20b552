using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Trajet.Tests.Features.Cases;
using Trajet.Tests.Features.Coaching;
using Trajet.Tests.Features.Documents;
using Trajet.Tests.Features.Imports;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.Documents;
using Trajet.Web.Features.Organisations;
using Trajet.Web.Infrastructure;

namespace Trajet.Tests.Security;

/// <summary>
/// Hostile input against every write endpoint of the API (read from the app's EndpointDataSource): SQL injection
/// strings, script tags, malformed JSON and oversized bodies. Each is refused (a 4xx problem) or stored inert:
/// the database keeps its tables and rows, the text comes back exactly as sent, and every page that shows it
/// shows it HTML-encoded. No answer is a 500, none carries a stack trace.
///
/// A write endpoint without a sample body below still gets the hostile strings (in the common free-text field
/// names), malformed JSON and an oversized body; add a valid sample to <see cref="Samples"/> so that every one of
/// its string fields is tried in turn. A new route parameter needs one line in <see cref="Fill"/>.
/// </summary>
public abstract partial class HostileInputTests(TrajetApp app)
{
    public const string DropTable = "'; DROP TABLE \"Cases\";--";
    public const string OrTrue = "' OR 1=1 --";
    public const string ScriptTag = "<script>alert(1)</script>";
    public const string ImgTag = "\"><img src=x onerror=alert(1)>";
    private static readonly string[] Payloads = [DropTable, OrTrue, ScriptTag, ImgTag];

    /// <summary>Which of the walker's own records fills a route parameter (longest matching prefix wins).</summary>
    private static readonly (string Prefix, string Parameter, Func<Own, string> Value)[] Fill =
    [
        ("/api/cases/{id}", "id", o => o.CaseId),
        ("/api/cases/{id}/members/{memberId}", "memberId", o => o.MemberId),
        ("/api/cases/{id}/referrals/{referralId}", "referralId", o => o.ReferralId),
        ("/api/cases/{id}/consents/{consentId}", "consentId", o => o.ConsentId),
        ("/Privacy/", "id", o => o.CaseId),
        ("/api/cases/{id}/plan/actions/{actionId}", "actionId", o => o.ActionId),
        ("/api/cases/{id}/documents/{docId}", "docId", o => o.DocumentId),
        ("/Cases/", "id", o => o.CaseId),
        ("/Cases/EditMember/{id}/{memberId}", "memberId", o => o.MemberId),
        ("/CaseWork/", "id", o => o.CaseId),
        ("/Instruments/", "id", o => o.CaseId),
        ("/Documents/Upload/{id}", "id", o => o.CaseId),
        ("/Partners/Refer/{id}", "id", o => o.CaseId),
        ("/Programmes/Criteria/{slug}", "slug", o => o.ProgrammeSlug),
        ("/Admin/Organisations/Edit/{id}", "id", o => o.OrganisationId),
        ("/api/organisations/{id}", "id", o => o.OrganisationId),
        ("/Admin/Users/Edit/{id}", "id", o => o.UserId),
        ("/Privacy/Person/{id}/{memberId}", "memberId", o => o.MemberId),
        ("/Imports/Review/{id}", "id", o => o.PendingImportId),
        ("/api/outreach/people/{id}/agreements/{agreementId}", "agreementId", o => o.ConsentId),
        .. ProgrammeRecords.Routes.Select(r => (r.Prefix, r.Parameter, (Func<Own, string>)(o => r.Value(o.Coaching, o.Outreach)))),
        ("/openapi/", "documentName", _ => "v1"),
        ("/api/", "path", _ => "no-such-endpoint"),
        // A calendar feed's secret: one that has the right shape but was never handed out.
        ("/calendar/", "token", _ => System.Buffers.Text.Base64Url.EncodeToString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))),
    ];

    /// <summary>Write endpoints not walked, each with its reason.</summary>
    private static readonly (string Route, string Reason)[] NotSent =
    [
        ("POST /api/auth/manage/2fa", "changes the walker's own authenticator key and so ends its sessions"),
        ("POST /api/auth/manage/info", "changes the walker's own e-mail or password"),
        ("POST /api/cases/{id}/documents", "a multipart form: hostile names, titles and notes are sent by Upload_WithHostileFileNamesAndText_StoresThemInert"),
        ("POST /api/cases/{id}/members/{memberId}/erase", "takes no body, and erasing the walker's own person would wipe the texts this suite reads back (SubjectRightsTests covers it)"),
    ];

    /// <summary>A valid body for each write endpoint; each string in it is replaced in turn by each hostile string.</summary>
    private static readonly Dictionary<string, Func<Own, object>> Samples = new()
    {
        ["POST /api/cases"] = o => new { programme = o.ProgrammeSlug, kind = "family", referral = new { source = "community", referredBy = "School", date = "2026-01-31" } },
        ["POST /api/cases/{id}/status"] = _ => new { to = "screening", date = "2026-01-11", reason = "Started" },
        ["PUT /api/cases/{id}/screening"] = o => new { date = "2026-01-12", answers = new[] { new { criterionId = o.CriterionId, answer = "met", note = "Yes" } } },
        ["PUT /api/cases/{id}/assignees"] = o => new { userIds = new[] { o.UserId } },
        ["POST /api/cases/{id}/members"] = _ => Member(null),
        ["PUT /api/cases/{id}/members/{memberId}"] = o => Member(o.MemberVersion()),
        ["POST /api/cases/{id}/interactions"] = _ => new { type = "home-visit", date = "2026-02-10", durationMinutes = 60, participants = "Mother", language = "hy", notes = "Visit", nextSteps = "Call" },
        ["POST /api/cases/{id}/legal-events"] = _ => new { type = "decision", date = "2026-02-01", outcome = "negative", authority = "CGRS", reference = "R-1", lawyer = "Me Dupont", notes = "Appeal" },
        ["POST /api/cases/{id}/plan/goals"] = _ => new { option = "legal-stay-here", description = "Regularisation", agreedOn = "2026-02-01" },
        ["POST /api/cases/{id}/plan/actions"] = o => new { goalId = o.GoalId, description = "Certificates", owner = "family", dueDate = "2026-12-01" },
        ["POST /api/cases/{id}/plan/reviews"] = _ => new { date = "2026-03-01", progress = "Going", changes = "None" },
        ["PUT /api/cases/{id}/plan/actions/{actionId}/status"] = _ => new { status = "done" },
        ["POST /api/cases/{id}/summary-sheets"] = _ => new
        {
            date = "2026-03-01",
            impact = new { engagement = "some", risk = "some", trust = "limited" },
            group1 = new { impact = "some", obstacles = "Fear", prompts = new { moreInformation = "yes" } },
            group2 = new { impact = "none", obstacles = "None" },
            group3 = new { impact = "some", obstacles = "Housing" },
            observations = "Calmer",
        },
        ["POST /api/cases/{id}/baseline-sheets"] = _ => new { date = "2026-01-20", scores = Enumerable.Range(1, 14).Select(i => new { item = i, score = 5, why = i == 1 ? "Because" : null }) },
        ["POST /api/partners"] = _ => new { name = "Partner", kind = "lawyer", contact = "Desk", phone = "+32 2 000 00 00", email = "desk@partner.example", notes = "Fast" },
        ["POST /api/cases/{id}/referrals"] = o => new { partnerId = o.PartnerId, date = "2026-02-01", reason = "Appeal", notes = "Urgent" },
        ["PUT /api/cases/{id}/referrals/{referralId}/status"] = _ => new { status = "sent", familyAgreedOn = "2026-02-02" },
        ["POST /api/cases/{id}/consents"] = _ => new { purpose = "evaluation", givenOn = "2026-01-20", explainedHow = "Information sheet", language = "fr" },
        ["POST /api/cases/{id}/consents/{consentId}/withdraw"] = _ => new { note = "Changed their mind" },
        ["POST /api/desks"] = o => new
        {
            programme = o.Coaching.Slug,
            name = "Desk",
            address = "Rue de la Loi 1",
            region = "brussels",
            contact = "+32 2 000 00 00",
            openings = new[] { new { day = "wednesday", opens = "09:00", closes = "12:00" } },
        },
        ["POST /api/desks/{id}/walk-ins"] = _ => new { date = CoachingSetup.LastWednesday().ToString("yyyy-MM-dd"), arrivedAt = "10:00", name = "Samuel", language = "en", firstVisit = true, question = "Can I appeal?" },
        ["PUT /api/desks/{id}/walk-ins/{walkInId}/outcome"] = _ => new { outcome = "information-given", outcomeNotes = "Appeal deadline explained" },
        ["POST /api/appointments"] = o => new
        {
            caseId = o.Coaching.CaseId,
            date = CoachingSetup.NextWednesday(weeksLater: 1).ToString("yyyy-MM-dd"),
            start = "10:00",
            end = "10:30",
            deskId = o.Coaching.DeskId,
            kind = "follow-up",
            bookedBy = "coach",
            purpose = "Follow-up",
            invitation = new { language = "fr", addressee = "Kwame", contact = "Desk" },
        },
        ["POST /api/appointments/{id}/cancel"] = _ => new { reason = "Ill" },
        ["POST /api/outreach/places"] = o => new { programme = o.Outreach.Slug, name = "Station", type = "station", city = "Brussels", region = "Brussels-Capital" },
        ["POST /api/outreach/sessions"] = o => new { kind = "outdoor-round", date = "2026-03-10", placeId = o.Outreach.PlaceId, languages = new[] { "fr" }, notes = "Cold night" },
        ["POST /api/outreach/contacts"] = o => new
        {
            sessionId = o.Outreach.SessionId,
            nickname = "Karzan",
            gender = "male",
            ageBand = "from18-to25",
            nationality = "SD",
            language = "ar",
            mediatorInterpreted = true,
            informationGiven = new[] { "dublin", "other" },
            informationOther = "Winter plan",
            orientation = Array.Empty<string>(),
        },
        ["POST /api/outreach/people"] = o => new
        {
            programme = o.Outreach.Slug,
            nickname = "Omar",
            firstName = "Omar",
            lastName = "Kaya",
            phone = "+32 470 00 00 00",
            gender = "male",
            ageBand = "from18-to25",
            nationality = "SD",
            languages = new[] { "ar" },
        },
        ["POST /api/outreach/people/{id}/outcomes"] = _ => new { kind = "reception-belgium", date = "2026-03-12", notes = "Fedasil" },
        ["POST /api/outreach/referrals"] = o => new { programme = o.Outreach.Slug, partnerId = o.PartnerId, date = "2026-03-01", name = "Omar", phone = "+32 470", language = "ar", reason = "Sleeps outside" },
        ["POST /api/auth/login"] = _ => new { email = "nobody@test.example", password = "Wrong-Passw0rd!" },
        ["POST /api/auth/refresh"] = _ => new { refreshToken = "not-a-token" },
    };

    private static object Member(int? version) => new
    {
        role = "parent",
        firstName = "Ani",
        lastName = "Petrosyan",
        aliases = new[] { "Anik" },
        gender = "female",
        birthDate = "1986-04-02",
        nationality = "AM",
        languages = new[] { "hy" },
        familyLinks = "Mother of two",
        conditionsImposed = "Reporting weekly",
        version,
    };

    /// <summary>The walker's organisation and records; the ids the routes and samples need.</summary>
    public sealed record Own(
        TrajetApp App, string OrganisationId, string ProgrammeSlug, string CaseId, string MemberId, string GoalId, string ActionId,
        string PartnerId, string ReferralId, string ConsentId, string DocumentId, string CriterionId, string UserId, string Email)
    {
        /// <summary>The walker's coaching programme (desk, walk-in, appointment with its letter) and outreach programme (place, session, person, inbound referral).</summary>
        public ProgrammeRecords.Coaching Coaching { get; init; } = null!;
        public ProgrammeRecords.Outreach Outreach { get; init; } = null!;
        /// <summary>The walker's spreadsheet waiting for review on the import's page.</summary>
        public string PendingImportId { get; init; } = "";

        public int MemberVersion() => App.WithDbAsync((db, _) => db.Members.Where(m => m.Id == Guid.Parse(MemberId)).Select(m => m.Version).SingleAsync()).GetAwaiter().GetResult();
    }

    [Fact]
    public async Task EveryWriteEndpoint_RefusesHostileTextOrStoresItInert()
    {
        var own = await OwnAsync();
        using var api = await app.ApiClientAsync(own.Email);
        var failures = new List<string>();
        var stored = new HashSet<string>();
        var writes = await WritesAsync();

        foreach (var route in writes)
        {
            var url = FillRoute(route, own);
            var bodies = Samples.TryGetValue($"{route.Method} {route.Pattern}", out var sample)
                ? Variants(JsonSerializer.SerializeToNode(sample(own), JsonSerializerOptions.Web)!)
                : Payloads.Select(p => (Field: "(common fields)", Body: (JsonNode)new JsonObject { ["name"] = p, ["title"] = p, ["description"] = p, ["notes"] = p, ["reason"] = p, ["text"] = p }));
            foreach (var (field, body) in bodies)
            {
                var json = body.ToJsonString();
                using var response = await api.SendAsync(new HttpRequestMessage(new HttpMethod(route.Method), url) { Content = new StringContent(json, Encoding.UTF8, "application/json") });
                var text = await response.Content.ReadAsStringAsync();
                Check($"{route} with {field}", response, text, failures);
                if (response.IsSuccessStatusCode)
                {
                    stored.UnionWith(Payloads.Where(p => json.Contains(JsonSerializer.Serialize(p, JsonSerializerOptions.Web), StringComparison.Ordinal)));
                }
            }
        }

        Assert.True(failures.Count == 0, "Hostile input was not handled:\n" + string.Join('\n', failures));
        await AssertDatabaseIntactAsync(own);
        // Every hostile string was stored somewhere (a note, a name) and reads back exactly, as data.
        Assert.Equal(Payloads.Order(), stored.Order());
        var read = await ReadBackAsync(api, own);
        Assert.All(Payloads, p => Assert.Contains(p, read));
        await AssertPagesShowItEncodedAsync(own);
    }

    [Fact]
    public async Task MalformedJson_Returns400ProblemNamingTheBodyOrField_OnEveryWriteEndpoint()
    {
        var own = await OwnAsync();
        using var api = await app.ApiClientAsync(own.Email);
        var failures = new List<string>();
        string[] malformed = ["{\"kind\": ", "[1, 2", "{\"date\": \"2026-01-01\",}", "not json at all", "{\"a\": " + new string('[', 200) + new string(']', 200) + "}"];

        foreach (var route in await WritesAsync())
        {
            foreach (var json in malformed)
            {
                using var response = await api.SendAsync(new HttpRequestMessage(new HttpMethod(route.Method), FillRoute(route, own)) { Content = new StringContent(json, Encoding.UTF8, "application/json") });
                var text = await response.Content.ReadAsStringAsync();
                Check($"{route} with {json}", response, text, failures);
                // Identity's closed endpoints answer 404 whatever the body, one that reads no body ignores it; every other one names what is wrong.
                if (route.TakesBody && response.StatusCode != HttpStatusCode.NotFound && (response.StatusCode != HttpStatusCode.BadRequest || !IsProblem(response) || !text.Contains("\"errors\"", StringComparison.Ordinal)))
                {
                    failures.Add($"{route} with {json}: {(int)response.StatusCode} {text}; expected a 400 problem naming the body or field");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task OversizedBody_Is413Problem_OnEveryWriteEndpoint()
    {
        var own = await OwnAsync();
        using var api = await app.ApiClientAsync(own.Email);
        var failures = new List<string>();
        var huge = JsonSerializer.Serialize(new { notes = new string('x', (int)RequestLimits.DefaultMaxBodyBytes) });

        foreach (var route in await WritesAsync())
        {
            using var response = await api.SendAsync(new HttpRequestMessage(new HttpMethod(route.Method), FillRoute(route, own)) { Content = new StringContent(huge, Encoding.UTF8, "application/json") });
            var text = await response.Content.ReadAsStringAsync();
            Check(route.ToString(), response, text, failures);
            if (response.StatusCode != HttpStatusCode.RequestEntityTooLarge || !IsProblem(response))
            {
                failures.Add($"{route}: {(int)response.StatusCode}; expected a 413 problem");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        await AssertDatabaseIntactAsync(own);
    }

    [Fact]
    public async Task OversizedPageForm_Is413_AndSavesNothing()
    {
        var own = await OwnAsync();
        using var browser = await app.SignedInBrowserAsync(own.Email);
        var form = await Html.GetAsync(browser, $"/CaseWork/LogInteraction/{own.CaseId}");
        var before = await app.WithDbAsync((db, _) => db.Interactions.CountAsync(i => i.CaseId == Guid.Parse(own.CaseId)));

        using var response = await Html.SubmitAsync(browser, form, "main form", new Dictionary<string, string>
        {
            ["Input.Date"] = "2026-02-03",
            ["Input.Notes"] = new string('x', (int)RequestLimits.DefaultMaxBodyBytes),
        });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, await app.WithDbAsync((db, _) => db.Interactions.CountAsync(i => i.CaseId == Guid.Parse(own.CaseId))));
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("..\\..\\x.pdf")]
    [InlineData("/etc/cron.d/x.pdf")]
    [InlineData("C:\\Windows\\x.pdf")]
    public async Task Upload_WithTraversalFileName_StoresTheFileUnderItsOwnNameOnly(string fileName)
    {
        var own = await OwnAsync();
        using var api = await app.ApiClientAsync(own.Email);
        var store = app.Services.GetRequiredService<IConfiguration>()["Documents:Path"]!;
        var root = Path.GetDirectoryName(Path.GetFullPath(store))!;
        var before = Directory.GetFiles(root, "*", SearchOption.AllDirectories).ToHashSet();

        using var response = await api.PostAsync($"/api/cases/{own.CaseId}/documents", DocumentFiles.Form(file: DocumentFiles.Pdf(), fileName: fileName));

        var text = await response.Content.ReadAsStringAsync();
        Assert.False(LooksLikeStackTrace(text), text);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var stored = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fileName").GetString()!;
        Assert.DoesNotContain('/', stored);
        Assert.DoesNotContain('\\', stored);
        Assert.DoesNotContain("..", stored, StringComparison.Ordinal);
        // The only new file on disk is the store's own, under a random name, inside the store (none with the database store).
        var added = Directory.GetFiles(root, "*", SearchOption.AllDirectories).Except(before).ToList();
        if (app.Storage().Store == DocumentStoreKind.Files)
        {
            Assert.Equal(Path.GetFullPath(store), Path.GetDirectoryName(Assert.Single(added)));
            Assert.Matches("^[0-9a-f]{32}$", Path.GetFileName(added[0]));
        }
        else
        {
            Assert.Empty(added);
        }
    }

    [Fact]
    public async Task Upload_WithHostileFileNamesAndText_StoresThemInert()
    {
        var own = await OwnAsync();
        using var api = await app.ApiClientAsync(own.Email);

        foreach (var payload in Payloads)
        {
            using var form = DocumentFiles.Form(title: payload);
            var file = new ByteArrayContent(DocumentFiles.Pdf());
            // The client refuses quotes in a plain file name; the encoded form (RFC 5987) carries any text, and the server reads it first.
            file.Headers.ContentDisposition = new System.Net.Http.Headers.ContentDispositionHeaderValue("form-data") { Name = "file", FileNameStar = payload + ".pdf" };
            form.Add(file);
            using var response = await api.PostAsync($"/api/cases/{own.CaseId}/documents", form);
            var text = await response.Content.ReadAsStringAsync();
            Assert.False(LooksLikeStackTrace(text), text);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            Assert.Equal(payload, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        }

        await AssertDatabaseIntactAsync(own);
        await AssertPagesShowItEncodedAsync(own);
    }

    [Fact]
    public async Task EveryPage_AnswersARequestForNoneOfItsHandlers_With400_Not500()
    {
        var own = await OwnAsync();
        var routes = await EndpointCatalog.AllAsync(app);
        // Pages without a default POST handler: a form post there (valid token, no handler) matches nothing. Every page
        // also gets a GET naming a handler it does not have.
        var pages = routes.Where(r => r.IsPage).Select(r => r.Pattern).Distinct().ToList();
        var withoutDefaultPost = pages.Where(p => !routes.Any(r => r.Pattern == p && r is { Method: "POST", Handler: null })).ToList();
        Assert.Contains("/Cases/Details/{id}", withoutDefaultPost);
        Assert.Contains("/CaseWork/Plan/{id}", withoutDefaultPost);
        var failures = new List<string>();
        var posts = 0;
        foreach (var email in new[] { own.Email, await app.CreateUserAsync(Roles.Administrator) })
        {
            using var browser = await app.SignedInBrowserAsync(email);
            var token = (await Html.GetAsync(browser, "/Accounts/ChangePassword")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            foreach (var page in pages)
            {
                var path = FillRoute(new EndpointCatalog.Route(page, "GET", true, null, routes.First(r => r.Pattern == page).Parameters, false, false), own);
                if (withoutDefaultPost.Contains(page))
                {
                    using var post = await browser.PostAsync(path, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
                    Check($"POST {page} ({email})", post);
                }
                using var get = await browser.GetAsync($"{path}?handler=NoSuchHandler");
                Check($"GET {page}?handler=NoSuchHandler ({email})", get);
            }
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.True(posts > 20, $"{posts} posts without a handler");

        void Check(string what, HttpResponseMessage response)
        {
            // 400 where the page has handlers for that method and none matches; a page without any (the home page) is
            // simply shown; where the walker may not open the page at all, its usual refusal. Never a server error.
            if ((int)response.StatusCode >= 500 || (what.StartsWith("POST", StringComparison.Ordinal) && response.StatusCode == HttpStatusCode.OK))
            {
                failures.Add($"{what} answered {(int)response.StatusCode}");
            }
            posts += what.StartsWith("POST", StringComparison.Ordinal) && response.StatusCode == HttpStatusCode.BadRequest ? 1 : 0;
        }
    }

    [Fact]
    public async Task ControlCharacters_AreStrippedFromStoredText_ButLineBreaksAndTabsKept()
    {
        var (client, _, programme) = await app.NewUserClientAsync(Roles.CaseManager);
        var (caseId, _) = await CaseBuilder.OpenAsync(client, programme.Slug);

        using var member = await client.PostAsJsonAsync($"/api/cases/{caseId}/members", CaseBuilder.Parent("Lu\u0000sine", "Petro\u0007syan"));
        using var visit = await client.PostAsJsonAsync($"/api/cases/{caseId}/interactions",
            new { type = "home-visit", date = "2026-02-10", durationMinutes = 60, notes = "Visit\u0000 done\r\nNext:\tcall\u001b[31m" });

        Assert.Equal(HttpStatusCode.Created, member.StatusCode);
        Assert.Equal(HttpStatusCode.Created, visit.StatusCode);
        var stored = await app.WithDbAsync(async (db, _) => (
            await db.Members.Where(m => m.CaseId == caseId).Select(m => m.FirstName + "|" + m.LastName).SingleAsync(),
            (await db.Interactions.Where(i => i.CaseId == caseId).SingleAsync()).Notes));
        Assert.Equal("Lusine|Petrosyan", stored.Item1);
        Assert.Equal("Visit done\r\nNext:\tcall[31m", stored.Notes);
        Assert.Contains("Visit done\r\nNext:\tcall[31m", (await client.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/interactions")).GetProperty("items")[0].GetProperty("notes").GetString());
    }

    [Theory]
    [InlineData("a\u0000b\u0001c\u007fd\u0085e", "abcde")]
    [InlineData("line\r\nnext\tcell", "line\r\nnext\tcell")]
    [InlineData("Ğüçlü 😀", "Ğüçlü 😀")]
    public void ControlCharacters_Strip_KeepsLineBreaksTabsAndEveryPrintableCharacter(string text, string kept) =>
        Assert.Equal(kept, ControlCharacters.Strip(text));

    [Fact]
    public async Task PageForms_WithScriptTags_ShowThemEncoded()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var email = await app.CreateUserAsync(Roles.CaseManager, organisation, programme);
        using var browser = await app.SignedInBrowserAsync(email);

        var open = await Html.GetAsync(browser, "/Cases/Open");
        using var opened = await Html.SubmitAsync(browser, open, "main form", new Dictionary<string, string>
        {
            ["Input.Programme"] = programme.Slug,
            ["Input.Kind"] = "Family",
            ["Input.Referral.Source"] = "Community",
            ["Input.Referral.ReferredBy"] = ScriptTag,
            ["Input.Referral.Date"] = "2026-01-10",
        });
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var caseId = await app.WithDbAsync((db, _) => db.Cases.Where(c => c.ProgrammeId == programme.Id).Select(c => c.Id).SingleAsync());

        var add = await Html.GetAsync(browser, $"/Cases/AddMember/{caseId}");
        using var added = await Html.SubmitAsync(browser, add, "main form", new Dictionary<string, string>
        {
            ["Input.Role"] = "Parent",
            ["Input.FirstName"] = ImgTag,
            ["Input.LastName"] = ScriptTag,
            ["Input.BirthDate"] = "1986-04-02",
            ["Input.Nationality"] = "AM",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var log = await Html.GetAsync(browser, $"/CaseWork/LogInteraction/{caseId}");
        using var logged = await Html.SubmitAsync(browser, log, "main form", new Dictionary<string, string>
        {
            ["Input.Date"] = "2026-02-03",
            ["Input.Notes"] = ScriptTag + ImgTag,
            ["Input.NextSteps"] = DropTable,
        });
        Assert.Equal(HttpStatusCode.Redirect, logged.StatusCode);

        foreach (var url in new[] { $"/Cases/Details/{caseId}", $"/Cases/Timeline/{caseId}", "/Cases" })
        {
            using var response = await browser.GetAsync(url);
            var html = await response.Content.ReadAsStringAsync();
            AssertInert(url, html, await Html.ParseAsync(response));
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        }
        Assert.Equal(ScriptTag, await app.WithDbAsync((db, _) => db.Members.Where(m => m.CaseId == caseId).Select(m => m.LastName).SingleAsync()));
    }

    [Fact]
    public async Task CalendarFeed_WithAnUnknownOrHostileSecret_Answers404_Not500()
    {
        var own = await OwnAsync();
        var feed = (await EndpointCatalog.AllAsync(app)).Single(r => r.Pattern == "/calendar/{token}.ics");
        using var anonymous = app.CreateClient();
        var urls = Payloads.Select(p => feed.Pattern.Replace("{token}", Uri.EscapeDataString(p), StringComparison.Ordinal)).Prepend(FillRoute(feed, own));

        foreach (var url in urls)
        {
            using var response = await anonymous.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"GET {url} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Upload_WithRevokedToken_Returns401_Not500()
    {
        var own = await OwnAsync();
        var email = await app.CreateUserAsync(Roles.CaseManager);
        using var api = await app.ApiClientAsync(email);
        await app.WithDbAsync(async (_, services) =>
        {
            var users = services.GetRequiredService<UserManager<User>>();
            return await users.UpdateSecurityStampAsync((await users.FindByEmailAsync(email))!);
        });

        using var response = await api.PostAsync($"/api/cases/{own.CaseId}/documents", DocumentFiles.Form(file: DocumentFiles.Pdf()));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    // ---- helpers ----

    /// <summary>Two bodies per string field, the sample with that one string replaced: an SQL string and a tag, in turn.</summary>
    private static IEnumerable<(string Field, JsonNode Body)> Variants(JsonNode sample)
    {
        var paths = new List<string>();
        Strings(sample, "$", paths);
        foreach (var (path, i) in paths.Select((p, i) => (p, i)))
        {
            foreach (var payload in new[] { Payloads[i % 2], Payloads[2 + ((i / 2) % 2)] })
            {
                var copy = sample.DeepClone();
                Replace(copy, path, payload);
                yield return (path, copy);
            }
        }
    }

    private static void Strings(JsonNode? node, string path, List<string> paths)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    Strings(value, $"{path}.{key}", paths);
                }
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    Strings(a[i], $"{path}[{i}]", paths);
                }
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                paths.Add(path);
                break;
        }
    }

    private static void Replace(JsonNode root, string path, string value)
    {
        var steps = PathStep().Matches(path).Select(m => m.Value).ToList();
        var node = root;
        for (var i = 0; i < steps.Count - 1; i++)
        {
            node = Step(node, steps[i]);
        }
        var last = steps[^1];
        if (last.StartsWith('['))
        {
            node.AsArray()[int.Parse(last[1..^1], System.Globalization.CultureInfo.InvariantCulture)] = value;
        }
        else
        {
            node.AsObject()[last[1..]] = value;
        }
    }

    private static JsonNode Step(JsonNode node, string step) =>
        step.StartsWith('[') ? node.AsArray()[int.Parse(step[1..^1], System.Globalization.CultureInfo.InvariantCulture)]! : node.AsObject()[step[1..]]!;

    [GeneratedRegex(@"\.[^.\[]+|\[\d+\]")]
    private static partial Regex PathStep();

    private static bool IsProblem(HttpResponseMessage response) => response.Content.Headers.ContentType?.MediaType == "application/problem+json";

    /// <summary>Frames of a .NET stack trace, an exception's type name, or a source line.</summary>
    public static bool LooksLikeStackTrace(string text) =>
        text.Contains(".cs:line", StringComparison.Ordinal) || StackFrame().IsMatch(text) || text.Contains("Exception:", StringComparison.Ordinal)
        || text.Contains("\"exception\"", StringComparison.OrdinalIgnoreCase) || text.Contains("stackTrace", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"\bat (Trajet|Microsoft|System)\.[\w.`<>]+\(")]
    private static partial Regex StackFrame();

    private static void Check(string what, HttpResponseMessage response, string text, List<string> failures)
    {
        if ((int)response.StatusCode >= 500)
        {
            failures.Add($"{what}: {(int)response.StatusCode} {text}");
        }
        if (LooksLikeStackTrace(text))
        {
            failures.Add($"{what}: the answer shows a stack trace");
        }
    }

    private async Task<List<EndpointCatalog.Route>> WritesAsync() =>
        (await EndpointCatalog.AllAsync(app))
            .Where(r => !r.IsPage && r.IsWrite && !NotSent.Any(n => n.Route == $"{r.Method} {r.Pattern}"))
            .ToList();

    private static string FillRoute(EndpointCatalog.Route route, Own own)
    {
        var path = route.Pattern;
        foreach (var parameter in route.Parameters)
        {
            var rule = Fill.Where(f => f.Parameter == parameter && route.Pattern.StartsWith(f.Prefix, StringComparison.Ordinal)).OrderByDescending(f => f.Prefix.Length).FirstOrDefault();
            Assert.True(rule.Value is not null, $"No value for {{{parameter}}} in {route.Pattern}: add a line to HostileInputTests.Fill.");
            path = path.Replace($"{{**{parameter}}}", rule.Value(own), StringComparison.Ordinal).Replace($"{{{parameter}}}", rule.Value(own), StringComparison.Ordinal);
        }
        return path;
    }

    private async Task AssertDatabaseIntactAsync(Own own)
    {
        var caseId = Guid.Parse(own.CaseId);
        Assert.True(await app.WithDbAsync((db, _) => db.Cases.AnyAsync(c => c.Id == caseId)));
        Assert.True(await app.WithDbAsync((db, _) => db.Members.AnyAsync(m => m.CaseId == caseId)));
        Assert.True(await app.WithDbAsync((db, _) => db.Users.AnyAsync(u => u.Email == own.Email)));
        Assert.True(await app.WithDbAsync((db, _) => db.Organisations.AnyAsync()));
    }

    /// <summary>Every string value of every API read of the walker's records.</summary>
    private async Task<HashSet<string>> ReadBackAsync(HttpClient api, Own own)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        var reads = (await EndpointCatalog.AllAsync(app)).Where(r => !r.IsPage && r.Method == "GET" && r.Pattern.StartsWith("/api/", StringComparison.Ordinal) && !r.Pattern.Contains("**", StringComparison.Ordinal));
        foreach (var route in reads)
        {
            using var response = await api.GetAsync($"{FillRoute(route, own)}?programme={own.ProgrammeSlug}&pageSize=200");
            if (response.Content.Headers.ContentType?.MediaType?.EndsWith("json", StringComparison.Ordinal) == true && response.IsSuccessStatusCode)
            {
                Collect(await response.Content.ReadFromJsonAsync<JsonElement>(), values);
            }
        }
        return values;
    }

    private static void Collect(JsonElement element, HashSet<string> values)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                values.Add(element.GetString()!);
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Collect(property.Value, values);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, values);
                }
                break;
        }
    }

    /// <summary>Every page (each GET route, filled with the walker's records) shows the hostile text only encoded.</summary>
    private async Task AssertPagesShowItEncodedAsync(Own own)
    {
        using var browser = await app.SignedInBrowserAsync(own.Email);
        var pages = (await EndpointCatalog.AllAsync(app)).Where(r => r.IsPage && r.Method == "GET" && r.Handler is null && !r.Pattern.StartsWith("/Admin", StringComparison.Ordinal));
        var encoded = false;
        foreach (var route in pages)
        {
            using var response = await browser.GetAsync($"{FillRoute(route, own)}?programme={own.ProgrammeSlug}");
            var html = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode < 500, $"{route}: {(int)response.StatusCode}");
            AssertInert(route.ToString(), html, await Html.ParseAsync(response));
            encoded |= html.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", StringComparison.Ordinal);
        }
        Assert.True(encoded, "No page showed the stored script tag (encoded)");
    }

    private static void AssertInert(string what, string html, IHtmlDocument page)
    {
        Assert.False(html.Contains(ScriptTag, StringComparison.OrdinalIgnoreCase), $"{what} renders a raw script tag");
        Assert.False(html.Contains("<img src=x", StringComparison.OrdinalIgnoreCase), $"{what} renders a raw img tag");
        Assert.DoesNotContain(page.QuerySelectorAll("script"), s => s.TextContent.Contains("alert", StringComparison.Ordinal));
        Assert.Empty(page.QuerySelectorAll("[onerror]"));
        Assert.False(LooksLikeStackTrace(html), $"{what} shows a stack trace");
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<TrajetApp, Lazy<Task<Own>>> Owners = new();

    private Task<Own> OwnAsync() => Owners.GetOrAdd(app, a => new Lazy<Task<Own>>(() => BuildOwnAsync(a))).Value;

    private static async Task<Own> BuildOwnAsync(TrajetApp a)
    {
        var (organisation, programme) = await a.CreateOrganisationAsync();
        var criterion = (await a.AddCriteriaAsync(programme, "Child under 18"))[0];
        var email = await a.CreateUserAsync(Roles.Coordinator, organisation, programme);
        var userId = await a.WithDbAsync((db, _) => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        using var api = await a.ApiClientAsync(email);
        var (caseId, _) = await CaseBuilder.OpenAsync(api, programme.Slug, date: "2026-01-10");

        async Task<JsonElement> Post(string url, object body)
        {
            using var response = await api.PostAsJsonAsync(url, body);
            Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }

        var member = await Post($"/api/cases/{caseId}/members", CaseBuilder.Parent());
        var goal = await Post($"/api/cases/{caseId}/plan/goals", new { option = "legal-stay-here", description = "Stay", agreedOn = "2026-02-01" });
        var goalId = goal.GetProperty("goals")[0].GetProperty("id").GetString()!;
        var plan = await Post($"/api/cases/{caseId}/plan/actions", new { goalId, description = "Act", owner = "family", dueDate = "2026-12-01" });
        var partner = await Post("/api/partners", new { name = "Lawyer", kind = "lawyer" });
        var referral = await Post($"/api/cases/{caseId}/referrals", new { partnerId = partner.GetProperty("id").GetString(), date = "2026-02-01", reason = "Appeal" });
        var consent = await Post($"/api/cases/{caseId}/consents", new { purpose = "evaluation", givenOn = "2026-01-20", explainedHow = "Information sheet", language = "fr" });
        using var upload = await api.PostAsync($"/api/cases/{caseId}/documents", DocumentFiles.Form(file: DocumentFiles.Pdf()));
        var document = await upload.Content.ReadFromJsonAsync<JsonElement>();

        // The coordinator also runs a coaching desk and an outreach team of the organisation.
        var coaching = await ProgrammeRecords.AddProgrammeAsync(a, organisation, ProgrammeKind.IndividualCoaching, userId);
        var desk = await ProgrammeRecords.CoachingAsync(a, api, coaching.Slug, new("Brussels desk", "Samuel", "Kwame", "Can I appeal?"));
        var outreach = await ProgrammeRecords.AddProgrammeAsync(a, organisation, ProgrammeKind.Outreach, userId);
        var team = await ProgrammeRecords.OutreachAsync(new Features.Outreach.OutreachTeam(api, organisation, outreach), new("Gare du Nord", "Karzan", "Omar", "Sleeps outside"));

        var pendingImport = await PendingFiles.AddAsync(a, userId, programme.Id, "Samira", "Haddad");
        return new Own(a, organisation.Id.ToString(), programme.Slug, caseId.ToString(), member.GetProperty("member").GetProperty("id").GetString()!, goalId,
            plan.GetProperty("actions")[0].GetProperty("id").GetString()!, partner.GetProperty("id").GetString()!, referral.GetProperty("id").GetString()!,
            consent.GetProperty("id").GetString()!, document.GetProperty("id").GetString()!, criterion.ToString(), userId.ToString(), email)
        {
            Coaching = desk,
            Outreach = team,
            PendingImportId = pendingImport.ToString(),
        };
    }
}

public sealed class HostileInputTestsOnSqlite(SqliteApp app) : HostileInputTests(app), IClassFixture<SqliteApp>;

public sealed class HostileInputTestsOnPostgres(PostgresApp app) : HostileInputTests(app), IClassFixture<PostgresApp>;
