using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Features.Accounts;

namespace Trajet.Tests.Browser;

/// <summary>A page reachable today, who sees it, and how to find its address in the demo.</summary>
/// <remarks><paramref name="Prepare"/> runs in the screen's page before it is opened (a sign-in half done, for instance).</remarks>
public sealed record Screen(string Name, string? Email, Func<BrowserFixture, Task<string>> Url, int Status = 200, Func<BrowserFixture, IPage, Task>? Prepare = null)
{
    private const string CaseManager = "cm1@ngo.demo";
    private const string Admin = "admin@trajet.demo";
    private const string Coach = "coach@atd.demo";
    private const string Outreach = "outreach@reachout.demo";

    public static readonly Screen[] All =
    [
        new("login", null, Path("/Accounts/Login")),
        new("home", CaseManager, Path("/")),
        new("home-coordinator", "coordinator@ngo.demo", Path("/")),
        new("home-coach", Coach, Path("/")),
        new("home-outreach", Outreach, Path("/")),
        new("cases", CaseManager, Path("/Cases")),
        new("case", CaseManager, async b => $"/Cases/Details/{await b.CaseIdAsync("Petrosyan")}"),
        new("open-referral", CaseManager, Path("/Cases/Open")),
        new("add-person", CaseManager, async b => $"/Cases/AddMember/{await b.CaseIdAsync("Petrosyan")}"),
        new("edit-person", CaseManager, async b => $"/Cases/EditMember/{await b.CaseIdAsync("Petrosyan")}/{await b.App.WithDbAsync((db, _) => db.Members.Where(m => m.LastName == "Petrosyan").OrderBy(m => m.CreatedAt).Select(m => m.Id).FirstAsync())}"),
        new("screening", CaseManager, async b => $"/Cases/Screen/{await b.CaseIdAsync("Sargsyan")}"),
        new("change-status", CaseManager, async b => $"/Cases/ChangeStatus/{await b.CaseIdAsync("Mohammadi")}"),
        new("criteria", "coordinator@ngo.demo", Path("/Programmes/Criteria/plan-together")),
        new("summary-sheet", CaseManager, async b => $"/Instruments/SummarySheet/{await b.CaseIdAsync("Mohammadi")}"),
        new("baseline-sheet", CaseManager, async b => $"/Instruments/Baseline/{await b.CaseIdAsync("Mohammadi")}"),
        new("case-study", CaseManager, async b => $"/Instruments/CaseStudy/{await b.CaseIdAsync("Petrosyan")}"),
        new("log-interaction", CaseManager, async b => $"/CaseWork/LogInteraction/{await b.CaseIdAsync("Mohammadi")}"),
        new("add-legal-event", CaseManager, async b => $"/CaseWork/AddLegalEvent/{await b.CaseIdAsync("Mohammadi")}"),
        new("action-plan", CaseManager, async b => $"/CaseWork/Plan/{await b.CaseIdAsync("Mohammadi")}"),
        new("deadlines", CaseManager, Path("/Deadlines")),
        new("reminder-settings", CaseManager, Path("/Reminders/Settings")),
        new("partners", CaseManager, Path("/Partners")),
        new("timeline", CaseManager, async b => $"/Cases/Timeline/{await b.CaseIdAsync("Mohammadi")}"),
        new("consents", CaseManager, async b => $"/Privacy/Consents/{await b.CaseIdAsync("Mohammadi")}"),
        new("referrals", CaseManager, async b => $"/Partners/Refer/{await b.CaseIdAsync("Mohammadi")}"),
        new("time-limits", "coordinator@ngo.demo", Path("/Organisations/DeadlineRules")),
        new("import-households", "coordinator@ngo.demo", Path("/Imports")),
        new("evaluation-report", "coordinator@ngo.demo", Path("/Reports/Evaluation?programme=plan-together")),
        new("organisation-export", "coordinator@ngo.demo", Path("/Organisations/Export")),
        new("outreach", "outreach@reachout.demo", Path("/Outreach")),
        new("coaching-desks", Coach, Path("/Coaching")),
        new("desk-queue", Coach, async b => $"/Coaching/Queue/{await DeskIdAsync(b, "Brussels desk")}?date={LastWednesday():yyyy-MM-dd}"),
        new("coaching-agenda", Coach, Path($"/Coaching/Agenda?date={NextWednesday():yyyy-MM-dd}")),
        new("coaching-agenda-week", Coach, Path($"/Coaching/Agenda?date={NextWednesday():yyyy-MM-dd}&view=week")),
        new("appointments", Coach, async b => $"/Coaching/Book/{await b.CaseIdAsync("Kamara")}"),
        new("invitation-letter", Coach, async b => $"/Coaching/Letter/{await b.App.WithDbAsync((db, _) => db.Invitations.Where(i => i.Addressee == "Kwame Mensah").OrderBy(i => i.CreatedAt).Select(i => i.Id).FirstAsync())}"),
        new("pathway", Coach, async b => $"/Coaching/Pathway/{await b.CaseIdAsync("Kamara")}"),
        new("caseload", Coach, Path("/Coaching/Caseload")),
        new("log-interview", Coach, async b => $"/CaseWork/LogInteraction/{await b.CaseIdAsync("Kamara")}"),
        new("outreach-log-contact", Outreach, Path("/Outreach/LogContact")),
        new("outreach-sessions", Outreach, Path("/Outreach/Sessions")),
        new("outreach-session", Outreach, async b => $"/Outreach/Session/{await b.App.WithDbAsync((db, _) => db.OutreachSessions.Where(s => s.Place!.Name == "Gare du Nord (Brussels)").OrderByDescending(s => s.Date).Select(s => s.Id).FirstAsync())}"),
        new("outreach-places", Outreach, Path("/Outreach/Places")),
        new("outreach-people", Outreach, Path("/Outreach/People?q=Tesfay")),
        new("outreach-person", Outreach, async b => $"/Outreach/Person/{await TesfayAsync(b)}"),
        new("outreach-shared-person", "outreach@reachout-fr.demo", async b => $"/Outreach/Person/{await TesfayAsync(b)}"),
        new("outreach-referrals", Outreach, Path("/Outreach/Referrals")),
        new("outreach-dashboard", Outreach, Path("/Outreach/Dashboard")),
        new("this-phone", Outreach, Path("/Offline")),
        new("change-password", CaseManager, Path("/Accounts/ChangePassword")),
        new("two-factor", CaseManager, Path("/Accounts/TwoFactor")),
        new("my-calendar", CaseManager, Path("/Calendar")),
        new("phone-registration", "coordinator@ngo.demo", Path("/Accounts/ThisPhone")),
        new("registered-phones", "coordinator@ngo.demo", Path("/Accounts/Phones")),
        new("enrol-authenticator", null, Path("/Accounts/EnrolAuthenticator"), Prepare: PasswordOnly(Roles.Coordinator, twoFactor: false, "/Accounts/EnrolAuthenticator")),
        new("sign-in-code", null, Path("/Accounts/LoginWithCode"), Prepare: PasswordOnly(Roles.CaseManager, twoFactor: true, "/Accounts/LoginWithCode")),
        new("admin-organisations", Admin, Path("/Admin/Organisations")),
        new("admin-organisation-edit", Admin, async b => $"/Admin/Organisations/Edit/{await b.App.WithDbAsync((db, _) => db.Organisations.Where(o => o.Name == "Famille Plus").Select(o => o.Id).SingleAsync())}"),
        new("admin-users", Admin, Path("/Admin/Users")),
        new("admin-user-edit", Admin, async b => $"/Admin/Users/Edit/{await b.App.WithDbAsync((db, _) => db.Users.Where(u => u.Email == CaseManager).Select(u => u.Id).SingleAsync())}"),
        new("audit-trail", Admin, Path("/Admin/Audit")),
        new("admin-mail", Admin, Path("/Admin/Mail")),
        new("case-access-history", "coordinator@ngo.demo", async b => $"/Cases/Audit/{await b.CaseIdAsync("Petrosyan")}"),
        new("personal-data", "coordinator@ngo.demo", async b => $"/Privacy/Person/{await b.CaseIdAsync("Petrosyan")}/{await b.App.WithDbAsync((db, _) => db.Members.Where(m => m.LastName == "Petrosyan").OrderBy(m => m.CreatedAt).Select(m => m.Id).FirstAsync())}"),
        new("not-found", CaseManager, Path($"/Cases/Details/{Guid.Empty}"), Status: 404),
    ];

    public static TheoryData<string> Names => [.. All.Select(s => s.Name)];

    public static TheoryData<string, string> NamesInEachLanguage
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var (screen, locale) in All.SelectMany(s => new[] { "fr-BE", "nl-BE", "en-GB" }.Select(l => (s.Name, l))))
            {
                data.Add(screen, locale);
            }
            return data;
        }
    }

    public static Screen Named(string name) => All.Single(s => s.Name == name);

    private static Task<Guid> TesfayAsync(BrowserFixture b) =>
        b.App.WithDbAsync((db, _) => db.OutreachPeople.Where(p => p.Nickname == "Tesfay" && db.Organisations.Any(o => o.Id == p.OrganisationId && o.Name == "Reach Out BE")).Select(p => p.Id).SingleAsync());

    private static Func<BrowserFixture, Task<string>> Path(string path) => _ => Task.FromResult(path);

    /// <summary>A new user of the role signs in with the password and lands on <paramref name="landing"/> (the demo accounts are exempt from two-factor sign-in).</summary>
    private static Func<BrowserFixture, IPage, Task> PasswordOnly(string role, bool twoFactor, string landing) => async (b, page) =>
    {
        var (organisation, programme) = await b.App.CreateOrganisationAsync();
        var email = await b.App.CreateUserAsync(role, organisation, programme, twoFactor);
        await page.GotoAsync("/Accounts/Login");
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_Password").FillAsync(TrajetApp.Password);
        await page.Locator("main button[type=submit]").ClickAsync();
        try
        {
            // Where the sign-in lands is all this needs: the screen is opened again afterwards, so the intermediate
            // page's load event (which a busy machine delayed past the timeout) is not waited for. Playwright waits
            // for that load event when the address already matches, so a landing already reached is not waited on.
            if (!page.Url.Contains(landing, StringComparison.Ordinal))
            {
                await page.WaitForURLAsync($"**{landing}**", new() { WaitUntil = WaitUntilState.Commit });
            }
        }
        catch (TimeoutException e)
        {
            // Where the sign-in went instead, so that a failure here says why.
            throw new TimeoutException($"Still on {page.Url}: {string.Concat((await page.Locator("main").InnerTextAsync()).Take(300))}", e);
        }
    };

    private static Task<Guid> DeskIdAsync(BrowserFixture b, string name) =>
        b.App.WithDbAsync((db, _) => db.Desks.Where(d => d.Name == name).Select(d => d.Id).SingleAsync());

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.Now);

    /// <summary>The latest Wednesday strictly before today: its desk morning is over, whatever the time now.</summary>
    public static DateOnly LastWednesday() => Today.AddDays(-((((int)Today.DayOfWeek - (int)DayOfWeek.Wednesday + 6) % 7) + 1));

    /// <summary>The first Wednesday strictly after today.</summary>
    public static DateOnly NextWednesday() => Today.AddDays((((int)DayOfWeek.Wednesday - (int)Today.DayOfWeek + 6) % 7) + 1);
}
