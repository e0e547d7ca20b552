using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Trajet.Tests.Features.Cases;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.Organisations;

namespace Trajet.Tests.Features.Coaching;

/// <summary>A coaching programme of its own: a coordinator, a coach, a Wednesday 9–12 desk and an active case.</summary>
public sealed record CoachingSetup(
    HttpClient Coordinator, HttpClient Coach, string CoachEmail, Guid CoachId, Organisation Organisation, Programme Programme, Guid DeskId, Guid CaseId, string CaseNumber)
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.Now);

    /// <summary>A Wednesday strictly after today.</summary>
    public static DateOnly NextWednesday(int weeksLater = 0) => Today.AddDays((((int)DayOfWeek.Wednesday - (int)Today.DayOfWeek + 6) % 7) + 1 + (7 * weeksLater));

    /// <summary>A Wednesday strictly before today: its whole morning is past.</summary>
    public static DateOnly LastWednesday() => Today.AddDays(-((((int)Today.DayOfWeek - (int)DayOfWeek.Wednesday + 6) % 7) + 1));

    public static async Task<CoachingSetup> CreateAsync(TrajetApp app)
    {
        var (organisation, programme) = await app.CreateOrganisationAsync(OrganisationKind.Authority);
        await app.WithDbAsync(async (db, _) =>
        {
            await db.Programmes.Where(p => p.Id == programme.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Kind, ProgrammeKind.IndividualCoaching));
            return 0;
        });
        var coordinator = await app.ApiClientAsync(await app.CreateUserAsync(Roles.Coordinator, organisation, programme));
        var coachEmail = await app.CreateUserAsync(Roles.CaseManager, organisation, programme);
        var coach = await app.ApiClientAsync(coachEmail);
        var coachId = await app.WithDbAsync((db, _) => db.Users.Where(u => u.Email == coachEmail).Select(u => u.Id).SingleAsync());
        var desk = await coordinator.PostAsJsonAsync("/api/desks", new
        {
            programme = programme.Slug,
            name = "Brussels desk",
            address = "Boulevard Pachéco 44, 1000 Brussels",
            region = "brussels",
            contact = "+32 2 000 00 00",
            openings = new[] { new { day = "wednesday", opens = "09:00", closes = "12:00" } },
        });
        Assert.Equal(HttpStatusCode.Created, desk.StatusCode);
        var deskId = (await desk.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var (caseId, number) = await CaseBuilder.OpenAsync(coach, programme.Slug, kind: "individual", date: "2026-01-10");
        foreach (var (to, date) in new[] { ("screening", "2026-01-12"), ("admitted", "2026-01-20"), ("active", "2026-01-21") })
        {
            var moved = await coach.PostAsJsonAsync($"/api/cases/{caseId}/status", new { to, date });
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        }
        return new(coordinator, coach, coachEmail, coachId, organisation, programme, deskId, caseId, number);
    }

    public Task<HttpResponseMessage> BookAsync(DateOnly date, string start, string end, Guid? coachUserId = null, object? invitation = null, Guid? caseId = null) =>
        Coach.PostAsJsonAsync("/api/appointments", new
        {
            caseId = caseId ?? CaseId,
            coachUserId,
            date = date.ToString("yyyy-MM-dd"),
            start,
            end,
            deskId = DeskId,
            kind = "follow-up",
            bookedBy = "coach",
            invitation,
        });
}
