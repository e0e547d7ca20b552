namespace Trajet.Web.Features.Outreach;

/// <summary>
/// Finds someone the team met before: by nickname or name (as typed, or sounding alike: Mohamed,
/// Muhammad), or by phone; and, for a first name and surname, people already in the organisation's case files.
/// </summary>
public static class FindReturningPerson
{
    public sealed record Match(Guid Id, string Nickname, string? FirstName, string? LastName, string? Phone, string Nationality, int Contacts, DateOnly? LastContact, Guid? CaseId);

    public sealed record Found(IReadOnlyList<Match> People, IReadOnlyList<FindSimilarPeople.Candidate> CaseFiles);

    public static async Task<Found> ExecuteAsync(TrajetDbContext db, UserContext user, Guid programmeId, string? query, DateOnly today, CancellationToken ct)
    {
        var text = NameKey.Normalize(query);
        if (text.Length == 0)
        {
            return new([], []);
        }
        var digits = OutreachPerson.Digits(query);
        var keys = NameMatcher.Words(text).Select(NameMatcher.Key).Where(k => k.Length is > 1 and <= 30).Distinct().Take(4).ToList();
        // At most four sound-alike keys, each a plain LIKE: one query, no union.
        var k = keys.Select(key => " " + key + " ").Concat(Enumerable.Repeat<string?>(null, 4)).Take(4).ToArray();
        string? k0 = k[0], k1 = k[1], k2 = k[2], k3 = k[3];
        var phone = digits is { Length: >= 6 } ? digits : null;
        var byName = db.OutreachPeople.Visible(user).Where(p => p.ProgrammeId == programmeId).Where(p =>
            p.SearchName.Contains(text)
            || (phone != null && p.PhoneDigits != null && p.PhoneDigits.Contains(phone))
            || (k0 != null && p.SoundKeys.Contains(k0)) || (k1 != null && p.SoundKeys.Contains(k1))
            || (k2 != null && p.SoundKeys.Contains(k2)) || (k3 != null && p.SoundKeys.Contains(k3)));
        var rows = await byName
            .Select(p => new
            {
                p.Id,
                p.Nickname,
                p.FirstName,
                p.LastName,
                p.Phone,
                p.Nationality,
                p.CaseId,
                Contacts = db.OutreachContacts.Count(c => c.PersonId == p.Id),
                LastContact = db.OutreachContacts.Where(c => c.PersonId == p.Id).Max(c => (DateOnly?)c.Date),
            })
            .OrderByDescending(m => m.LastContact).Take(20).ToListAsync(ct);
        var matches = rows.Select(r => new Match(r.Id, r.Nickname, r.FirstName, r.LastName, r.Phone, r.Nationality, r.Contacts, r.LastContact, r.CaseId)).ToList();

        var words = NameMatcher.Words(query).ToList();
        var caseFiles = words.Count >= 2
            ? await FindSimilarPeople.ExecuteAsync(db, user, new NameMatcher.Person(words[0], string.Join(' ', words.Skip(1)), "", null, null), today, null, ct)
            : [];
        return new(matches, caseFiles);
    }
}
