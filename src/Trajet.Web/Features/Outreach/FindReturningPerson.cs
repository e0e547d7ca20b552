using Microsoft.EntityFrameworkCore;
using Trajet.Web.Data;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.Cases;
using Trajet.Web.Features.Organisations;

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
        var people = db.OutreachPeople.Visible(user).Where(p => p.ProgrammeId == programmeId);
        var byName = people.Where(p => p.SearchName.Contains(text));
        if (digits is { Length: >= 6 })
        {
            byName = byName.Union(people.Where(p => p.PhoneDigits != null && p.PhoneDigits.Contains(digits)));
        }
        foreach (var key in keys)
        {
            var padded = " " + key + " ";
            byName = byName.Union(people.Where(p => p.SoundKeys.Contains(padded)));
        }
        var matches = await byName
            .Select(p => new Match(p.Id, p.Nickname, p.FirstName, p.LastName, p.Phone, p.Nationality,
                db.OutreachContacts.Count(c => c.PersonId == p.Id),
                db.OutreachContacts.Where(c => c.PersonId == p.Id).Max(c => (DateOnly?)c.Date), p.CaseId))
            .OrderByDescending(m => m.LastContact).Take(20).ToListAsync(ct);

        var words = NameMatcher.Words(query).ToList();
        var caseFiles = words.Count >= 2
            ? await FindSimilarPeople.ExecuteAsync(db, user, new NameMatcher.Person(words[0], string.Join(' ', words.Skip(1)), "", null, null), today, null, ct)
            : [];
        return new(matches, caseFiles);
    }
}
