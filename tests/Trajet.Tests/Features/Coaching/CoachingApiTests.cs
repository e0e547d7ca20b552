using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.Coaching;

namespace Trajet.Tests.Features.Coaching;

public abstract class CoachingApiTests(TrajetApp app)
{
    private static async Task<string> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd");

    [Fact]
    public async Task WalkIn_AtAClosedDesk_IsRefused()
    {
        var s = await CoachingSetup.CreateAsync(app);
        var wednesday = CoachingSetup.LastWednesday();

        var afternoon = await s.Coach.PostAsJsonAsync($"/api/desks/{s.DeskId}/walk-ins", new { date = Day(wednesday), arrivedAt = "13:30", name = "Samuel Okafor", firstVisit = true });
        var tuesday = await s.Coach.PostAsJsonAsync($"/api/desks/{s.DeskId}/walk-ins", new { date = Day(wednesday.AddDays(-1)), arrivedAt = "10:00", name = "Samuel Okafor", firstVisit = true });

        Assert.Contains("The desk is closed at that time", await ProblemAsync(afternoon));
        Assert.Contains("arrivedAt", await ProblemAsync(tuesday));
        Assert.Empty(await s.Coach.GetFromJsonAsync<JsonElement[]>($"/api/desks/{s.DeskId}/walk-ins?date={Day(wednesday)}") ?? []);
    }

    [Fact]
    public async Task WalkIns_QueueUp_AreCalledInOrder_AndGetAnOutcome()
    {
        var s = await CoachingSetup.CreateAsync(app);
        var wednesday = CoachingSetup.LastWednesday();
        var known = await s.Coach.PostAsJsonAsync($"/api/desks/{s.DeskId}/walk-ins", new { date = Day(wednesday), arrivedAt = "09:40", caseNumber = s.CaseNumber, language = "ru", interpreterNeeded = true, question = "News of the appeal?" });
        var first = await s.Coach.PostAsJsonAsync($"/api/desks/{s.DeskId}/walk-ins", new { date = Day(wednesday), arrivedAt = "09:05", name = "Samuel Okafor", language = "en", firstVisit = true, question = "Can I appeal?" });
        Assert.Equal(HttpStatusCode.Created, known.StatusCode);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var knownBody = await known.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(s.CaseId, knownBody.GetProperty("caseId").GetGuid());
        Assert.False(knownBody.GetProperty("firstVisit").GetBoolean());

        var called = await (await s.Coach.PostAsync($"/api/desks/{s.DeskId}/walk-ins/next?date={Day(wednesday)}", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Samuel Okafor", called.GetProperty("name").GetString());
        Assert.Equal("being-seen", called.GetProperty("status").GetString());

        var missing = await s.Coach.PutAsJsonAsync($"/api/desks/{s.DeskId}/walk-ins/{called.GetProperty("id").GetGuid()}/outcome", new { outcome = "maybe" });
        Assert.Contains("outcome", await ProblemAsync(missing));
        var done = await s.Coach.PutAsJsonAsync($"/api/desks/{s.DeskId}/walk-ins/{called.GetProperty("id").GetGuid()}/outcome", new { outcome = "information-given", outcomeNotes = "Appeal deadline explained" });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);

        var queue = await s.Coach.GetFromJsonAsync<JsonElement[]>($"/api/desks/{s.DeskId}/walk-ins?date={Day(wednesday)}");
        Assert.Equal(["done", "waiting"], queue!.Select(e => e.GetProperty("status").GetString()));
        Assert.Equal("information-given", queue![0].GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task WalkIn_NeitherFirstVisitNorKnownCase_NamesTheField()
    {
        var s = await CoachingSetup.CreateAsync(app);
        var response = await s.Coach.PostAsJsonAsync($"/api/desks/{s.DeskId}/walk-ins", new { date = Day(CoachingSetup.LastWednesday()), arrivedAt = "10:00", name = "X" });
        Assert.Contains("caseNumber", await ProblemAsync(response));
    }

    [Fact]
    public async Task Times_AreReadAsHoursAndMinutes_AndAnUnreadableOneIsNamed()
    {
        var s = await CoachingSetup.CreateAsync(app);
        var wednesday = CoachingSetup.NextWednesday();

        var unreadable = await s.BookAsync(wednesday, "half past nine", "10:00");
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        var errors = (await unreadable.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("Give a time as HH:mm, e.g. 09:30.", errors.GetProperty("start")[0].GetString());
        Assert.Equal(HttpStatusCode.Created, (await s.BookAsync(wednesday, "9:30", "10:00:00")).StatusCode);
    }

    [Fact]
    public async Task Appointment_OutsideOpeningHours_IsRefused()
    {
        var s = await CoachingSetup.CreateAsync(app);
        var wednesday = CoachingSetup.NextWednesday();

        Assert.Contains("The desk is closed at that time", await ProblemAsync(await s.BookAsync(wednesday, "11:45", "12:15")));
        Assert.Contains("start", await ProblemAsync(await s.BookAsync(wednesday.AddDays(1), "10:00", "10:30")));
        Assert.Equal(HttpStatusCode.Created, (await s.BookAsync(wednesday, "11:30", "12:00")).StatusCode);
    }

    [Fact]
    public async Task Appointment_OverlappingTheCoachsOther_IsRefused()
    {
        var s = await CoachingSetup.CreateAsync(app);
        var wednesday = CoachingSetup.NextWednesday();
        var booked = await s.BookAsync(wednesday, "10:00", "10:30");
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);

        var clash = await ProblemAsync(await s.BookAsync(wednesday, "10:15", "10:45"));
        Assert.Contains("The coach already has an appointment at that time", clash);
        Assert.Contains("\"start\"", clash);
        Assert.Equal(HttpStatusCode.Created, (await s.BookAsync(wednesday, "10:30", "11:00")).StatusCode);

        // Cancelling frees the slot.
        var id = (await booked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await s.Coach.PostAsJsonAsync($"/api/appointments/{id}/cancel", new { reason = "The person asked to move it" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await s.BookAsync(wednesday, "10:05", "10:25")).StatusCode);
    }

    [Fact]
    public async Task Appointment_BookedConcurrently_IsBookedOnlyOnce()
    {
        var s = await CoachingSetup.CreateAsync(app);
        var wednesday = CoachingSetup.NextWednesday(1);
        var clients = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => app.ApiClientAsync(s.CoachEmail)));

        var responses = await Task.WhenAll(clients.Select((c, i) => c.PostAsJsonAsync("/api/appointments", new
        {
            caseId = s.CaseId,
            date = Day(wednesday),
            start = $"10:{i * 5:00}",
            end = $"10:{30 + (i * 5):00}",
            deskId = s.DeskId,
            kind = "follow-up",
            bookedBy = "person",
        })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        var agenda = await s.Coach.GetFromJsonAsync<JsonElement[]>($"/api/appointments?date={Day(wednesday)}&coach=me");
        Assert.Single(agenda!);
    }

    [Fact]
    public async Task Agenda_ListsTheDayPerCoachAndPerDesk_AndAttendanceIsRecorded()
    {
        var s = await CoachingSetup.CreateAsync(app);
        var wednesday = CoachingSetup.NextWednesday();
        Assert.Equal(HttpStatusCode.Created, (await s.BookAsync(wednesday, "09:00", "09:30")).StatusCode);

        var mine = await s.Coach.GetFromJsonAsync<JsonElement[]>($"/api/appointments?date={Day(wednesday)}");
        var desk = await s.Coordinator.GetFromJsonAsync<JsonElement[]>($"/api/appointments?date={Day(wednesday)}&desk={s.DeskId}");
        Assert.Equal(s.CaseNumber, Assert.Single(mine!).GetProperty("caseNumber").GetString());
        Assert.Equal("Brussels desk", Assert.Single(desk!).GetProperty("desk").GetString());

        var early = await s.Coach.PutAsJsonAsync($"/api/appointments/{mine![0].GetProperty("id").GetGuid()}/attendance", new { attended = true });
        Assert.Contains("attended", await ProblemAsync(early));
        var past = await app.WithDbAsync(async (db, _) =>
        {
            var a = new Appointment { OrganisationId = s.Organisation.Id, ProgrammeId = s.Programme.Id, CaseId = s.CaseId, CoachUserId = s.CoachId, Date = CoachingSetup.LastWednesday(), Start = new(9, 0), End = new(9, 30), DeskId = s.DeskId };
            db.Appointments.Add(a);
            await db.SaveChangesAsync();
            return a.Id;
        });
        var came = await s.Coach.PutAsJsonAsync($"/api/appointments/{past}/attendance", new { attended = false });
        Assert.Equal("missed", (await came.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("fr", "Invitation à un entretien", "Date et heure : mercredi ")]
    [InlineData("nl", "Uitnodiging voor een gesprek", "Datum en uur: woensdag ")]
    [InlineData("en", "Invitation to an interview", "Date and time: Wednesday ")]
    public async Task Invitation_LetterIsWrittenInTheChosenLanguage(string language, string subject, string when)
    {
        var s = await CoachingSetup.CreateAsync(app);
        var booked = await s.BookAsync(CoachingSetup.NextWednesday(), "09:00", "09:30", invitation: new { language, addressee = "Kwame Mensah" });
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var id = (await booked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var letter = await s.Coach.GetFromJsonAsync<JsonElement>($"/api/appointments/{id}/letter");

        Assert.Equal(subject, letter.GetProperty("subject").GetString());
        Assert.Equal("Kwame Mensah", letter.GetProperty("addressee").GetString());
        var paragraphs = letter.GetProperty("paragraphs").EnumerateArray().Select(p => p.GetString()!).ToList();
        Assert.Contains(paragraphs, p => p.StartsWith(when, StringComparison.Ordinal) && p.Contains("09:00", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.Contains("Boulevard Pachéco 44, 1000 Brussels", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.Contains("+32 2 000 00 00", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invitation_InAnotherLanguage_NamesTheField()
    {
        var s = await CoachingSetup.CreateAsync(app);
        var response = await s.BookAsync(CoachingSetup.NextWednesday(), "09:00", "09:30", invitation: new { language = "de", addressee = "K" });
        Assert.Contains("invitation.language", await ProblemAsync(response));
    }

    [Fact]
    public async Task Pathway3_ClosureWithoutTheExplanation_IsRefused_ThenClosesOnceRecorded()
    {
        var s = await CoachingSetup.CreateAsync(app);
        var today = Day(CoachingSetup.Today);
        var decided = await s.Coach.PostAsJsonAsync($"/api/cases/{s.CaseId}/pathway", new { pathway = "return-refused", date = today, reasons = "No stay possible; voluntary return refused" });
        Assert.Equal(HttpStatusCode.Created, decided.StatusCode);

        var close = await s.Coach.PostAsJsonAsync($"/api/cases/{s.CaseId}/status", new { to = "closed", date = today, reason = "Return refused", outcome = "other", durableSolution = "none" });
        Assert.Contains("pathway 3", await ProblemAsync(close));
        var closeHere = await s.Coach.PostAsJsonAsync($"/api/cases/{s.CaseId}/pathway", new { pathway = "return-refused", date = today, reasons = "Refused", close = true });
        var fields = await ProblemAsync(closeHere);
        Assert.Contains("consequencesExplained", fields);
        Assert.Contains("entryBanExplained", fields);

        var explained = await s.Coach.PostAsJsonAsync($"/api/cases/{s.CaseId}/pathway", new
        {
            pathway = "return-refused",
            date = today,
            reasons = "Refused again after reflection",
            consequencesExplained = "Forced return and a possible entry ban explained with an interpreter",
            forcedReturnExplained = true,
            entryBanExplained = true,
            close = true,
        });
        Assert.Equal(HttpStatusCode.Created, explained.StatusCode);

        var state = await s.Coach.GetFromJsonAsync<JsonElement>($"/api/cases/{s.CaseId}/pathway");
        Assert.Equal("closed", state.GetProperty("status").GetString());
        Assert.Equal(3, state.GetProperty("current").GetProperty("number").GetInt32());
        Assert.True(state.GetProperty("current").GetProperty("consequencesRecorded").GetBoolean());
        Assert.Equal(2, state.GetProperty("history").GetArrayLength());
    }

    [Fact]
    public async Task Pathway1_WithoutTheProcedure_NamesTheFields()
    {
        var s = await CoachingSetup.CreateAsync(app);
        var response = await s.Coach.PostAsJsonAsync($"/api/cases/{s.CaseId}/pathway", new { pathway = "legal-stay", date = Day(CoachingSetup.Today), reasons = "Long residence" });
        var body = await ProblemAsync(response);
        Assert.Contains("procedure", body);
        Assert.Contains("personFilesThemself", body);
        Assert.Contains("pathway", await ProblemAsync(await s.Coach.PostAsJsonAsync($"/api/cases/{s.CaseId}/pathway", new { pathway = "4", reasons = "x" })));
        // The pathway's number stands for its name.
        var byNumber = await ProblemAsync(await s.Coach.PostAsJsonAsync($"/api/cases/{s.CaseId}/pathway", new { pathway = "1", date = Day(CoachingSetup.Today), reasons = "Long residence" }));
        Assert.Contains("procedure", byNumber);
        Assert.DoesNotContain("\"pathway\"", byNumber);
    }

    [Fact]
    public async Task Pathway2_WithAReturnPartner_RefersTheCase()
    {
        var s = await CoachingSetup.CreateAsync(app);
        var partner = (await (await s.Coach.PostAsJsonAsync("/api/partners", new { name = "Return counsellors", kind = "ngo" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var decided = await s.Coach.PostAsJsonAsync($"/api/cases/{s.CaseId}/pathway", new
        {
            pathway = "voluntary-return",
            date = Day(CoachingSetup.Today),
            reasons = "No legal stay possible",
            optionsExplained = "Assisted voluntary return with reintegration support",
            returnPartnerId = partner,
        });

        Assert.Equal(HttpStatusCode.Created, decided.StatusCode);
        var referrals = await s.Coach.GetFromJsonAsync<JsonElement[]>($"/api/cases/{s.CaseId}/referrals");
        Assert.Equal("Return counsellors", Assert.Single(referrals!).GetProperty("partner").GetString());
    }

    [Fact]
    public async Task Desks_AppointmentsAndPathway_OfAnotherOrganisation_Are404()
    {
        var s = await CoachingSetup.CreateAsync(app);
        var booked = await s.BookAsync(CoachingSetup.NextWednesday(), "09:00", "09:30", invitation: new { language = "en", addressee = "K" });
        var appointment = (await booked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var (stranger, _, _) = await app.NewUserClientAsync(Roles.Coordinator);
        var wednesday = Day(CoachingSetup.LastWednesday());

        Assert.DoesNotContain(await stranger.GetFromJsonAsync<JsonElement[]>("/api/desks") ?? [], d => d.GetProperty("id").GetGuid() == s.DeskId);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/desks/{s.DeskId}/walk-ins?date={wednesday}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/desks/{s.DeskId}/walk-ins", new { date = wednesday, arrivedAt = "10:00", name = "X", firstVisit = true })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync("/api/appointments", new { caseId = s.CaseId, date = Day(CoachingSetup.NextWednesday()), start = "11:00", end = "11:30", place = "Office" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/appointments/{appointment}/cancel", new { reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/appointments/{appointment}/letter")).StatusCode);
        Assert.Empty(await stranger.GetFromJsonAsync<JsonElement[]>($"/api/appointments?date={Day(CoachingSetup.NextWednesday())}&desk={s.DeskId}") ?? []);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/cases/{s.CaseId}/pathway")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/cases/{s.CaseId}/pathway", new { pathway = "voluntary-return", reasons = "x", optionsExplained = "y" })).StatusCode);
    }

    [Fact]
    public async Task Appointment_AtAnotherOrganisationsDesk_IsRefused()
    {
        var s = await CoachingSetup.CreateAsync(app);
        var other = await CoachingSetup.CreateAsync(app);
        var response = await s.Coach.PostAsJsonAsync("/api/appointments", new { caseId = s.CaseId, date = Day(CoachingSetup.NextWednesday()), start = "09:00", end = "09:30", deskId = other.DeskId });
        Assert.Contains("deskId", await ProblemAsync(response));
    }

    [Fact]
    public async Task Interview_IsAnInteractionWithWhatWasCheckedMissingAndConcluded()
    {
        var s = await CoachingSetup.CreateAsync(app);
        var response = await s.Coach.PostAsJsonAsync($"/api/cases/{s.CaseId}/interactions", new
        {
            type = "first-interview",
            date = Day(CoachingSetup.Today),
            fileChecked = "Asylum refusal of 2024",
            missingItems = "Passport",
            conclusions = "Appeal still possible",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var list = await s.Coach.GetFromJsonAsync<JsonElement>($"/api/cases/{s.CaseId}/interactions");
        var item = list.GetProperty("items")[0];
        Assert.Equal("first-interview", item.GetProperty("type").GetString());
        Assert.Equal("Passport", item.GetProperty("missingItems").GetString());
        Assert.Equal("Appeal still possible", item.GetProperty("conclusions").GetString());
    }
}

public sealed class CoachingApiTestsOnSqlite(SqliteApp app) : CoachingApiTests(app), IClassFixture<SqliteApp>;

public sealed class CoachingApiTestsOnPostgres(PostgresApp app) : CoachingApiTests(app), IClassFixture<PostgresApp>;
