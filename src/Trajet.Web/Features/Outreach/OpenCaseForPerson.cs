namespace Trajet.Web.Features.Outreach;

/// <summary>The person wants accompaniment: an individual case opens in the team's programme, linked to the person.</summary>
public static class OpenCaseForPerson
{
    /// <summary>What the person page and the API send: the names, when the person's record has none yet.</summary>
    public sealed record Input
    {
        public string? FirstName { get; init; }
        public string? LastName { get; init; }
    }

    public static async Task<Result<Case>> ExecuteAsync(TrajetDbContext db, UserContext user, OutreachPerson person, string programmeSlug, Input input, DateOnly today, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (person.CaseId is not null)
        {
            errors.Add(new("caseId", "A case is already open for this person."));
        }
        var firstName = LogContact.Blank(input.FirstName) ?? person.FirstName;
        var lastName = LogContact.Blank(input.LastName) ?? person.LastName;
        if (firstName is null)
        {
            errors.Add(new("firstName", "The first name is required."));
        }
        if (lastName is null)
        {
            errors.Add(new("lastName", "The surname is required."));
        }
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }
        // One transaction: the case, its person and the link are saved together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var opened = await OpenCase.ExecuteAsync(db, user, new OpenCase.Input
        {
            Programme = programmeSlug,
            Kind = CaseKind.Individual,
            Referral = new() { Source = ReferralSource.Community, ReferredBy = "Outreach", Date = today, KnownBefore = true },
        }, today, ct);
        if (opened.Failed is { } failed)
        {
            return failed;
        }
        var @case = opened.Value!;
        var languages = person.Languages.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var member = new MemberRules.Input(MemberRole.Other, firstName, lastName, person.Gender, null, null, person.Nationality, languages,
            Aliases: [person.Nickname]);
        if ((await SaveMember.AddAsync(db, @case, member, today, ct)).Failed is { } invalid)
        {
            return Failure.Invalid(invalid.Errors);
        }
        person.FirstName = firstName;
        person.LastName = lastName;
        person.CaseId = @case.Id;
        person.Index();
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return @case;
    }
}
