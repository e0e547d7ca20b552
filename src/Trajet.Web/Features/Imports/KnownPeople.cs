namespace Trajet.Web.Features.Imports;

/// <summary>A person already known to the organisation who may be the one a row brings in.</summary>
public sealed record PossibleDuplicate(int Row, Guid CaseId, string CaseNumber, Guid ProgrammeId, Guid MemberId, string FirstName, string LastName, DateOnly? BirthDate);

/// <summary>
/// Finds, for a whole file at once, the organisation's people each row may be (<see cref="NameMatcher.MayBeSamePerson"/>):
/// one read of the name keys the file's names share, one of the people behind them, never a query per row.
/// </summary>
public static class KnownPeople
{
    private const int Chunk = 500;
    private const int PerRow = 3;

    public static async Task<List<PossibleDuplicate>> FindAsync(TrajetDbContext db, Guid organisationId, IReadOnlyList<(ImportedPerson Person, Guid? InCase)> rows, DateOnly today, CancellationToken ct)
    {
        // A few hundred rows at a time: a common family name is shared by thousands of people, and memory stays flat.
        var found = new List<PossibleDuplicate>();
        foreach (var chunk in rows.Chunk(RowsAtOnce))
        {
            found.AddRange(await FindInAsync(db, organisationId, chunk, today, ct));
        }
        return found;
    }

    private const int RowsAtOnce = 500;

    private static async Task<List<PossibleDuplicate>> FindInAsync(TrajetDbContext db, Guid organisationId, IReadOnlyList<(ImportedPerson Person, Guid? InCase)> rows, DateOnly today, CancellationToken ct)
    {
        var wanted = rows.Select(r => (r.Person, r.InCase, First: NameKeys(r.Person.Member.FirstName), Last: NameKeys(r.Person.Member.LastName)))
            .Where(r => r.First.Count > 0 && r.Last.Count > 0)
            .ToList();
        var keys = wanted.SelectMany(r => r.First.Concat(r.Last)).Distinct().ToList();
        var membersByKey = new Dictionary<string, List<Guid>>(StringComparer.Ordinal);
        foreach (var chunk in keys.Chunk(Chunk))
        {
            var pairs = await db.PersonNameKeys.Where(k => k.OrganisationId == organisationId && chunk.Contains(k.Key))
                .Select(k => new { k.Key, k.MemberId }).ToListAsync(ct);
            foreach (var pair in pairs)
            {
                (membersByKey.TryGetValue(pair.Key, out var list) ? list : membersByKey[pair.Key] = []).Add(pair.MemberId);
            }
        }

        // A candidate shares a key of the first name and one of the surname, as MayBeSamePerson asks.
        var candidates = wanted.Select(r =>
        {
            var first = r.First.SelectMany(k => membersByKey.GetValueOrDefault(k) ?? []).ToHashSet();
            return (r.Person, r.InCase, Members: r.Last.SelectMany(k => membersByKey.GetValueOrDefault(k) ?? []).Where(first.Contains).Distinct().ToList());
        }).Where(r => r.Members.Count > 0).ToList();

        var known = new Dictionary<Guid, Known>();
        foreach (var chunk in candidates.SelectMany(c => c.Members).Distinct().Chunk(Chunk))
        {
            var people = await db.Members.Where(m => chunk.Contains(m.Id) && m.ErasedOn == null)
                .Join(db.Cases, m => m.CaseId, c => c.Id, (m, c) => new Known(m.Id, m.CaseId, c.Number, c.ProgrammeId, m.FirstName, m.LastName, m.Aliases, m.BirthDate, m.EstimatedAge))
                .ToListAsync(ct);
            people.ForEach(p => known[p.MemberId] = p);
        }

        var found = new List<PossibleDuplicate>();
        foreach (var (person, inCase, members) in candidates)
        {
            var added = new NameMatcher.Person(person.Member.FirstName!, person.Member.LastName!, string.Join('\n', person.Member.Aliases ?? []), person.Member.BirthDate, person.Member.EstimatedAge);
            found.AddRange(members.Select(known.GetValueOrDefault).OfType<Known>()
                .Where(k => k.CaseId != inCase && NameMatcher.MayBeSamePerson(added, new NameMatcher.Person(k.FirstName, k.LastName, k.Aliases, k.BirthDate, k.EstimatedAge), today))
                .DistinctBy(k => k.CaseId)
                .OrderBy(k => k.CaseNumber, StringComparer.Ordinal)
                .Take(PerRow)
                .Select(k => new PossibleDuplicate(person.Row, k.CaseId, k.CaseNumber, k.ProgrammeId, k.MemberId, k.FirstName, k.LastName, k.BirthDate)));
        }
        return found;
    }

    private static List<string> NameKeys(string? name) => NameMatcher.Keys(name, null).ToList();

    private sealed record Known(Guid MemberId, Guid CaseId, string CaseNumber, Guid ProgrammeId, string FirstName, string LastName, string Aliases, DateOnly? BirthDate, int? EstimatedAge);
}
