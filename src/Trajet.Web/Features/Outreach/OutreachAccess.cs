namespace Trajet.Web.Features.Outreach;

/// <summary>
/// Who works in outreach and which records they reach. The team's own records go through the
/// organisation wall (<see cref="Wall"/>); the other team's records only through an active share.
/// </summary>
public static class OutreachAccess
{
    /// <summary>Logging contacts, planning sessions, recording outcomes; evaluators read aggregates only.</summary>
    public static bool CanWork(UserContext user) => CaseAccess.CanWrite(user);

    /// <summary>Sees people and contacts (names); an evaluator sees only the dashboard.</summary>
    public static bool CanSeePeople(UserContext user) => user.OrganisationId is not null && !user.SeesAggregatesOnly;

    /// <summary>The outreach programmes the user works in (a coordinator: all of the organisation's).</summary>
    public static Task<List<ProgrammeRef>> ProgrammesAsync(TrajetDbContext db, UserContext user, CancellationToken ct)
    {
        var mine = user.Programmes.Select(p => p.Id).ToList();
        return db.Programmes.AsNoTracking()
            .Where(p => p.OrganisationId == user.OrganisationId && p.Kind == ProgrammeKind.Outreach && p.IsActive && (user.IsCoordinator || mine.Contains(p.Id)))
            .OrderBy(p => p.Name).Select(p => new ProgrammeRef(p.Id, p.Slug, p.Name)).ToListAsync(ct);
    }

    /// <summary>The user's outreach programme if they may see its people (and, <paramref name="toWork"/>, log in it); null answers 404.</summary>
    public static async Task<ProgrammeRef?> PageProgrammeAsync(TrajetDbContext db, UserContext user, bool toWork, CancellationToken ct) =>
        (toWork ? CanWork(user) : CanSeePeople(user)) ? await ProgrammeAsync(db, user, null, ct) : null;

    /// <summary>One outreach programme by slug (none: the first), if the user works in it; null (404) otherwise.</summary>
    public static async Task<ProgrammeRef?> ProgrammeAsync(TrajetDbContext db, UserContext user, string? slug, CancellationToken ct)
    {
        var programmes = await ProgrammesAsync(db, user, ct);
        return slug is null ? programmes.FirstOrDefault() : programmes.SingleOrDefault(p => p.Slug == slug);
    }

    /// <summary>Shares in force towards the user's organisation: not stopped, and the person's consent still in force.</summary>
    public static IQueryable<CrossBorderShare> SharesWith(TrajetDbContext db, UserContext user, DateOnly today)
    {
        if (user.OrganisationId is not { } organisationId || user.SeesAggregatesOnly)
        {
            return db.CrossBorderShares.Where(_ => false);
        }
        var consents = ShareAcrossBorder.ActiveConsents(db, today);
        var shares = db.CrossBorderShares.Where(s => s.RecipientOrganisationId == organisationId && s.StoppedOn == null && consents.Any(c => c.Id == s.ConsentId));
        if (user.IsCoordinator)
        {
            return shares;
        }
        var mine = user.Programmes.Select(p => p.Id).ToList();
        return shares.Where(s => mine.Contains(s.RecipientProgrammeId));
    }

    /// <summary>A person the user may write about (tracked), or null (404).</summary>
    public static async Task<OutreachPerson?> WritablePersonAsync(this TrajetDbContext db, UserContext user, Guid id, CancellationToken ct) =>
        CanWork(user) ? await db.OutreachPeople.Visible(user).SingleOrDefaultAsync(p => p.Id == id, ct) : null;
}
