using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Trajet.Tests.Features.Cases;
using Trajet.Tests.Features.Coaching;
using Trajet.Tests.Features.Documents;
using Trajet.Tests.Features.Imports;
using Trajet.Tests.Features.Outreach;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.LegalEvents;
using Trajet.Web.Features.Organisations;
using Trajet.Web.Features.Outreach;

namespace Trajet.Tests.Security;

/// <summary>
/// The organisation wall, proven by walking the running application: every API endpoint (each HTTP method)
/// and every page (each handler), as read from its EndpointDataSource, is called by users of another
/// organisation — one walk per role — with organisation A's record ids in the route, and must answer 403/404;
/// endpoints without a record (lists, dashboards, reports) must not show any of A's identifying strings.
/// The same walk runs for A's evaluator (no names) and for an administrator (no case data).
///
/// A new endpoint is walked without anyone listing it. If its route has a parameter the walk does not know,
/// <see cref="RouteValues_AreKnownForEveryRoute"/> fails: add ONE line to <see cref="Fill"/> saying which of
/// A's records fills it (a route prefix, the parameter name, the record), e.g.
/// <c>("/api/appointments/{id}", "id", a => a.AppointmentId, true),</c> — and, if the record is new, create it
/// in <see cref="BuildWorldAsync"/> and add its id to <see cref="World"/>.
/// </summary>
public abstract class OrganisationWallTests(TrajetApp app)
{
    /// <summary>Which of A's records fills a route parameter: the longest prefix of the route that matches wins.</summary>
    private static readonly (string Prefix, string Parameter, Func<World, string> Value, bool IsRecord)[] Fill =
    [
        ("/api/cases/{id}", "id", a => a.CaseId, true),
        ("/api/cases/{id}/members/{memberId}", "memberId", a => a.MemberId, true),
        ("/api/cases/{id}/documents/{docId}", "docId", a => a.DocumentId, true),
        ("/api/cases/{id}/referrals/{referralId}", "referralId", a => a.ReferralId, true),
        ("/api/cases/{id}/consents/{consentId}", "consentId", a => a.ConsentId, true),
        ("/Privacy/", "id", a => a.CaseId, true),
        ("/api/cases/{id}/plan/actions/{actionId}", "actionId", a => a.ActionId, true),
        ("/Cases/", "id", a => a.CaseId, true),
        ("/Cases/EditMember/{id}/{memberId}", "memberId", a => a.MemberId, true),
        ("/CaseWork/", "id", a => a.CaseId, true),
        ("/Instruments/", "id", a => a.CaseId, true),
        ("/Documents/Upload/{id}", "id", a => a.CaseId, true),
        ("/Partners/Refer/{id}", "id", a => a.CaseId, true),
        ("/Programmes/Criteria/{slug}", "slug", a => a.ProgrammeSlug, true),
        ("/Admin/Organisations/Edit/{id}", "id", a => a.OrganisationId, true),
        ("/api/organisations/{id}", "id", a => a.OrganisationId, true),
        ("/Admin/Users/Edit/{id}", "id", a => a.CoordinatorId, true),
        ("/Privacy/Person/{id}/{memberId}", "memberId", a => a.MemberId, true),
        ("/Imports/Review/{id}", "id", a => a.PendingImportId, true),
        ("/api/outreach/people/{id}/agreements/{agreementId}", "agreementId", a => a.ConsentId, true),
        .. ProgrammeRecords.Routes.Select(r => (r.Prefix, r.Parameter, (Func<World, string>)(a => r.Value(a.Coaching, a.Outreach)), true)),
        // Not records: the OpenAPI document's name, and the catch-all that answers unknown /api routes.
        ("/openapi/", "documentName", _ => "v1", false),
        ("/api/", "path", _ => "no-such-endpoint", false),
        // A calendar feed's secret of the right shape that was never handed out: the feed of nobody, a 404.
        ("/calendar/", "token", _ => System.Buffers.Text.Base64Url.EncodeToString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)), false),
    ];

    /// <summary>Routes that hold no record of anyone, reached before sign-in; still walked, and still checked for leaks.</summary>
    private static readonly string[] Anonymous =
    [
        "/health", "/health/live", "/health/ready", "/openapi/{documentName}.json", "/Accounts/Login", "/Accounts/LoginWithCode", "/Accounts/Logout", "/Culture", "/Error", "/Status",
        "/api/auth/login", "/api/auth/refresh", "/api/auth/confirmEmail", "/api/auth/register", "/api/auth/forgotPassword",
        "/api/auth/resetPassword", "/api/auth/resendConfirmationEmail",
        "/api/offline/status", // whether a phone's key is still good: answers yes or no about an unguessable key id
        "/calendar/{token}.ics", // a calendar app reads the feed without signing in: the unguessable secret is the credential
    ];

    /// <summary>Requests the walk does not send, each with its reason.</summary>
    private static readonly (string Route, string Reason)[] NotSent =
    [
        ("POST /Accounts/Logout", "signs the walker out; holds no record"),
        ("POST /api/auth/manage/2fa", "creates the walker's own authenticator key, which renews its security stamp and so ends its sessions; holds no one else's record"),
        ("POST /Accounts/TwoFactor", "new recovery codes or two-factor turned off for the walker's own account: renews its security stamp, which ends its API token; holds no one else's record"),
        ("POST /Accounts/EnrolAuthenticator", "enrols the walker's own authenticator: renews its security stamp; holds no one else's record"),
        ("POST /Accounts/ChangePassword", "changes the walker's own password: renews its security stamp; holds no one else's record"),
    ];

    /// <summary>Where a walker legitimately reaches one of A's records; GETs are still checked for case data, writes are not sent.</summary>
    private static readonly (string Role, string Prefix, string Reason)[] Allowed =
    [
        (Roles.Administrator, "/Admin/", "administrators manage every organisation's programmes and accounts (no case data: checked)"),
    ];

    /// <summary>
    /// Where a walker is handed A's data on purpose: the answer is not searched for A's strings (it holds them), still
    /// sent and checked for a 5xx. What it holds, and that no other organisation's row is in it, is tested where it is made.
    /// </summary>
    private static readonly (string Role, string Route, string Reason)[] Granted =
    [
        (Roles.Administrator, "GET /api/organisations/{id}/export",
            "issue 24 grants system administrators the whole-organisation export, recorded as an export (OrganisationExportTests)"),
    ];

    /// <summary>
    /// Where a walker legitimately sees references to A's records (a case's number and id) but nothing of their content:
    /// A's names and markers are still looked for there.
    /// </summary>
    private static readonly (string Role, string Prefix, string Reason)[] ReferencesShown =
    [
        (Roles.Administrator, "/Admin/Audit", "the administrator verifies and browses the whole audit trail, whose entries name records by number and id, never by content"),
    ];

    /// <summary>A's world, built once per application (fixture), shared by the walks of every role.</summary>
    private static readonly ConcurrentDictionary<TrajetApp, Lazy<Task<World>>> Worlds = new();

    public sealed record World(
        string OrganisationId, string ProgrammeSlug, string CaseId, string CaseNumber, string MemberId, string DocumentId,
        string ReferralId, string ConsentId, string ActionId, string GoalId, string PartnerId, string CriterionId, string RuleId, string CoordinatorId,
        string CoordinatorEmail, string EvaluatorEmail, IReadOnlyList<string> Names, IReadOnlyList<string> Markers)
    {
        /// <summary>A's coaching programme (desk, walk-in, appointment with its letter) and outreach programme (session, person, inbound referral).</summary>
        public ProgrammeRecords.Coaching Coaching { get; init; } = null!;
        public string CoachEmail { get; init; } = "";
        public ProgrammeRecords.Outreach Outreach { get; init; } = null!;
        public string OutreachEmail { get; init; } = "";
        /// <summary>A's coordinator's spreadsheet waiting for review, holding A's names.</summary>
        public string PendingImportId { get; init; } = "";

        /// <summary>Free text written about A's cases and people (notes, references, reasons, titles): an evaluator of A sees none of it.</summary>
        public IReadOnlyList<string> FreeText { get; init; } = [];

        /// <summary>Every string that identifies A's cases, people or configuration, and the case's id: a list or search that returns it has found the case.</summary>
        public IEnumerable<string> Identifying => Names.Concat(Markers).Append(CaseNumber).Append(CaseId);
    }

    private Task<World> WorldAsync() => Worlds.GetOrAdd(app, a => new Lazy<Task<World>>(() => BuildWorldAsync(a))).Value;

    [Fact]
    public async Task RouteValues_AreKnownForEveryRoute()
    {
        var routes = await EndpointCatalog.AllAsync(app);
        var unknown = routes.SelectMany(r => r.Parameters.Where(p => Rule(r.Pattern, p) is null).Select(p => $"{r.Pattern} {{{p}}}")).Distinct().ToList();

        Assert.True(unknown.Count == 0,
            "The organisation wall test does not know which record fills these route parameters; add a line to OrganisationWallTests.Fill for each:\n"
            + string.Join('\n', unknown));
        Assert.Contains(routes, r => r.Pattern == "/api/cases/{id}" && r.Method == "GET");
        Assert.Contains(routes, r => r.Pattern == "/Cases/Details/{id}" && r.IsPage);
    }

    [Fact]
    public async Task AnonymousRoutes_AreExactlyTheListedOnes()
    {
        var routes = await EndpointCatalog.AllAsync(app);

        var anonymous = routes.Where(r => r.AllowsAnonymous).Select(r => r.Pattern).Distinct().Order(StringComparer.Ordinal).ToList();

        Assert.Equal(Anonymous.Order(StringComparer.Ordinal), anonymous);
    }

    [Theory]
    [InlineData(Roles.Coordinator)]
    [InlineData(Roles.CaseManager)]
    [InlineData(Roles.OutreachWorker)]
    [InlineData(Roles.Mediator)]
    [InlineData(Roles.Evaluator)]
    public async Task OtherOrganisation_GetsNotFoundOrForbidden_OnEveryRecordOfA(string role)
    {
        var world = await WorldAsync();
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var email = await app.CreateUserAsync(role, organisation, programme);

        var failures = await WalkAsync(world, email, role, strictOnRecords: true, forbidden: world.Identifying.ToList());

        Assert.True(failures.Count == 0, Report(role + " of another organisation", failures));
        await AssertAUnchangedAsync(world);
    }

    [Fact]
    public async Task Administrator_SeesNoCaseData_AnywhereInTheApplication()
    {
        var world = await WorldAsync();
        var email = await app.CreateUserAsync(Roles.Administrator);

        var failures = await WalkAsync(world, email, Roles.Administrator, strictOnRecords: true, forbidden: world.Identifying.ToList());

        Assert.True(failures.Count == 0, Report("administrator", failures));
        await AssertAUnchangedAsync(world);
    }

    [Fact]
    public async Task EvaluatorOfTheOrganisation_SeesNoNamesNorFreeText_AndWritesNothing()
    {
        var world = await WorldAsync();

        // Reads answer what an evaluator may see (counts, statuses, dates), never a name nor text someone typed about
        // a case or a person; writes in A's records are refused.
        var failures = await WalkAsync(world, world.EvaluatorEmail, Roles.Evaluator, strictOnRecords: false, forbidden: [.. world.Names, .. world.FreeText]);

        Assert.True(failures.Count == 0, Report("evaluator of the organisation", failures));
        await AssertAUnchangedAsync(world);
    }

    [Fact]
    public async Task Walk_CoversEveryEndpointAndPage()
    {
        var routes = await EndpointCatalog.AllAsync(app);

        // The walk is only as good as what it reaches: the API and the pages, reads and writes.
        Assert.True(routes.Count(r => !r.IsPage) >= 40, $"{routes.Count(r => !r.IsPage)} API endpoint methods");
        Assert.True(routes.Count(r => r.IsPage) >= 70, $"{routes.Count(r => r.IsPage)} page handlers");
        Assert.Contains(routes, r => r is { IsPage: true, Method: "POST", Handler: "Assign" });
        Assert.Contains(routes, r => r is { IsPage: false, Method: "PUT", Pattern: "/api/cases/{id}/members/{memberId}" });
    }

    // ---- the walk ----

    private async Task<List<string>> WalkAsync(World world, string email, string role, bool strictOnRecords, IReadOnlyList<string> forbidden)
    {
        var routes = await EndpointCatalog.AllAsync(app);
        using var api = await app.ApiClientAsync(email);
        using var browser = await app.SignedInBrowserAsync(email);
        var token = await AntiforgeryTokenAsync(browser);
        var failures = new List<string>();
        // Query values a list, search or report might take: A's programme, people's names. Pages echo the query
        // (a return address), so the strings sent are not looked for in that answer; a GET without a record is
        // also sent without the query, where every string is looked for.
        var query = $"programme={world.ProgrammeSlug}&q={world.Names[2]}&firstName={world.Names[0]}&lastName={world.Names[1]}&scope=all&page=1";

        foreach (var route in routes)
        {
            if (NotSent.Any(n => n.Route == $"{route.Method} {route.Pattern}"))
            {
                continue;
            }
            var granted = Granted.Any(g => g.Role == role && g.Route == $"{route.Method} {route.Pattern}");
            var allowed = granted || Allowed.Any(a => a.Role == role && route.Pattern.StartsWith(a.Prefix, StringComparison.Ordinal));
            if (allowed && route.IsWrite)
            {
                continue;
            }
            var path = FillRoute(route, world);
            var holdsRecord = route.Parameters.Any(p => Rule(route.Pattern, p)!.Value.IsRecord);
            var handler = route.Handler is null ? "" : $"handler={route.Handler}";
            var response = await SendAsync(route, $"{path}?{query}&{handler}", granted ? [] : forbidden);
            if (!holdsRecord && route.Method == "GET")
            {
                await SendAsync(route, $"{path}?{handler}", forbidden);
            }
            if (!allowed && holdsRecord && (strictOnRecords || route.IsWrite) && !Denied(route, response))
            {
                failures.Add($"{route} answered {(int)response.StatusCode} {LocationPath(response)} on A's record; expected 403 or 404");
            }
        }
        return failures;

        async Task<HttpResponseMessage> SendAsync(EndpointCatalog.Route route, string url, IReadOnlyList<string> lookedFor)
        {
            using var request = new HttpRequestMessage(new HttpMethod(route.Method), url);
            if (route.IsWrite)
            {
                request.Content = route.IsPage ? FormBody(world, token) : route.AcceptsMultipart ? UploadBody() : JsonBody(world);
            }
            var sent = Uri.UnescapeDataString(url) + (request.Content is null ? "" : await request.Content.ReadAsStringAsync());
            var response = await (route.IsPage ? browser : api).SendAsync(request);
            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync();
            if (status >= 500)
            {
                failures.Add($"{route} answered {status}");
            }
            var references = ReferencesShown.Any(r => r.Role == role && route.Pattern.StartsWith(r.Prefix, StringComparison.Ordinal))
                ? new[] { world.CaseNumber, world.CaseId } : [];
            foreach (var text in lookedFor.Where(t => !sent.Contains(t, StringComparison.OrdinalIgnoreCase) && !references.Contains(t)))
            {
                if (body.Contains(text, StringComparison.OrdinalIgnoreCase) || body.Contains(JsonEncodedText.Encode(text).ToString(), StringComparison.OrdinalIgnoreCase))
                {
                    failures.Add($"{route} ({status}) shows A's \"{text}\"");
                }
            }
            if (!route.AllowsAnonymous && (status == 401 || (route.IsPage && response.StatusCode == HttpStatusCode.Redirect && LocationPath(response).StartsWith("/Accounts/Login", StringComparison.Ordinal))))
            {
                failures.Add($"{route} treated the signed-in walker as signed out: the walk lost its session");
            }
            return response;
        }
    }

    /// <summary>403 or 404; for a page, the cookie scheme's redirect to the access-denied page is its 403.</summary>
    private static bool Denied(EndpointCatalog.Route route, HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden
        || (route.IsPage && response.StatusCode == HttpStatusCode.Redirect
            && LocationPath(response).StartsWith("/Accounts/AccessDenied", StringComparison.Ordinal));

    private static string LocationPath(HttpResponseMessage response) =>
        response.Headers.Location is not { } location ? "" : location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString;

    private static (string Prefix, string Parameter, Func<World, string> Value, bool IsRecord)? Rule(string pattern, string parameter) =>
        Fill.Where(f => f.Parameter == parameter && pattern.StartsWith(f.Prefix, StringComparison.Ordinal))
            .OrderByDescending(f => f.Prefix.Length)
            .Select(f => ((string, string, Func<World, string>, bool)?)f)
            .FirstOrDefault();

    private static string FillRoute(EndpointCatalog.Route route, World world)
    {
        var path = route.Pattern;
        foreach (var parameter in route.Parameters)
        {
            var rule = Rule(route.Pattern, parameter) ?? throw new InvalidOperationException($"No value for {{{parameter}}} in {route.Pattern}: add a line to OrganisationWallTests.Fill.");
            path = path.Replace($"{{**{parameter}}}", rule.Value(world), StringComparison.Ordinal).Replace($"{{{parameter}}}", rule.Value(world), StringComparison.Ordinal);
        }
        return path;
    }

    /// <summary>A's other ids under the names forms and bodies use, so that a handler that trusts an id from the body is caught too.</summary>
    private static Dictionary<string, object> Ids(World world) => new()
    {
        ["caseId"] = world.CaseId,
        ["memberId"] = world.MemberId,
        ["partnerId"] = world.PartnerId,
        ["goalId"] = world.GoalId,
        ["actionId"] = world.ActionId,
        ["referralId"] = world.ReferralId,
        ["consentId"] = world.ConsentId,
        ["criterionId"] = world.CriterionId,
        ["ruleId"] = world.RuleId,
        ["programme"] = world.ProgrammeSlug,
        ["userIds"] = new[] { world.CoordinatorId },
        ["answers"] = new[] { new { criterionId = world.CriterionId, answer = "met" } },
    };

    private static HttpContent JsonBody(World world) => JsonContent.Create(Ids(world));

    private static HttpContent FormBody(World world, string token)
    {
        var fields = Ids(world).Where(i => i.Value is string).Select(i => new KeyValuePair<string, string>(i.Key, (string)i.Value)).ToList();
        fields.Add(new("__RequestVerificationToken", token));
        return new FormUrlEncodedContent(fields);
    }

    private static MultipartFormDataContent UploadBody() => DocumentFiles.Form(title: "Walker's upload", file: DocumentFiles.Pdf());

    private static async Task<string> AntiforgeryTokenAsync(HttpClient browser)
    {
        var page = await Html.GetAsync(browser, "/Accounts/ChangePassword");
        return page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }

    private static string Report(string who, List<string> failures) =>
        $"The organisation wall leaks for the {who} ({failures.Count}):\n" + string.Join('\n', failures.Distinct());

    // ---- A's world ----

    /// <summary>What A's coordinator sees of A before and after a walk: nothing a walker sent may have changed it.</summary>
    private async Task<string> FingerprintAsync(World world)
    {
        using var api = await app.ApiClientAsync(world.CoordinatorEmail);
        var text = new StringBuilder();
        foreach (var url in new[]
        {
            $"/api/cases?programme={world.ProgrammeSlug}&pageSize=200", $"/api/cases/{world.CaseId}", $"/api/cases/{world.CaseId}/timeline",
            $"/api/cases/{world.CaseId}/plan", $"/api/cases/{world.CaseId}/documents", $"/api/cases/{world.CaseId}/referrals", $"/api/cases/{world.CaseId}/consents", "/api/partners",
        })
        {
            text.Append(url).Append(' ').AppendLine(await api.GetStringAsync(url));
        }
        using var coach = await app.ApiClientAsync(world.CoachEmail);
        foreach (var url in new[]
        {
            $"/api/cases/{world.Coaching.CaseId}", $"/api/desks/{world.Coaching.DeskId}/walk-ins?date={CoachingSetup.LastWednesday():yyyy-MM-dd}",
            $"/api/appointments?date={CoachingSetup.NextWednesday():yyyy-MM-dd}&desk={world.Coaching.DeskId}", $"/api/cases/{world.Coaching.CaseId}/pathway",
        })
        {
            text.Append(url).Append(' ').AppendLine(await coach.GetStringAsync(url));
        }
        using var worker = await app.ApiClientAsync(world.OutreachEmail);
        foreach (var url in new[] { $"/api/outreach/people/{world.Outreach.PersonId}", $"/api/outreach/sessions/{world.Outreach.SessionId}", "/api/outreach/referrals" })
        {
            text.Append(url).Append(' ').AppendLine(await worker.GetStringAsync(url));
        }
        text.AppendLine(string.Join(',', await app.WithDbAsync((db, _) =>
            db.DeadlineRules.Where(r => r.Id == Guid.Parse(world.RuleId)).Select(r => r.Label + r.Days + r.IsActive).ToListAsync())));
        text.AppendLine(string.Join(',', await app.WithDbAsync((db, _) =>
            db.AdmissionCriteria.Where(c => db.Programmes.Any(p => p.Id == c.ProgrammeId && p.Slug == world.ProgrammeSlug)).OrderBy(c => c.Position).Select(c => c.Text + c.IsActive).ToListAsync())));
        text.AppendLine(string.Join(',', await app.WithDbAsync((db, _) =>
            db.Programmes.Where(p => p.Slug == world.ProgrammeSlug).Select(p => p.Name + p.IsActive).ToListAsync())));
        return text.ToString();
    }

    private static readonly ConcurrentDictionary<TrajetApp, string> Fingerprints = new();

    /// <summary>A's coaching programme (run by its own coordinator) and outreach programme (an outreach worker).</summary>
    private static async Task<(string CoachEmail, ProgrammeRecords.Coaching, string WorkerEmail, ProgrammeRecords.Outreach, string[] Names, string[] Markers)> ProgrammesWorldAsync(
        TrajetApp a, Organisation organisation)
    {
        string[] names = ["Wall" + Letters(8), "Wall" + Letters(9), "Wall" + Letters(8), "Wall" + Letters(9)];
        string[] markers = ["Desk marker " + Letters(10), "Question marker " + Letters(10), "Place marker " + Letters(10), "Reason marker " + Letters(10)];
        var coaching = await ProgrammeRecords.AddProgrammeAsync(a, organisation, ProgrammeKind.IndividualCoaching);
        var coachEmail = await a.CreateUserAsync(Roles.Coordinator, organisation, coaching);
        using var coach = await a.ApiClientAsync(coachEmail);
        var desk = await ProgrammeRecords.CoachingAsync(a, coach, coaching.Slug, new(markers[0], names[0], names[1], markers[1]));
        var outreach = await ProgrammeRecords.AddProgrammeAsync(a, organisation, ProgrammeKind.Outreach);
        var workerEmail = await a.CreateUserAsync(Roles.OutreachWorker, organisation, outreach);
        using var worker = await a.ApiClientAsync(workerEmail);
        var team = await ProgrammeRecords.OutreachAsync(new OutreachTeam(worker, organisation, outreach), new(markers[2], names[2], names[3], markers[3]));
        return (coachEmail, desk, workerEmail, team, names, markers);
    }

    private async Task AssertAUnchangedAsync(World world) =>
        Assert.Equal(Fingerprints[app], await FingerprintAsync(world));

    private static string Letters(int count) => new(Enumerable.Range(0, count).Select(_ => (char)('a' + Random.Shared.Next(26))).ToArray());

    private async Task<World> BuildWorldAsync(TrajetApp a)
    {
        var (organisation, programme) = await a.CreateOrganisationAsync();
        var prefix = "QZ" + Letters(6).ToUpperInvariant();
        await a.WithDbAsync(async (db, _) =>
        {
            var p = await db.Programmes.SingleAsync(x => x.Id == programme.Id);
            p.CasePrefix = prefix;
            return await db.SaveChangesAsync();
        });
        var criterionText = "Criterion marker " + Letters(10);
        var criterion = (await a.AddCriteriaAsync(programme, criterionText))[0];
        var coordinatorEmail = await a.CreateUserAsync(Roles.Coordinator, organisation, programme);
        var managerEmail = await a.CreateUserAsync(Roles.CaseManager, organisation, programme);
        await a.CreateUserAsync(Roles.OutreachWorker, organisation, programme);
        await a.CreateUserAsync(Roles.Mediator, organisation, programme);
        var evaluatorEmail = await a.CreateUserAsync(Roles.Evaluator, organisation, programme);
        var ids = await a.WithDbAsync((db, _) => db.Users.Where(u => u.Email == coordinatorEmail || u.Email == managerEmail).ToDictionaryAsync(u => u.Email!, u => u.Id));

        using var api = await a.ApiClientAsync(coordinatorEmail);
        var names = new[] { "Wall" + Letters(8), "Wall" + Letters(9), "Wall" + Letters(7), "Wall" + Letters(10) };
        var markers = Enumerable.Range(0, 18).Select(i => $"Marker{i}{Letters(12)}").ToList();
        var (caseId, number) = await CaseBuilder.OpenAsync(api, programme.Slug, date: "2026-01-10");

        async Task<JsonElement> Send(HttpMethod method, string url, object body, HttpStatusCode expected)
        {
            using var response = await api.SendAsync(new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) });
            Assert.True(expected == response.StatusCode, $"{method} {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }

        var member = await Send(HttpMethod.Post, $"/api/cases/{caseId}/members", CaseBuilder.Parent(names[0], names[1]), HttpStatusCode.Created);
        await Send(HttpMethod.Post, $"/api/cases/{caseId}/members", new { role = "child", firstName = names[2], lastName = names[3], gender = "male", estimatedAge = 8, nationality = "AM", languages = new[] { "hy" } }, HttpStatusCode.Created);
        await Send(HttpMethod.Put, $"/api/cases/{caseId}/screening", new { date = "2026-01-12", answers = new[] { new { criterionId = criterion, answer = "met", note = markers[0] } } }, HttpStatusCode.OK);
        await Send(HttpMethod.Post, $"/api/cases/{caseId}/status", new { to = "admitted", date = "2026-01-15" }, HttpStatusCode.OK);
        await Send(HttpMethod.Put, $"/api/cases/{caseId}/assignees", new { userIds = new[] { ids[managerEmail] } }, HttpStatusCode.OK);
        await Send(HttpMethod.Post, $"/api/cases/{caseId}/interactions", new { type = "home-visit", date = "2026-02-10", durationMinutes = 60, participants = markers[1], notes = markers[2], nextSteps = markers[3] }, HttpStatusCode.Created);
        await Send(HttpMethod.Post, $"/api/cases/{caseId}/legal-events", new { type = "decision", date = "2026-02-01", outcome = "negative", authority = "CGRS", reference = markers[4], lawyer = markers[12], notes = markers[5] }, HttpStatusCode.Created);
        var goal = await Send(HttpMethod.Post, $"/api/cases/{caseId}/plan/goals", new { option = "legal-stay-here", description = markers[6], agreedOn = "2026-02-01" }, HttpStatusCode.OK);
        var goalId = goal.GetProperty("goals")[0].GetProperty("id").GetString()!;
        var plan = await Send(HttpMethod.Post, $"/api/cases/{caseId}/plan/actions", new { goalId, description = markers[7], owner = "family", dueDate = "2026-12-01" }, HttpStatusCode.OK);
        var actionId = plan.GetProperty("actions")[0].GetProperty("id").GetString()!;
        await Send(HttpMethod.Post, $"/api/cases/{caseId}/plan/reviews", new { date = "2026-03-01", progress = markers[13], changes = markers[14] }, HttpStatusCode.OK);
        await Send(HttpMethod.Post, $"/api/cases/{caseId}/summary-sheets", new
        {
            date = "2026-03-01",
            impact = new { engagement = "some", risk = "some", trust = "limited" },
            group1 = new { impact = "some", obstacles = markers[16] },
            group2 = new { impact = "none" },
            group3 = new { impact = "some" },
            observations = markers[8],
            impactFactors = markers[17],
        }, HttpStatusCode.Created);
        await Send(HttpMethod.Post, $"/api/cases/{caseId}/baseline-sheets", new { date = "2026-01-20", scores = Enumerable.Range(1, 14).Select(i => new { item = i, score = 5 }) }, HttpStatusCode.Created);
        var partner = await Send(HttpMethod.Post, "/api/partners", new { name = markers[9], kind = "lawyer" }, HttpStatusCode.Created);
        var partnerId = partner.GetProperty("id").GetString()!;
        var referral = await Send(HttpMethod.Post, $"/api/cases/{caseId}/referrals", new { partnerId, date = "2026-02-01", reason = markers[10], notes = markers[15] }, HttpStatusCode.Created);
        var consentText = "Consent marker " + Letters(10);
        var consent = await Send(HttpMethod.Post, $"/api/cases/{caseId}/consents", new { purpose = "evaluation", givenOn = "2026-01-20", explainedHow = consentText, language = "fr" }, HttpStatusCode.Created);
        using var upload = await api.PostAsync($"/api/cases/{caseId}/documents", DocumentFiles.Form(title: markers[11], file: DocumentFiles.Pdf(), fileName: names[1] + ".pdf"));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var documentId = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var nickname = "Wall" + Letters(8);
        var place = "Place marker " + Letters(10);
        var ruleLabel = "Rule marker " + Letters(10);
        var ruleId = await a.WithDbAsync(async (db, _) =>
        {
            db.OutreachContacts.Add(new OutreachContact { OrganisationId = organisation.Id, ProgrammeId = programme.Id, Date = new DateOnly(2026, 2, 2), Place = place, Nickname = nickname });
            var rule = new DeadlineRule { OrganisationId = organisation.Id, EventType = LegalEventType.Decision, Label = ruleLabel, Days = 15 };
            db.DeadlineRules.Add(rule);
            await db.SaveChangesAsync();
            return rule.Id;
        });

        var (coachEmail, coaching, workerEmail, outreach, programmeNames, programmeMarkers) = await ProgrammesWorldAsync(a, organisation);

        var pendingImport = await PendingFiles.AddAsync(a, ids[coordinatorEmail], programme.Id, names[0], names[1]);
        var world = new World(
            organisation.Id.ToString(), programme.Slug, caseId.ToString(), number, member.GetProperty("member").GetProperty("id").GetString()!, documentId,
            referral.GetProperty("id").GetString()!, consent.GetProperty("id").GetString()!, actionId, goalId, partnerId, criterion.ToString(), ruleId.ToString(), ids[coordinatorEmail].ToString(),
            coordinatorEmail, evaluatorEmail, [.. names, nickname, .. programmeNames],
            [.. markers, place, ruleLabel, criterionText, consentText, .. programmeMarkers])
        {
            // The partner's name is configuration, but beside a case it tells which lawyer or doctor the family sees.
            FreeText = [.. markers, consentText, programmeMarkers[1], programmeMarkers[3]],
            CoachEmail = coachEmail,
            Coaching = coaching,
            OutreachEmail = workerEmail,
            Outreach = outreach,
            PendingImportId = pendingImport.ToString(),
        };
        Fingerprints[a] = await FingerprintAsync(world);
        return world;
    }
}

public sealed class OrganisationWallTestsOnSqlite(SqliteApp app) : OrganisationWallTests(app), IClassFixture<SqliteApp>;

public sealed class OrganisationWallTestsOnPostgres(PostgresApp app) : OrganisationWallTests(app), IClassFixture<PostgresApp>;
