namespace Trajet.Web.Features.Cases;

/// <summary>The case list's filters, shared by the page and the API.</summary>
public sealed record CaseSearch(CaseStatus? Status, string? Text, string? Programme, Guid? AssigneeId, bool HideNames, DateOnly Today)
{
    /// <summary>
    /// The cases that pass the filters. Filters are answered by indexes (a person's assignments, the name keys with
    /// their cases, a trigram index for the substring of a name: pg_trgm on PostgreSQL, an FTS5 table on SQLite), so
    /// that a national caseload is not read case by case. A name search reads at most <see cref="MaxPeopleRead"/> people
    /// a way (the typed text in a name, then each word's own key, then its other readings), in the order an index gives,
    /// and ranks their cases by how well the names match (<see cref="NameQuery.Score"/>): the work does not grow with how
    /// many people share the name. When there were more, the total is capped (<see cref="Found.IsCapped"/>).
    /// Without a search the total comes from <paramref name="counts"/>.
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
            return new Found(this, cases, null, false) { Counts = counts, CountKey = CountKey(user) };
        }
        var number = Text.Trim().ToUpperInvariant();
        if (HideNames)
        {
            return new Found(this, cases.Where(c => c.Number.Contains(number)), null, false);
        }
        var query = NameQuery.Parse(Text);
        // Case numbers (PT-2026-0007) always have digits: text without one (a year of birth aside) is a name only.
        var hasNumber = query.Text.Any(char.IsAsciiDigit);
        var numbers = hasNumber
            ? await cases.Where(c => c.Number.Contains(number)).Select(c => new Ranked(c.Id, c.Referral.Date, c.Number)).Take(MaxPeopleRead + 1).ToListAsync(ct)
            : [];
        var few = await KeyCountsAsync(query, db, organisationId, ct);
        Func<IQueryable<Member>, IQueryable<Member>>? bornOrUnknown = query.BirthYear is { } year ? m => Born(m, year) : null;
        var (rows, capped) = await ReadPeopleAsync(query, db, cases, bornOrUnknown, organisationId, near: false, few, ct);
        if (capped && query.BirthYear is { } born)
        {
            // Too many of that name born that year or of unknown age: those born that year are read on their own, so
            // that namesakes of unknown age do not crowd them out.
            var (bornThatYear, _) = await ReadPeopleAsync(query, db, cases, m => BornIn(m, born), organisationId, near: false, few, ct);
            rows = [.. bornThatYear, .. rows];
        }
        // Only when they are few, also those with a word one letter away (those rank below the ones whose every word
        // sounds alike anyway).
        if (rows.Count < FewPeople && query.Words.Count <= 3 && query.Words.Any(w => w.Near.Count > 0))
        {
            var (nearRows, nearCapped) = await ReadPeopleAsync(query, db, cases, bornOrUnknown, organisationId, near: true, few, ct);
            rows = [.. rows.Concat(nearRows).DistinctBy(r => r.Id)];
            capped |= nearCapped;
        }
        var found = numbers.Take(MaxPeopleRead).ToDictionary(c => c.Id, c => (Case: c, Score: NumberScore));
        // Namesakes found together often share every name: each spelling is scored once.
        var byName = new Dictionary<(string, string, string), int>();
        foreach (var row in rows)
        {
            if (!byName.TryGetValue((row.FirstName, row.LastName, row.Aliases), out var nameScore))
            {
                byName[(row.FirstName, row.LastName, row.Aliases)] = nameScore = query.Score(row.FirstName, row.LastName, row.Aliases);
            }
            var score = nameScore
                + (row.HasText ? SubstringScore : 0)
                + (query.BirthYear is not null && row.HasAge ? YearScore : 0); // born that year, not unknown
            if (!found.TryGetValue(row.CaseId, out var best) || best.Score < score)
            {
                found[row.CaseId] = (new Ranked(row.CaseId, row.ReferralDate, row.Number), score);
            }
        }
        // Best matches first, then the newest; a name search lists at most MaxCasesRanked cases.
        var ranked = found.Values.OrderByDescending(f => f.Score).ThenByDescending(f => f.Case.ReferralDate)
            .ThenByDescending(f => f.Case.Number, StringComparer.Ordinal).Select(f => f.Case.Id).ToList();
        if (ranked.Count > MaxCasesRanked)
        {
            ranked.RemoveRange(MaxCasesRanked, ranked.Count - MaxCasesRanked);
            capped = true;
        }
        return new Found(this, cases, ranked, capped || numbers.Count > MaxPeopleRead);
    }

    // Whatever decides which cases the list counts: the user's wall (Organisations/ProgrammeRecord.cs) and the filters.
    private sealed record Counted(Guid? Organisation, bool AllProgrammes, string Programmes, CaseStatus? Status, string? Programme, Guid? Assignee);

    private Counted CountKey(UserContext user) => new(user.OrganisationId, user.IsCoordinator,
        user.IsCoordinator ? "" : string.Join(',', user.Programmes.Select(p => p.Id).Order()), Status, Programme, AssigneeId);

    /// <summary>The people a search reads at most, each way it looks them up; and the cases it ranks at most.</summary>
    public const int MaxPeopleRead = 500;
    public const int MaxCasesRanked = 1000;
    private const int FewPeople = 20;
    private const int SubstringScore = 100;
    private const int YearScore = 200; // born that year outranks the typed text found in the name of someone of unknown age
    private const int NumberScore = 1000;

    /// <summary>
    /// On SQLite, when the query has several words, the words whose keys name few people (at most
    /// <see cref="FewKeyEntries"/> index entries, counted up to that), with their count: a way can start with the fewest and
    /// check the other words person by person (<see cref="PersonByPerson"/>). PostgreSQL intersects the ranges itself
    /// (hashed) and needs no count.
    /// </summary>
    private static async Task<IReadOnlyDictionary<NameQuery.Word, int>> KeyCountsAsync(NameQuery query, TrajetDbContext db, Guid? organisationId,
        CancellationToken ct)
    {
        var few = new Dictionary<NameQuery.Word, int>(ReferenceEqualityComparer.Instance);
        if (!db.Database.IsSqlite() || query.Words.Count < 2)
        {
            return few;
        }
        foreach (var word in query.Words)
        {
            var keys = word.Keys.ToList();
            var count = await db.PersonNameKeys.Where(k => k.OrganisationId == organisationId && keys.Contains(k.Key)).Take(FewKeyEntries + 1).CountAsync(ct);
            if (count <= FewKeyEntries)
            {
                few[word] = count;
            }
        }
        return few;
    }

    private const int FewKeyEntries = 3000;

    private sealed record Ranked(Guid Id, DateOnly ReferralDate, string Number);

    // A person found one way, with what ranks them (the typed text in their name, an age known) and their case.
    private sealed record Person(int Way, Guid Id, Guid CaseId, string FirstName, string LastName, string Aliases, bool HasText, bool HasAge,
        DateOnly ReferralDate, string Number);

    /// <summary>
    /// The people the text names, at most <see cref="MaxPeopleRead"/> a way, best first: the typed text in a name (the
    /// same spelling), then every word by the longest word's own key, then (sharing that way's limit) by its other
    /// readings (at once when few); or, when <paramref name="near"/>, those the first pass could not find: with a word one
    /// letter away. <paramref name="born"/> narrows them (the year of birth). Every way is one limited read, with the names
    /// read by primary key: all in one query, but for the readings, read after it (and only when their own key did not
    /// reach the limit).
    /// </summary>
    private static async Task<(List<Person> Rows, bool Capped)> ReadPeopleAsync(NameQuery query, TrajetDbContext db, IQueryable<Case> cases,
        Func<IQueryable<Member>, IQueryable<Member>>? born, Guid? organisationId, bool near, IReadOnlyDictionary<NameQuery.Word, int> few, CancellationToken ct)
    {
        // The people in the cases the filters keep, so that a capped read is not spent on cases the list leaves out. Each
        // one's case is looked up by its key (a subquery per row, which the planner keeps as such): a join would let it
        // read every case or every namesake before the limit.
        var inCases = db.Members.Where(m => m.OrganisationId == organisationId && cases.Where(c => c.Id == m.CaseId).Select(c => 1).FirstOrDefault() == 1);
        var people = born is null ? inCases : born(inCases);
        var ways = Ways(query, db, cases, people, born?.Invoke(db.Members), organisationId, near, few).ToList();
        // The ways other than readings in one query; the readings only when their own key's way did not reach the limit.
        var byWay = (await WithNames(query, db, ways.Select((w, i) => w.Readings ? null : Limited(w.Found, i, MaxPeopleRead + 1))).ToListAsync(ct))
            .ToLookup(r => r.Way);
        var rows = new List<Person>();
        var capped = false;
        for (var way = 0; way < ways.Count; way++)
        {
            var limit = MaxPeopleRead;
            var found = byWay[way].ToList();
            if (ways[way].Readings)
            {
                // Other readings share the own key's limit.
                limit -= byWay[way - 1].Count();
                if (limit < 0)
                {
                    continue;
                }
                found = await WithNames(query, db, [Limited(ways[way].Found, way, limit + 1)]).ToListAsync(ct);
            }
            rows.AddRange(found.Take(limit));
            capped |= found.Count > limit;
        }
        return ([.. rows.DistinctBy(r => r.Id)], capped);
    }

    private static IQueryable<Read> Limited(IQueryable<Guid> found, int way, int limit) =>
        found.Take(limit).Select(id => new Read { Id = id, Way = way });

    // The people read some ways, with their names and their case's date and number (by primary key), in one query.
    private static IQueryable<Person> WithNames(NameQuery query, TrajetDbContext db, IEnumerable<IQueryable<Read>?> ways)
    {
        var text = query.Text;
        return ways.OfType<IQueryable<Read>>().Aggregate((all, way) => all.Concat(way))
            .Join(db.Members, r => r.Id, m => m.Id, (r, m) => new { r.Way, Member = m })
            .Join(db.Cases, r => r.Member.CaseId, c => c.Id, (r, c) => new Person(r.Way, r.Member.Id, c.Id, r.Member.FirstName, r.Member.LastName,
                r.Member.Aliases, r.Member.SearchName.Contains(text), r.Member.BirthDate != null || r.Member.EstimatedAge != null, c.Referral.Date, c.Number));
    }

    private sealed class Read
    {
        public Guid Id { get; init; }
        public int Way { get; init; }
    }

    // The ways of finding people, best first; Readings: the other readings of the way before's key.
    private static IEnumerable<(IQueryable<Guid> Found, bool Readings)> Ways(NameQuery query, TrajetDbContext db, IQueryable<Case> cases,
        IQueryable<Member> people, IQueryable<Member>? born, Guid? organisationId, bool near, IReadOnlyDictionary<NameQuery.Word, int> few)
    {
        if (near)
        {
            yield return (NearlyNamed(query, db, cases, born, organisationId, few), false);
            yield break;
        }
        yield return (Containing(query.Text, db, people), false);
        if (query.Words.Count == 0)
        {
            yield break;
        }
        // Every word by its keys: first the longest word's own key, then its other readings. Read from the word that names
        // the fewest people, when they are few.
        var words = ByKeyLength(query);
        var others = words.Skip(1).Select(w => w.Keys).ToList();
        var lead = words.Select((w, i) => (Count: few.TryGetValue(w, out var n) ? n : int.MaxValue, Index: i)).Min() is { Count: <= FewKeyEntries } fewest
            ? fewest.Index
            : (int?)null;
        if (lead is not null && words[0].Keys.Count > 1)
        {
            // Few people: read at once, those with the own key first.
            yield return (WithKeys([words[0].Keys, .. others], db, cases, born, organisationId, lead, words[0].Key), false);
            yield break;
        }
        yield return (WithKeys([[words[0].Key], .. others], db, cases, born, organisationId, lead), false);
        if (words[0].Keys.Count > 1)
        {
            yield return (WithKeys([words[0].Keys.Where(k => k != words[0].Key).ToList(), .. others], db, cases, born, organisationId, lead), true);
        }
    }

    // The people with the text in a name or alias. SQLite looks it up in its trigram table (migration 0022) when the text
    // has three letters or more, as a phrase: the text's trigrams one after the other, found by their positions without
    // reading each name again as LIKE does. PostgreSQL's planner uses its trigram index by itself.
    private static IQueryable<Guid> Containing(string text, TrajetDbContext db, IQueryable<Member> people)
    {
        if (db.Database.IsSqlite() && text.Length >= 3)
        {
            var phrase = $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            var withText = db.Database.SqlQuery<Guid>($"""
                SELECT r."MemberId" AS "Value" FROM "MemberNameRows" AS r
                WHERE r."Row" IN (SELECT rowid FROM "MemberNames" WHERE "MemberNames" MATCH {phrase})
                """);
            return people.Where(m => withText.Contains(m.Id)).Select(m => m.Id);
        }
        return people.Where(m => m.SearchName.Contains(text)).Select(m => m.Id);
    }

    // The people with one of the given keys for every word: one index range per word, intersected (index entries only);
    // then, for those left, the year of birth and the case filters, each a lookup by primary key (a subquery per row,
    // which the planner keeps as such: as a join it could read every case or person before the limit). One word's range
    // is read only up to the limit. A person may come once per key.
    private static IQueryable<Guid> WithKeys(IEnumerable<IEnumerable<string>> words, TrajetDbContext db, IQueryable<Case> cases, IQueryable<Member>? born, Guid? organisationId,
        int? lead = null, string? ownKeyFirst = null)
    {
        var lists = words.Select(w => w.ToList()).ToList();
        var found = lead is { } first ? PersonByPerson(lists, first, db, organisationId).Select(k => new { k.MemberId, k.CaseId }).Distinct()
            : lists.Select(keys => db.PersonNameKeys.Where(k => k.OrganisationId == organisationId && keys.Contains(k.Key)).Select(k => new { k.MemberId, k.CaseId }))
                .Aggregate((all, withWord) => all.Intersect(withWord));
        if (born is not null)
        {
            found = found.Where(k => born.Where(m => m.Id == k.MemberId).Select(m => 1).FirstOrDefault() == 1);
        }
        found = found.Where(k => cases.Where(c => c.Id == k.CaseId).Select(c => 1).FirstOrDefault() == 1);
        if (ownKeyFirst is not null)
        {
            found = found.OrderBy(k => db.PersonNameKeys.Any(o => o.MemberId == k.MemberId && o.Key == ownKeyFirst) ? 0 : 1);
        }
        return found.Select(k => k.MemberId);
    }

    // The words, the longest key first: read by its own key first (likely the rarest, and the best matches).
    private static List<NameQuery.Word> ByKeyLength(NameQuery query) => [.. query.Words.OrderByDescending(w => w.Key.Length)];

    // SQLite reads every range of an INTERSECT in full, and a word's neighbours or a common name's are thousands of
    // entries: when one word names few people, its range instead, each person checked for the other words by primary
    // key: a few keys sought one by one, more (a word's neighbours) by reading the person's own few keys (the
    // concatenation keeps SQLite from seeking each of a hundred keys).
    private static IQueryable<PersonNameKey> PersonByPerson(List<List<string>> words, int lead, TrajetDbContext db, Guid? organisationId)
    {
        var first = words[lead];
        var range = db.PersonNameKeys.Where(k => k.OrganisationId == organisationId && first.Contains(k.Key));
        foreach (var keys in words.Where((_, i) => i != lead))
        {
            range = keys.Count <= SoughtKeys
                ? range.Where(k => db.PersonNameKeys.Any(o => o.MemberId == k.MemberId && keys.Contains(o.Key)))
                : range.Where(k => db.PersonNameKeys.Any(o => o.MemberId == k.MemberId && keys.Contains(o.Key + "")));
        }
        return range;
    }

    private const int SoughtKeys = 4;

    // The people the first pass did not find, with a word one letter away. One word alone: its keys one letter away.
    // Two or three words: one by its own keys and the others also one letter away (but not by that word's keys), so
    // that a single name does not stand for two words: Hamid one letter from both Muhammad and Hamdn, Sahra for both
    // Sahra and Tahar. (More words are precise enough by their keys.) Of two words, the other only one letter away:
    // by its keys, the first pass found them.
    private static IQueryable<Guid> NearlyNamed(NameQuery query, TrajetDbContext db, IQueryable<Case> cases, IQueryable<Member>? born, Guid? organisationId,
        IReadOnlyDictionary<NameQuery.Word, int> few) =>
        query.Words.Count == 1
            ? WithKeys([query.Words[0].Near], db, cases, born, organisationId)
            : NearBranches(query).Select(exact => WithKeys([exact.Keys, .. query.Words.Where(w => !ReferenceEquals(w, exact))
                    .Select(w => (query.Words.Count == 2 ? w.Near : w.AllKeys).Except(exact.Keys))], db, cases, born, organisationId,
                few.ContainsKey(exact) ? 0 : null))
                .Aggregate((all, some) => all.Concat(some));

    // The words a search one letter away starts from: those with another word that has keys one letter away (else the
    // first pass found them all).
    private static IEnumerable<NameQuery.Word> NearBranches(NameQuery query) =>
        query.Words.Where(exact => query.Words.Any(w => !ReferenceEquals(w, exact) && w.Near.Count > 0));

    // Born in the year typed (a birth date in that year, or an estimated age that puts it within two years), or of unknown
    // age: those stay, ranked below the ones born that year.
    private IQueryable<Member> Born(IQueryable<Member> people, int year)
    {
        var (first, last, youngest, oldest) = Years(year);
        return people.Where(m => m.BirthDate >= first && m.BirthDate <= last
            || m.BirthDate == null && (m.EstimatedAge == null || m.EstimatedAge >= youngest && m.EstimatedAge <= oldest));
    }

    private IQueryable<Member> BornIn(IQueryable<Member> people, int year)
    {
        var (first, last, youngest, oldest) = Years(year);
        return people.Where(m => m.BirthDate >= first && m.BirthDate <= last || m.BirthDate == null && m.EstimatedAge >= youngest && m.EstimatedAge <= oldest);
    }

    private (DateOnly First, DateOnly Last, int Youngest, int Oldest) Years(int year) =>
        (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), Today.Year - year - 2, Today.Year - year + 2);

    /// <summary>
    /// The cases a search found: counted, then read a page at a time. Without a name, by the filters, newest first; with
    /// one, the cases it <paramref name="ranked"/> (best matches first, then the newest), at most <see cref="MaxCasesRanked"/>.
    /// </summary>
    public sealed class Found(CaseSearch search, IQueryable<Case> cases, IReadOnlyList<Guid>? ranked, bool capped)
    {
        internal CaseCounts? Counts { get; init; }
        internal object? CountKey { get; init; }

        /// <summary>Whether more cases match than the search read: the total is then a floor, not a count.</summary>
        public bool IsCapped => capped;

        public async Task<int> CountAsync(CancellationToken ct)
        {
            if (ranked is not null)
            {
                return ranked.Count;
            }
            if (Counts is not null && CountKey is not null)
            {
                return await Counts.CountAsync(CountKey, () => cases.CountAsync(ct));
            }
            return await cases.CountAsync(ct);
        }

        public async Task<List<CasesApi.ListItem>> PageAsync(int skip, int take, CancellationToken ct)
        {
            if (ranked is null)
            {
                return await search.Project(cases).Skip(skip).Take(take).ToListAsync(ct);
            }
            var ids = ranked.Skip(skip).Take(take).ToList();
            var items = await search.Project(cases.Where(c => ids.Contains(c.Id))).ToListAsync(ct);
            return [.. items.OrderBy(i => ids.IndexOf(i.Id))];
        }
    }

    private IQueryable<CasesApi.ListItem> Project(IQueryable<Case> cases)
    {
        var hideNames = HideNames;
        return cases.OrderByDescending(c => c.Referral.Date).ThenByDescending(c => c.Number)
            .Select(c => new CasesApi.ListItem(
                c.Id, c.Number, c.Status, c.Kind, c.Programme!.Slug, c.Referral.Date,
                hideNames ? null : c.Members.OrderBy(m => m.CreatedAt).Select(m => m.LastName).FirstOrDefault(),
                c.Members.Count));
    }
}
