using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Trajet.Tests.Features.Cases;
using Trajet.Tests.Features.Coaching;
using Trajet.Tests.Features.Outreach;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.Organisations;

namespace Trajet.Tests.Security;

/// <summary>
/// The records of a coaching and an outreach programme that the security walks fill routes with, made through the
/// API as their users would: a Wednesday-morning desk, last Wednesday's walk-in, next Wednesday's appointment with
/// its invitation letter; a place, a session there, a person met, an inbound referral.
/// </summary>
public static class ProgrammeRecords
{
    public sealed record Coaching(string Slug, string CaseId, string DeskId, string WalkInId, string AppointmentId, string InvitationId);
    public sealed record Outreach(string Slug, string PlaceId, string SessionId, string PersonId, string ReferralId);

    /// <summary>Which of these records fills each coaching and outreach route parameter (for the walks' route tables).</summary>
    public static readonly (string Prefix, string Parameter, Func<Coaching, Outreach, string> Value)[] Routes =
    [
        ("/Coaching/Book/{id}", "id", (c, _) => c.CaseId),
        ("/Coaching/Pathway/{id}", "id", (c, _) => c.CaseId),
        ("/Coaching/Letter/{id}", "id", (c, _) => c.InvitationId),
        ("/Coaching/Queue/{id}", "id", (c, _) => c.DeskId),
        ("/api/desks/{id}", "id", (c, _) => c.DeskId),
        ("/api/desks/{id}/walk-ins/{walkInId}", "walkInId", (c, _) => c.WalkInId),
        ("/api/appointments/{id}", "id", (c, _) => c.AppointmentId),
        ("/Outreach/Person/{id}", "id", (_, o) => o.PersonId),
        ("/Outreach/Session/{id}", "id", (_, o) => o.SessionId),
        ("/api/outreach/people/{id}", "id", (_, o) => o.PersonId),
        ("/api/outreach/sessions/{id}", "id", (_, o) => o.SessionId),
        ("/api/outreach/referrals/{id}", "id", (_, o) => o.ReferralId),
    ];

    /// <summary>Texts the records carry, so that a walk can look for them in every answer.</summary>
    public sealed record Texts(string Place, string Name, string OtherName, string Note);

    /// <summary>A new programme of the organisation, with the user (if any) in it.</summary>
    public static Task<Programme> AddProgrammeAsync(TrajetApp app, Organisation organisation, ProgrammeKind kind, Guid? userId = null) =>
        app.WithDbAsync(async (db, _) =>
        {
            var slug = $"{kind.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}"[..30];
            var programme = new Programme { OrganisationId = organisation.Id, Slug = slug, Name = "Programme " + slug, Kind = kind, CasePrefix = "QW" };
            db.Programmes.Add(programme);
            if (userId is { } user)
            {
                db.UserProgrammes.Add(new UserProgramme { UserId = user, ProgrammeId = programme.Id });
            }
            await db.SaveChangesAsync();
            return programme;
        });

    /// <param name="coordinator">A coordinator of the programme: desks are theirs to open.</param>
    public static async Task<Coaching> CoachingAsync(TrajetApp app, HttpClient coordinator, string slug, Texts texts)
    {
        var desk = await OutreachTeam.IdOf(await coordinator.PostAsJsonAsync("/api/desks", new
        {
            programme = slug,
            name = texts.Place,
            address = "Rue de la Loi 1, 1000 Brussels",
            region = "brussels",
            openings = new[] { new { day = "wednesday", opens = "09:00", closes = "12:00" } },
        }));
        var (caseId, _) = await CaseBuilder.OpenAsync(coordinator, slug, kind: "individual", date: "2026-01-10");
        var walkIn = await OutreachTeam.IdOf(await coordinator.PostAsJsonAsync($"/api/desks/{desk}/walk-ins", new
        {
            date = CoachingSetup.LastWednesday().ToString("yyyy-MM-dd"),
            arrivedAt = "10:00",
            name = texts.Name,
            firstVisit = true,
            question = texts.Note,
        }));
        var appointment = await OutreachTeam.IdOf(await coordinator.PostAsJsonAsync("/api/appointments", new
        {
            caseId,
            date = CoachingSetup.NextWednesday().ToString("yyyy-MM-dd"),
            start = "09:00",
            end = "09:30",
            deskId = desk,
            kind = "follow-up",
            bookedBy = "coach",
            invitation = new { language = "fr", addressee = texts.OtherName },
        }));
        var invitation = await app.WithDbAsync((db, _) => db.Invitations.Where(i => i.AppointmentId == appointment).Select(i => i.Id).SingleAsync());
        return new Coaching(slug, caseId.ToString(), desk.ToString(), walkIn.ToString(), appointment.ToString(), invitation.ToString());
    }

    public static async Task<Outreach> OutreachAsync(OutreachTeam team, Texts texts)
    {
        var place = await team.PlaceAsync(name: texts.Place);
        var session = await team.SessionAsync(place);
        var person = await OutreachTeam.PersonOf(await team.ContactAsync(session, nickname: texts.Name));
        var partner = await OutreachTeam.IdOf(await team.Client.PostAsJsonAsync("/api/partners", new { name = "Partner " + Guid.NewGuid().ToString("N")[..8], kind = "authority" }));
        var referral = await OutreachTeam.IdOf(await team.Client.PostAsJsonAsync("/api/outreach/referrals",
            new { programme = team.Programme.Slug, partnerId = partner, date = "2026-03-01", name = texts.OtherName, reason = texts.Note }));
        return new Outreach(team.Programme.Slug, place.ToString(), session.ToString(), person.ToString(), referral.ToString());
    }
}
