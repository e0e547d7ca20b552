namespace Trajet.Web.Features.Cases;

/// <summary>
/// People already known to the user's organisation (in cases the user may see) who may be the
/// person being added: same names under another spelling or order, compatible birth date.
/// </summary>
public static class FindSimilarPeople
{
    public sealed record Candidate(Guid MemberId, Guid CaseId, string CaseNumber, string FirstName, string LastName, DateOnly? BirthDate, int? EstimatedAge, string Nationality);

    public static async Task<List<Candidate>> ExecuteAsync(TrajetDbContext db, UserContext user, NameMatcher.Person person, DateOnly today, Guid? excludeMemberId, CancellationToken ct)
    {
        // The words' own keys: the people already known carry their other readings among their stored keys.
        var keys = NameMatcher.Keys(person.FirstName, person.LastName).ToList();
        if (keys.Count == 0 || user.OrganisationId is null || user.SeesAggregatesOnly)
        {
            return [];
        }
        var visibleCases = db.Cases.Visible(user);
        var rows = await db.PersonNameKeys
            .Where(k => k.OrganisationId == user.OrganisationId && keys.Contains(k.Key))
            .Select(k => k.MemberId).Distinct()
            .Join(db.Members, id => id, m => m.Id, (_, m) => m)
            .Where(m => m.Id != excludeMemberId && visibleCases.Any(c => c.Id == m.CaseId))
            .Select(m => new { m.Id, m.CaseId, Number = db.Cases.Where(c => c.Id == m.CaseId).Select(c => c.Number).First(), m.FirstName, m.LastName, m.Aliases, m.BirthDate, m.EstimatedAge, m.Nationality })
            .Take(200)
            .ToListAsync(ct);
        return rows
            .Where(r => NameMatcher.MayBeSamePerson(person, new NameMatcher.Person(r.FirstName, r.LastName, r.Aliases, r.BirthDate, r.EstimatedAge), today))
            .Take(10)
            .Select(r => new Candidate(r.Id, r.CaseId, r.Number, r.FirstName, r.LastName, r.BirthDate, r.EstimatedAge, r.Nationality))
            .ToList();
    }
}
