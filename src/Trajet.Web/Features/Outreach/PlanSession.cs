namespace Trajet.Web.Features.Outreach;

/// <summary>Plans (or records) a permanence, an ad hoc interview or an outdoor round: place, day, who is there, which languages.</summary>
public static class PlanSession
{
    /// <summary>What the form and the API send (the API's kind in kebab-case); the form types the languages as text.</summary>
    public sealed record Input
    {
        public SessionKind? Kind { get; init; }
        public DateOnly? Date { get; init; }
        public Guid? PlaceId { get; init; }
        public IReadOnlyList<Guid>? TeamMembers { get; init; }
        public IReadOnlyList<Guid>? Mediators { get; init; }
        public IReadOnlyList<string>? Languages { get; init; }
        public string? Notes { get; init; }
    }

    public static async Task<Result<OutreachSession>> ExecuteAsync(TrajetDbContext db, UserContext user, Input input, DateOnly today, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        IReadOnlyList<Guid> teamMembers = input.TeamMembers ?? [], mediators = input.Mediators ?? [];
        if (input.Kind is null)
        {
            errors.Add(FieldError.NotAccepted("kind"));
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
        var languages = (input.Languages ?? []).Select(l => l.Trim().ToLowerInvariant()).Where(l => l.Length > 0).Distinct().ToList();
        if (languages.Any(l => !Codes.IsLanguage(l)))
        {
            errors.Add(new("languages", "Unknown language code: use ISO 639-1 (e.g. hy, ru)."));
        }
        if (input.Notes?.Length > 1000)
        {
            errors.Add(new("notes", "At most 1000 characters."));
        }
        var people = teamMembers.Concat(mediators).Distinct().ToList();
        if (place is not null && people.Count > 0)
        {
            var team = await db.UserProgrammes.Where(up => up.ProgrammeId == place.ProgrammeId && people.Contains(up.UserId)).Select(up => up.UserId).ToListAsync(ct);
            if (teamMembers.Any(u => !team.Contains(u)))
            {
                errors.Add(new("teamMembers", "Choose team members of the programme."));
            }
            if (mediators.Any(u => !team.Contains(u)))
            {
                errors.Add(new("mediators", "Choose team members of the programme."));
            }
        }
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
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
        session.Workers.AddRange(people.Select(u => new OutreachSessionWorker { SessionId = session.Id, UserId = u, IsMediator = mediators.Contains(u) }));
        db.OutreachSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return session;
    }

    /// <summary>The session a worker is most likely in right now: today's where they are on the team, else today's latest, else the latest.</summary>
    public static async Task<Guid?> CurrentAsync(TrajetDbContext db, UserContext user, Guid programmeId, DateOnly today, CancellationToken ct)
    {
        var sessions = db.OutreachSessions.Visible(user).Where(s => s.ProgrammeId == programmeId && s.Date <= today);
        return await sessions.OrderByDescending(s => s.Date).ThenByDescending(s => s.Workers.Any(w => w.UserId == user.Id)).ThenByDescending(s => s.CreatedAt)
            .Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);
    }
}
