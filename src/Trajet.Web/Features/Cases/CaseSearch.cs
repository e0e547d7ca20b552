namespace Trajet.Web.Features.Cases;

/// <summary>The case list's filters, shared by the page and the API.</summary>
public sealed record CaseSearch(CaseStatus? Status, string? Text, string? Programme, Guid? AssigneeId, bool HideNames, DateOnly Today)
{
    /// <summary>
    /// The cases that pass the filters. Filters are answered by indexes (a person's assignments, the name keys with
    /// their cases, a trigram index for the substring of a name: pg_trgm on PostgreSQL, an FTS5 table on SQLite), so
    /// that a national caseload is not read case by case. A name search that finds up to <see cref="MaxPeopleRanked"/>
    /// people ranks their cases by how well the names match (<see cref="NameQuery.Score"/>); beyond that the cases with
    /// the typed text in a name come first, then the newest. Without a search the total comes from <paramref name="counts"/>.
    /// </summary>
    public async Task<Found> FindAsync(TrajetDbContext db, UserContext user, CaseCounts counts, CancellationToken ct)
    {
        var cases = db.Cases.Visible(user);
        var organisationId = user.OrganisationId;
        if (Status is { } status)
        {
            cases = cases.Where(c => c.Status == status);
        }
        if (!string.IsNullOrWhiteSpace(Programme))
        {
            cases = cases.Where(c => c.Programme!.Slug == Programme);
        }
        if (AssigneeId is { } assignee)
        {
            var assigned = db.CaseAssignments.Where(a => a.UserId == assignee).Select(a => a.CaseId);
            cases = cases.Where(c => assigned.Contains(c.Id));
        }
        if (string.IsNullOrWhiteSpace(Text))
        {
            return new Found(this, cases, null, "") { Counts = counts, CountKey = CountKey(user) };
        }
        var number = Text.Trim().ToUpperInvariant();
        if (HideNames)
        {
            return new Found(this, cases.Where(c => c.Number.Contains(number)), null, "");
        }
        var query = NameQuery.Parse(Text);
        // Case numbers (PT-2026-0007) always have digits: text without one (a year of birth aside) is a name only.
        var hasNumber = query.Text.Any(char.IsAsciiDigit);
        var numbered = db.Cases.Where(c => c.OrganisationId == organisationId && c.Number.Contains(number)).Select(c => c.Id);
        // The people whose every name word sounds alike; only when they are few, also those with a word one letter away
        // (those rank below the ones whose every word sounds alike anyway).
        var (people, rows) = await ReadPeopleAsync(query, db, organisationId, near: false, ct);
        if (rows is { Count: < FewPeople } && query.Words.Count <= 3 && query.Words.Any(w => w.Near.Count > 0))
        {
            (people, rows) = await ReadPeopleAsync(query, db, organisationId, near: true, ct);
        }
        var numbers = hasNumber ? await numbered.Take(MaxPeopleRanked + 1).ToListAsync(ct) : [];
        if (rows is null || numbers.Count > MaxPeopleRanked)
        {
            var named = people.Select(m => m.CaseId);
            return new Found(this, hasNumber ? cases.Where(c => named.Contains(c.Id) || numbered.Contains(c.Id)) : cases.Where(c => named.Contains(c.Id)), null, query.Text);
        }
        var scores = numbers.ToDictionary(id => id, _ => NumberScore);
        foreach (var row in rows)
        {
            var score = query.Score(row.FirstName, row.LastName, row.Aliases)
                + (row.SearchName.Contains(query.Text, StringComparison.Ordinal) ? SubstringScore : 0)
                + (query.BirthYear is not null && (row.BirthDate is not null || row.EstimatedAge is not null) ? YearScore : 0); // born that year, not unknown
            scores[row.CaseId] = Math.Max(score, scores.GetValueOrDefault(row.CaseId));
        }
        var ids = scores.Keys.ToList();
        return new Found(this, cases.Where(c => ids.Contains(c.Id)), scores, query.Text);
    }

    // Whatever decides which cases the list counts: the user's wall (Organisations/ProgrammeRecord.cs) and the filters.
    private sealed record Counted(Guid? Organisation, bool AllProgrammes, string Programmes, CaseStatus? Status, string? Programme, Guid? Assignee);

    private Counted CountKey(UserContext user) => new(user.OrganisationId, user.IsCoordinator,
        user.IsCoordinator ? "" : string.Join(',', user.Programmes.Select(p => p.Id).Order()), Status, Programme, AssigneeId);

    private const int MaxPeopleLookedUp = 5000;
    private const int MaxPeopleRanked = 1000;
    private const int FewPeople = 20;
    private const int SubstringScore = 100;
    private const int YearScore = 200; // born that year outranks the typed text found in the name of someone of unknown age
    private const int NumberScore = 1000;

    private sealed record Person(Guid CaseId, string FirstName, string LastName, string Aliases, string SearchName, DateOnly? BirthDate, int? EstimatedAge);

    /// <summary>
    /// The people the text names, and their names when they are few enough to rank (null otherwise). Their ids are read
    /// first, so that the names are then read by primary key: the database cannot guess how few the keys' intersection
    /// leaves and would otherwise read every person.
    /// </summary>
    private async Task<(IQueryable<Member> People, List<Person>? Rows)> ReadPeopleAsync(NameQuery query, TrajetDbContext db, Guid? organisationId, bool near, CancellationToken ct)
    {
        var named = Containing(query.Text, db, organisationId);
        if (query.Words.Count > 0)
        {
            named = named.Union(near ? NearlyNamed(query, db, organisationId) : WithKeys(query.Words.Select(w => w.Keys), db, organisationId));
        }
        var people = Born(db.Members.Where(m => named.Contains(m.Id)), query.BirthYear);
        var ids = await named.Take(MaxPeopleLookedUp + 1).ToListAsync(ct);
        if (ids.Count > MaxPeopleLookedUp && query.BirthYear is not null)
        {
            // Too many of that name: the year of birth narrows them down in the database.
            ids = await people.Select(m => m.Id).Take(MaxPeopleLookedUp + 1).ToListAsync(ct);
        }
        if (ids.Count > MaxPeopleLookedUp)
        {
            return (people, null);
        }
        var rows = await Born(db.Members.Where(m => ids.Contains(m.Id)), query.BirthYear)
            .Select(m => new Person(m.CaseId, m.FirstName, m.LastName, m.Aliases, m.SearchName, m.BirthDate, m.EstimatedAge)).Take(MaxPeopleRanked + 1).ToListAsync(ct);
        return (people, rows.Count > MaxPeopleRanked ? null : rows);
    }

    // The people with the text in a name or alias. SQLite looks it up in its trigram table (migration 0022) when the text
    // has three letters or more and no LIKE wildcard; PostgreSQL's planner uses its trigram index by itself.
    private static IQueryable<Guid> Containing(string text, TrajetDbContext db, Guid? organisationId)
    {
        var people = db.Members.Where(m => m.OrganisationId == organisationId);
        if (db.Database.IsSqlite() && text.Length >= 3 && !text.Contains('%') && !text.Contains('_'))
        {
            var pattern = $"%{text}%";
            var withText = db.Database.SqlQuery<Guid>($"""
                SELECT r."MemberId" AS "Value" FROM "MemberNameRows" AS r
                WHERE r."Row" IN (SELECT rowid FROM "MemberNames" WHERE "SearchName" LIKE {pattern})
                """);
            return people.Where(m => withText.Contains(m.Id)).Select(m => m.Id);
        }
        return people.Where(m => m.SearchName.Contains(text)).Select(m => m.Id);
    }

    // The people with one of the given keys for every word: one index range per word, intersected.
    private static IQueryable<Guid> WithKeys(IEnumerable<IEnumerable<string>> words, TrajetDbContext db, Guid? organisationId) =>
        words.Select(word => word.ToList())
            .Select(keys => db.PersonNameKeys.Where(k => k.OrganisationId == organisationId && keys.Contains(k.Key)).Select(k => k.MemberId))
            .Aggregate((all, withWord) => all.Intersect(withWord));

    // One word alone, also one letter away; of two or three words, one by its own keys and the others also one letter
    // away (but not by that word's keys), so that a single name does not stand for two words: Hamid one letter from
    // both Muhammad and Hamdn, Sahra for both Sahra and Tahar. (More words are precise enough by their keys.)
    private static IQueryable<Guid> NearlyNamed(NameQuery query, TrajetDbContext db, Guid? organisationId) =>
        query.Words.Count == 1
            ? WithKeys([query.Words[0].AllKeys], db, organisationId)
            : query.Words.Select((exact, i) => WithKeys(query.Words.Select((w, j) => j == i ? w.Keys : w.AllKeys.Except(exact.Keys)), db, organisationId))
                .Aggregate((all, some) => all.Union(some));

    // Born in the year typed (a birth date in that year, or an estimated age that puts it within two years), or of unknown
    // age: those stay, ranked below the ones born that year.
    private IQueryable<Member> Born(IQueryable<Member> people, int? birthYear)
    {
        if (birthYear is not { } year)
        {
            return people;
        }
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var (youngest, oldest) = (Today.Year - year - 2, Today.Year - year + 2);
        return people.Where(m => m.BirthDate >= first && m.BirthDate <= last
            || m.BirthDate == null && (m.EstimatedAge == null || m.EstimatedAge >= youngest && m.EstimatedAge <= oldest));
    }

    /// <summary>
    /// The cases a search found: counted, then read a page at a time, best matches first (by score, or else those with
    /// <paramref name="text"/>, the typed text as a substring of a name, first).
    /// </summary>
    public sealed class Found(CaseSearch search, IQueryable<Case> cases, IReadOnlyDictionary<Guid, int>? scores, string text)
    {
        private List<Guid>? ranked;

        internal CaseCounts? Counts { get; init; }
        internal object? CountKey { get; init; }

        public async Task<int> CountAsync(CancellationToken ct)
        {
            if (Counts is not null && CountKey is not null)
            {
                return await Counts.CountAsync(CountKey, () => cases.CountAsync(ct));
            }
            if (scores is null)
            {
                return await cases.CountAsync(ct);
            }
            var rows = await cases.Select(c => new { c.Id, c.Referral.Date, c.Number }).ToListAsync(ct);
            ranked = rows.OrderByDescending(r => scores[r.Id]).ThenByDescending(r => r.Date).ThenByDescending(r => r.Number, StringComparer.Ordinal)
                .Select(r => r.Id).ToList();
            return ranked.Count;
        }

        public async Task<List<CasesApi.ListItem>> PageAsync(int skip, int take, CancellationToken ct)
        {
            if (scores is null)
            {
                return await search.Project(cases, text).Skip(skip).Take(take).ToListAsync(ct);
            }
            if (ranked is null)
            {
                await CountAsync(ct);
            }
            var ids = ranked!.Skip(skip).Take(take).ToList();
            var items = await search.Project(cases.Where(c => ids.Contains(c.Id)), text).ToListAsync(ct);
            return [.. items.OrderBy(i => ids.IndexOf(i.Id))];
        }
    }

    private IQueryable<CasesApi.ListItem> Project(IQueryable<Case> cases, string text)
    {
        var ordered = text.Length > 0
            ? cases.OrderByDescending(c => c.Members.Any(m => m.SearchName.Contains(text))).ThenByDescending(c => c.Referral.Date)
            : cases.OrderByDescending(c => c.Referral.Date);
        var hideNames = HideNames;
        return ordered.ThenByDescending(c => c.Number)
            .Select(c => new CasesApi.ListItem(
                c.Id, c.Number, c.Status, c.Kind, c.Programme!.Slug, c.Referral.Date,
                hideNames ? null : c.Members.OrderBy(m => m.CreatedAt).Select(m => m.LastName).FirstOrDefault(),
                c.Members.Count));
    }
}
