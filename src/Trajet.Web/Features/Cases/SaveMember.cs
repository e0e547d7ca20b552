namespace Trajet.Web.Features.Cases;

/// <summary>Adds a person to a case's household, or changes one, keeping the search keys in step.</summary>
public static class SaveMember
{
    public static async Task<Result<Member>> AddAsync(TrajetDbContext db, Case @case, MemberRules.Input input, DateOnly today, CancellationToken ct)
    {
        var member = new Member { CaseId = @case.Id, OrganisationId = @case.OrganisationId, FirstName = "", LastName = "" };
        var errors = Apply(member, input, today);
        if (@case.Kind == CaseKind.Individual && await db.Members.AnyAsync(m => m.CaseId == @case.Id, ct))
        {
            errors.Add(new("role", "An individual case has one person: open a family case for a household."));
        }
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }
        db.Members.Add(member);
        await db.SaveChangesAsync(ct);
        return member;
    }

    /// <param name="expectedVersion">The version the user edited; someone else's save in between is a 409.</param>
    public static async Task<Result<Member>> UpdateAsync(TrajetDbContext db, Member member, MemberRules.Input input, int expectedVersion, DateOnly today, CancellationToken ct)
    {
        await db.Entry(member).Collection(m => m.NameKeys).LoadAsync(ct);
        var errors = Apply(member, input, today);
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }
        db.Entry(member).Property(m => m.Version).OriginalValue = expectedVersion;
        member.UpdatedAt = Clock.UtcNow;
        await db.SaveChangesAsync(ct);
        return member;
    }

    /// <summary>Validates the input and, when it is valid, writes it into the member with its search keys.</summary>
    public static List<FieldError> Apply(Member member, MemberRules.Input input, DateOnly today)
    {
        var normalized = input with
        {
            Nationality = input.Nationality is { Length: 2 } n ? n.ToUpperInvariant() : input.Nationality?.Trim().ToLowerInvariant(),
            Languages = input.Languages?.Select(l => l.Trim().ToLowerInvariant()).Where(l => l.Length > 0).Distinct().ToList(),
            Aliases = input.Aliases?.Select(a => a.Trim()).Where(a => a.Length > 0).Distinct().ToList(),
        };
        var errors = MemberRules.Validate(normalized, today);
        if (errors.Count > 0)
        {
            return errors;
        }

        member.Role = normalized.Role!.Value;
        member.FirstName = normalized.FirstName!.Trim();
        member.LastName = normalized.LastName!.Trim();
        member.Gender = normalized.Gender ?? Gender.Unknown;
        member.BirthDate = normalized.BirthDate;
        member.EstimatedAge = normalized.BirthDate is null ? normalized.EstimatedAge : null;
        member.Nationality = normalized.Nationality!;
        member.Languages = string.Join(',', normalized.Languages ?? []);
        member.Aliases = string.Join('\n', normalized.Aliases ?? []);
        member.Vulnerabilities = string.Join(',', (normalized.Vulnerabilities ?? []).Distinct().Select(v => v.ToKebab()));
        member.FamilyLinks = Blank(normalized.FamilyLinks);
        member.ArrivalYear = normalized.ArrivalYear;
        member.EverHadLegalStay = normalized.EverHadLegalStay;
        member.AskedAsylumOnArrival = normalized.AskedAsylumOnArrival;
        member.DetentionDays = normalized.DetentionDays;
        member.ReDetentions = normalized.ReDetentions;
        member.ConditionsImposed = Blank(normalized.ConditionsImposed);
        IndexNames(member);
        return errors;
    }

    /// <summary>Substring search text and sound-alike keys for the person's names and aliases.</summary>
    public static void IndexNames(Member member)
    {
        member.SearchName = string.Join(" | ", new[] { NameKey.ForPerson(member.FirstName, member.LastName) }
            .Concat(member.Aliases.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(NameKey.Normalize)));
        if (member.SearchName.Length > 300)
        {
            member.SearchName = member.SearchName[..300];
        }
        var keys = NameMatcher.StoredKeys(member.FirstName, member.LastName, member.Aliases).Where(k => k.Length <= 60).ToHashSet();
        member.NameKeys.RemoveAll(k => !keys.Contains(k.Key));
        member.NameKeys.AddRange(keys.Where(k => member.NameKeys.All(x => x.Key != k))
            .Select(k => new PersonNameKey { MemberId = member.Id, OrganisationId = member.OrganisationId, CaseId = member.CaseId, Key = k }));
    }

    /// <summary>
    /// Computes every person's sound-alike keys again, in batches: after an upgrade that gave people keys for the first
    /// time, or that changed how <see cref="NameMatcher.Key"/> spells them (<see cref="NameMatcher.Version"/>).
    /// </summary>
    public static async Task RekeyEveryoneAsync(TrajetDbContext db, CancellationToken ct = default)
    {
        await InBatchesAsync(db, last => db.Members.Include(m => m.NameKeys).Where(m => m.ErasedOn == null && m.Id.CompareTo(last) > 0).OrderBy(m => m.Id),
            m => m.Id, IndexNames, ct);
        await InBatchesAsync(db, last => db.OutreachPeople.Where(p => p.ErasedOn == null && p.Id.CompareTo(last) > 0).OrderBy(p => p.Id),
            p => p.Id, p => p.Index(), ct);
    }

    // Rows after the last id seen, 500 at a time, each batch saved and let go before the next is read.
    private static async Task InBatchesAsync<T>(TrajetDbContext db, Func<Guid, IQueryable<T>> after, Func<T, Guid> id, Action<T> index, CancellationToken ct)
    {
        const int batchSize = 500;
        for (Guid? last = Guid.Empty; last is { } from;)
        {
            var rows = await after(from).Take(batchSize).ToListAsync(ct);
            rows.ForEach(index);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            last = rows.Count == batchSize ? id(rows[^1]) : null;
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
