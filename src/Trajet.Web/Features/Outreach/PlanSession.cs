using Microsoft.EntityFrameworkCore;
using Trajet.Web.Data;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.Cases;
using Trajet.Web.Infrastructure;

namespace Trajet.Web.Features.Outreach;

/// <summary>Plans (or records) a permanence, an ad hoc interview or an outdoor round: place, day, who is there, which languages.</summary>
public static class PlanSession
{
    public sealed record Input(SessionKind? Kind, DateOnly? Date, Guid? PlaceId, IReadOnlyCollection<Guid> TeamMembers, IReadOnlyCollection<Guid> Mediators, IReadOnlyCollection<string> Languages, string? Notes);

    public abstract record Result;
    public sealed record Planned(OutreachSession Session) : Result;
    public sealed record Invalid(List<FieldError> Errors) : Result;

    public static async Task<Result> ExecuteAsync(TrajetDbContext db, UserContext user, Input input, DateOnly today, CancellationToken ct, List<FieldError>? errors = null)
    {
        errors ??= [];
        if (input.Kind is null && errors.All(e => e.Field != "kind"))
        {
            errors.Add(new("kind", "The value is not one of the accepted values."));
        }
        if (input.Date is not { } date)
        {
            errors.Add(new("date", "The date is required."));
        }
        else if (date > today.AddYears(1) || date < today.AddYears(-5))
        {
            errors.Add(new("date", "The date is impossible."));
        }
        var place = input.PlaceId is { } placeId ? await db.OutreachPlaces.Visible(user).SingleOrDefaultAsync(p => p.Id == placeId, ct) : null;
        if (place is null)
        {
            errors.Add(new("placeId", "Unknown place."));
        }
        var languages = input.Languages.Select(l => l.Trim().ToLowerInvariant()).Where(l => l.Length > 0).Distinct().ToList();
        if (languages.Any(l => !Codes.IsLanguage(l)))
        {
            errors.Add(new("languages", "Unknown language code: use ISO 639-1 (e.g. hy, ru)."));
        }
        if (input.Notes?.Length > 1000)
        {
            errors.Add(new("notes", "At most 1000 characters."));
        }
        var people = input.TeamMembers.Concat(input.Mediators).Distinct().ToList();
        if (place is not null && people.Count > 0)
        {
            var team = await db.UserProgrammes.Where(up => up.ProgrammeId == place.ProgrammeId && people.Contains(up.UserId)).Select(up => up.UserId).ToListAsync(ct);
            if (input.TeamMembers.Any(u => !team.Contains(u)))
            {
                errors.Add(new("teamMembers", "Choose team members of the programme."));
            }
            if (input.Mediators.Any(u => !team.Contains(u)))
            {
                errors.Add(new("mediators", "Choose team members of the programme."));
            }
        }
        if (errors.Count > 0)
        {
            return new Invalid(errors);
        }
        var session = new OutreachSession
        {
            OrganisationId = place!.OrganisationId,
            ProgrammeId = place.ProgrammeId,
            Kind = input.Kind!.Value,
            Date = input.Date!.Value,
            PlaceId = place.Id,
            Languages = string.Join(',', languages),
            Notes = LogContact.Blank(input.Notes),
            CreatedByUserId = user.Id,
        };
        session.Workers.AddRange(people.Select(u => new OutreachSessionWorker { SessionId = session.Id, UserId = u, IsMediator = input.Mediators.Contains(u) }));
        db.OutreachSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return new Planned(session);
    }

    /// <summary>The session a worker is most likely in right now: today's where they are on the team, else today's latest, else the latest.</summary>
    public static async Task<Guid?> CurrentAsync(TrajetDbContext db, UserContext user, Guid programmeId, DateOnly today, CancellationToken ct)
    {
        var sessions = db.OutreachSessions.Visible(user).Where(s => s.ProgrammeId == programmeId && s.Date <= today);
        return await sessions.OrderByDescending(s => s.Date).ThenByDescending(s => s.Workers.Any(w => w.UserId == user.Id)).ThenByDescending(s => s.CreatedAt)
            .Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);
    }
}
