namespace Trajet.Web.Features.Imports;

/// <summary>
/// Imports households from a spreadsheet into a programme, all or nothing: a file with any error writes nothing, a good
/// one is written in one transaction (each record audited as the coordinator's create). A household already imported
/// (its <c>case_ref</c> is a case's <see cref="Case.ExternalRef"/>) is not created again; a later file may add people to it.
/// </summary>
public static class ImportCases
{
    public enum Choice { Import, Skip, Link }

    /// <summary>The coordinator's answer for a row flagged as a possible duplicate: import anyway (the default), skip the row,
    /// or link it to the existing case (that case's person: in the same programme the household joins that case, in another the
    /// new case follows it).</summary>
    public sealed record Decision(Choice Choice, Guid? CaseId = null);

    public sealed record Input(string? Programme, byte[] Content, bool DryRun, IReadOnlyDictionary<int, Decision>? Decisions = null);

    public sealed record Counts(int Cases, int People);

    public sealed record Outcome(
        int Rows, int Cases, int People, Counts Created, Counts WouldCreate, Counts Existing,
        IReadOnlyList<CellError> Errors, IReadOnlyList<PossibleDuplicate> PossibleDuplicates, bool DryRun, FileProblem? Problem = null)
    {
        /// <summary>The file as read, for a page that shows its rows.</summary>
        public ImportSheet? Sheet { get; init; }

        public static Outcome Refused(FileProblem problem, bool dryRun) => new(0, 0, 0, new(0, 0), new(0, 0), new(0, 0), [], [], dryRun, problem);
    }

    private const int HouseholdsPerSave = 500;

    public static async Task<Result<Outcome>> ExecuteAsync(TrajetDbContext db, UserContext user, Input input, DateOnly today, CancellationToken ct)
    {
        if (!user.IsCoordinator || user.OrganisationId is null)
        {
            return Failure.Forbidden;
        }
        var programme = await db.Programmes.SingleOrDefaultAsync(p => p.Slug == input.Programme && p.OrganisationId == user.OrganisationId && p.IsActive, ct);
        if (programme is null)
        {
            return Failure.NotFound;
        }
        var (sheet, problem) = ImportFile.Read(input.Content);
        if (problem is not null)
        {
            return Outcome.Refused(problem, input.DryRun);
        }
        var (households, errors, columnsProblem) = ReadCaseRows.Read(sheet!, today);
        if (columnsProblem is not null)
        {
            return Outcome.Refused(columnsProblem, input.DryRun);
        }

        // The import's own errors name the column by the file's header, as the reading's do.
        var (columns, _) = ReadCaseRows.Columns(sheet!.Headers);
        string Header(string column) => columns.TryGetValue(column, out var i) ? sheet.Headers[i] : column;
        var decisions = input.Decisions ?? new Dictionary<int, Decision>();
        if (input.DryRun)
        {
            return Answer(await PlanAsync(db, programme, households, errors, decisions, Header, today, ct));
        }

        // Planned and written in one transaction that first takes the programme's row: two imports of one programme at
        // once run one after the other, and the second sees what the first wrote.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.Programmes.Where(p => p.Id == programme.Id).ExecuteUpdateAsync(p => p.SetProperty(x => x.IsActive, true), ct);
            var plan = await PlanAsync(db, programme, households, errors, decisions, Header, today, ct);
            if (errors.Count > 0)
            {
                return Answer(plan);
            }
            await WriteAsync(db, programme, plan, user.Id, today, ct);
            await transaction.CommitAsync(ct);
            return Answer(plan) with { Created = Creates(plan) };
        }
        catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException)
        {
            return Outcome.Refused(new FileProblem("Someone saved cases of this programme at the same time: nothing was imported. Import the file again."), false);
        }

        Outcome Answer(Plan plan) => new(sheet.Rows.Count, households.Count, households.Sum(h => h.People.Count), new(0, 0), Creates(plan),
            new(plan.ExistingCases, plan.ExistingPeople), [.. errors.OrderBy(e => e.Row)], plan.Duplicates, input.DryRun)
        { Sheet = sheet };
    }

    private static Counts Creates(Plan plan) => new(plan.NewCases.Count, plan.NewCases.Sum(c => c.People.Count) + plan.Joining.Sum(j => j.People.Count));

    /// <summary>What a good file would write: new households, people joining existing cases, and what is already there.</summary>
    private sealed record Plan(List<NewCase> NewCases, List<Joining> Joining, int ExistingCases, int ExistingPeople, List<PossibleDuplicate> Duplicates);

    private sealed record NewCase(ImportedCase Case, List<ImportedPerson> People, Guid? Follows, Guid? FamilyId);

    private sealed record Joining(Guid CaseId, string? TakesRef, List<ImportedPerson> People);

    private static async Task<Plan> PlanAsync(TrajetDbContext db, Programme programme, List<ImportedCase> households, List<CellError> errors,
        IReadOnlyDictionary<int, Decision> decisions, Func<string, string> header, DateOnly today, CancellationToken ct)
    {
        // Households imported before, and their people, so that the same file twice creates nothing.
        var existing = new Dictionary<string, (Guid Id, CaseKind Kind, List<Member> People)>(StringComparer.Ordinal);
        foreach (var chunk in households.Select(h => h.Ref).Chunk(500))
        {
            var cases = await db.Cases.AsNoTracking().Where(c => c.ProgrammeId == programme.Id && chunk.Contains(c.ExternalRef!))
                .Select(c => new { c.Id, c.ExternalRef, c.Kind, People = c.Members.Select(m => new { m.FirstName, m.LastName, m.Aliases, m.BirthDate, m.EstimatedAge }).ToList() })
                .ToListAsync(ct);
            foreach (var c in cases)
            {
                existing[c.ExternalRef!] = (c.Id, c.Kind, c.People.Select(p => new Member { FirstName = p.FirstName, LastName = p.LastName, Aliases = p.Aliases, BirthDate = p.BirthDate, EstimatedAge = p.EstimatedAge }).ToList());
            }
        }

        var existingPeople = 0;
        var arriving = new List<(ImportedPerson Person, Guid? InCase)>();
        var fresh = new Dictionary<ImportedCase, List<ImportedPerson>>();
        foreach (var household in households)
        {
            var known = existing.TryGetValue(household.Ref, out var found) ? found : default;
            var newPeople = household.People.Where(p => known.People?.Any(m => SamePerson(m, p.Member, today)) != true).ToList();
            existingPeople += household.People.Count - newPeople.Count;
            fresh[household] = newPeople;
            arriving.AddRange(newPeople.Select(p => (p, known.Id == Guid.Empty ? (Guid?)null : known.Id)));
        }
        var duplicates = await KnownPeople.FindAsync(db, programme.OrganisationId, arriving, today, ct);

        var newCases = new List<NewCase>();
        var joining = new List<Joining>();
        foreach (var household in households)
        {
            var people = new List<ImportedPerson>();
            (Guid Id, Guid ProgrammeId, string Number)? link = null;
            foreach (var person in fresh[household])
            {
                var decision = decisions.GetValueOrDefault(person.Row) ?? new Decision(Choice.Import);
                var listed = duplicates.Where(d => d.Row == person.Row).ToList();
                if (decision.Choice == Choice.Skip)
                {
                    continue;
                }
                if (decision.Choice == Choice.Link)
                {
                    var target = listed.FirstOrDefault(d => decision.CaseId is null || d.CaseId == decision.CaseId);
                    if (target is null)
                    {
                        errors.Add(new CellError(person.Row, header(ImportColumns.FirstName), "Link this row only to a case listed as a possible duplicate."));
                        continue;
                    }
                    link ??= (target.CaseId, target.ProgrammeId, target.CaseNumber);
                    // The person is the one already there; in another programme the new case needs its people.
                    if (target.ProgrammeId == programme.Id)
                    {
                        continue;
                    }
                }
                people.Add(person);
            }
            var known = existing.TryGetValue(household.Ref, out var found) ? found : default;
            if (known.Id != Guid.Empty || link is { } l && l.ProgrammeId == programme.Id)
            {
                var caseId = known.Id != Guid.Empty ? known.Id : link!.Value.Id;
                var kind = known.Id != Guid.Empty ? known.Kind : await db.Cases.Where(c => c.Id == caseId).Select(c => c.Kind).SingleAsync(ct);
                if (people.Count > 0 && kind == CaseKind.Individual)
                {
                    errors.Add(new CellError(people[0].Row, header(ImportColumns.CaseRef), "An individual case has one person: make it a family case, or give this person another reference."));
                }
                if (people.Count > 0 || known.Id == Guid.Empty)
                {
                    joining.Add(new Joining(caseId, known.Id == Guid.Empty ? household.Ref : null, people));
                }
            }
            // A household nobody was recorded in yet is created empty; one whose every row was skipped is not.
            else if (people.Count > 0 || household.People.Count == 0)
            {
                var follows = link?.Id;
                var family = follows is { } id ? await db.Cases.Where(c => c.Id == id).Select(c => c.FamilyId).SingleAsync(ct) : (Guid?)null;
                newCases.Add(new NewCase(household, people, follows, family));
            }
        }
        return new Plan(newCases, joining, existing.Count, existingPeople, duplicates);
    }

    // The person already in the household: the same names under any spelling, a compatible birth date (corrected since,
    // or unknown on one side).
    private static bool SamePerson(Member known, MemberRules.Input row, DateOnly today) =>
        NameMatcher.MayBeSamePerson(new NameMatcher.Person(row.FirstName ?? "", row.LastName ?? "", "", row.BirthDate, row.EstimatedAge),
            new NameMatcher.Person(known.FirstName, known.LastName, known.Aliases, known.BirthDate, known.EstimatedAge), today);

    private static async Task WriteAsync(TrajetDbContext db, Programme programme, Plan plan, Guid userId, DateOnly today, CancellationToken ct)
    {
        var numbers = new Dictionary<int, int>();
        foreach (var batch in plan.NewCases.Chunk(HouseholdsPerSave))
        {
            foreach (var household in batch)
            {
                var year = household.Case.ReferralDate.Year;
                if (!numbers.TryGetValue(year, out var next))
                {
                    var first = await CaseNumbers.NextAsync(db, programme, year, ct);
                    next = int.Parse(first[(first.LastIndexOf('-') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
                }
                numbers[year] = next + 1;
                var (@case, contact) = NewCaseOf(programme, household, $"{programme.CasePrefix}-{year}-{next:0000}", userId, today);
                db.Cases.Add(@case);
                if (contact is not null)
                {
                    db.HouseholdContacts.Add(contact);
                }
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        foreach (var batch in plan.Joining.Chunk(HouseholdsPerSave))
        {
            var ids = batch.Select(j => j.CaseId).ToList();
            var cases = await db.Cases.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
            foreach (var join in batch)
            {
                var @case = cases[join.CaseId];
                @case.ExternalRef ??= join.TakesRef;
                @case.UpdatedAt = Clock.UtcNow;
                db.Members.AddRange(join.People.Select(p => NewMember(@case, p, today)));
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }

    private static (Case Case, HouseholdContact? Contact) NewCaseOf(Programme programme, NewCase household, string number, Guid userId, DateOnly today)
    {
        var h = household.Case;
        var now = Clock.UtcNow;
        var @case = new Case
        {
            OrganisationId = programme.OrganisationId,
            ProgrammeId = programme.Id,
            Number = number,
            ExternalRef = h.Ref,
            Kind = h.Kind,
            Status = h.Status,
            Referral = new Referral { Source = h.Source, ReferredBy = h.ReferredBy, Date = h.ReferralDate },
            AdmittedOn = h.AdmittedOn,
            ClosedOn = h.ClosedOn,
            Outcome = h.Outcome,
            PreviousCaseId = household.Follows,
            CreatedAt = now,
            UpdatedAt = now,
        };
        @case.FamilyId = household.FamilyId ?? @case.Id;
        foreach (var (status, date) in History(h))
        {
            @case.StatusChanges.Add(new CaseStatusChange
            {
                CaseId = @case.Id,
                From = @case.StatusChanges.LastOrDefault()?.To,
                To = status,
                Date = date,
                At = now,
                Outcome = status == CaseStatus.Closed ? h.Outcome : null,
            });
        }
        if (h.AdmittedOn is { } admitted)
        {
            @case.SupportPeriods.Add(new CaseSupportPeriod { CaseId = @case.Id, ProgrammeId = programme.Id, From = admitted, To = h.ClosedOn });
        }
        @case.Members.AddRange(household.People.Select(p => NewMember(@case, p, today)));
        var contact = h.Address is null && h.Phones.Count == 0 ? null
            : new HouseholdContact { CaseId = @case.Id, Address = h.Address, Phones = h.Phones.Count == 0 ? null : string.Join('\n', h.Phones) };
        return (@case, contact);
    }

    // The steps that brought the case where the file says it is, each on the day it knows.
    private static IEnumerable<(CaseStatus Status, DateOnly Date)> History(ImportedCase h)
    {
        yield return (CaseStatus.Referred, h.ReferralDate);
        if (h.Status is CaseStatus.Screening or CaseStatus.Declined)
        {
            yield return (h.Status, h.ReferralDate);
            yield break;
        }
        if (h.AdmittedOn is not { } admitted)
        {
            yield break;
        }
        // Admitted after a screening, as the workflow has it; the file knows neither day, so both are the admission's.
        yield return (CaseStatus.Screening, admitted);
        yield return (CaseStatus.Admitted, admitted);
        if (h.Status is CaseStatus.Active or CaseStatus.Paused or CaseStatus.Closed)
        {
            yield return (CaseStatus.Active, admitted);
        }
        if (h.Status == CaseStatus.Paused)
        {
            yield return (CaseStatus.Paused, admitted);
        }
        if (h.Status == CaseStatus.Closed)
        {
            yield return (CaseStatus.Closed, h.ClosedOn ?? admitted);
        }
    }

    private static Member NewMember(Case @case, ImportedPerson person, DateOnly today)
    {
        var member = new Member { CaseId = @case.Id, OrganisationId = @case.OrganisationId, FirstName = "", LastName = "" };
        SaveMember.Apply(member, person.Member, today);
        return member;
    }
}
