using Trajet.Web.Features.Privacy;

namespace Trajet.Web.Features.Outreach;

/// <summary>
/// Cross-border exchange between the Belgian and French teams: the person's consent to that exchange
/// with the named organisation is recorded first (a <see cref="Consent"/>, purpose cross-border exchange);
/// only then is the record shared, read-only; withdrawing the consent stops the sharing at once.
/// </summary>
public static class ShareAcrossBorder
{
    /// <summary>The person's agreement, as the person page and the API send it: with = the other team's programme slug.</summary>
    public sealed record AgreementInput
    {
        public string? With { get; init; }
        public DateOnly? Date { get; init; }
        public string? ExplainedHow { get; init; }
        public string? Language { get; init; }
    }

    /// <summary>Which team to share with: its outreach programme's slug.</summary>
    public sealed record ShareInput
    {
        public string? With { get; init; }
    }

    public sealed record Withdrawal(Consent Consent, int SharesStopped);

    /// <summary>The other team: an active outreach programme of another organisation.</summary>
    private static Task<Programme?> OtherTeamAsync(TrajetDbContext db, OutreachPerson person, string? slug, CancellationToken ct) =>
        db.Programmes.AsNoTracking().SingleOrDefaultAsync(p => p.Slug == slug && p.Kind == ProgrammeKind.Outreach && p.IsActive && p.OrganisationId != person.OrganisationId, ct);

    /// <summary>The person's consents to a cross-border exchange in force today.</summary>
    public static IQueryable<Consent> ActiveConsents(TrajetDbContext db, DateOnly today) =>
        db.Consents.Where(ConsentRules.ActiveOn(today)).Where(c => c.Purpose == ConsentPurpose.CrossBorderExchange && c.OutreachPersonId != null);

    public static async Task<Result<Consent>> RecordAgreementAsync(TrajetDbContext db, UserContext user, OutreachPerson person, AgreementInput input, DateOnly today, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var other = await OtherTeamAsync(db, person, input.With, ct);
        if (other is null)
        {
            errors.Add(new("with", "Choose the other team's outreach programme."));
        }
        if (input.Date is not { } date || date > today)
        {
            errors.Add(new("date", "Give the date the consent was given (not in the future)."));
        }
        if (string.IsNullOrWhiteSpace(input.ExplainedHow) || input.ExplainedHow.Trim().Length > 1000)
        {
            errors.Add(new("explainedHow", "Say how it was explained, in at most 1000 characters."));
        }
        var language = LogContact.Blank(input.Language)?.ToLowerInvariant();
        if (!Codes.IsLanguage(language))
        {
            errors.Add(new("language", "Give the language it was explained in as an ISO 639-1 code (e.g. fr, ar)."));
        }
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }
        var consent = new Consent
        {
            OrganisationId = person.OrganisationId,
            OutreachPersonId = person.Id,
            Purpose = ConsentPurpose.CrossBorderExchange,
            RecipientOrganisationId = other!.OrganisationId,
            GivenOn = input.Date!.Value,
            ExplainedHow = input.ExplainedHow!.Trim(),
            Language = language,
            RecordedById = user.Id,
        };
        db.Consents.Add(consent);
        await db.SaveChangesAsync(ct);
        return consent;
    }

    /// <summary>Shares the person's contacts and outcomes with the other team; refused without the person's consent to that organisation.</summary>
    public static async Task<Result<CrossBorderShare>> ShareAsync(TrajetDbContext db, UserContext user, OutreachPerson person, ShareInput input, DateOnly today, CancellationToken ct)
    {
        var other = await OtherTeamAsync(db, person, input.With, ct);
        if (other is null)
        {
            return Failure.Invalid("with", "Choose the other team's outreach programme.");
        }
        var consent = await ActiveConsents(db, today)
            .Where(c => c.OutreachPersonId == person.Id && c.OrganisationId == person.OrganisationId && c.RecipientOrganisationId == other.OrganisationId)
            .OrderByDescending(c => c.GivenOn).FirstOrDefaultAsync(ct);
        if (consent is null)
        {
            return Failure.Invalid("consent", "The person has not agreed to share with this team: record their agreement first.");
        }
        var existing = await db.CrossBorderShares.FirstOrDefaultAsync(s => s.PersonId == person.Id && s.RecipientProgrammeId == other.Id && s.StoppedOn == null && s.ConsentId == consent.Id, ct);
        if (existing is not null)
        {
            return existing;
        }
        var share = new CrossBorderShare
        {
            OrganisationId = person.OrganisationId,
            ProgrammeId = person.ProgrammeId,
            PersonId = person.Id,
            ConsentId = consent.Id,
            RecipientOrganisationId = other.OrganisationId,
            RecipientProgrammeId = other.Id,
            SharedOn = today,
            SharedByUserId = user.Id,
        };
        db.CrossBorderShares.Add(share);
        await db.SaveChangesAsync(ct);
        return share;
    }

    /// <summary>The person withdrew their consent: it no longer counts from today, and every share it allowed stops now.</summary>
    public static async Task<Result<Withdrawal>> WithdrawAsync(TrajetDbContext db, OutreachPerson person, Guid consentId, DateOnly today, CancellationToken ct)
    {
        var consent = await db.Consents.SingleOrDefaultAsync(c => c.Id == consentId && c.OutreachPersonId == person.Id && c.OrganisationId == person.OrganisationId, ct);
        if (consent is null)
        {
            return Failure.Invalid("consentId", "Unknown agreement.");
        }
        if ((await RecordConsent.WithdrawAsync(db, consent, today, null, today, ct)).Failed is { } failed)
        {
            return failed;
        }
        var shares = await db.CrossBorderShares.Where(s => s.ConsentId == consent.Id && s.StoppedOn == null).ToListAsync(ct);
        foreach (var share in shares)
        {
            share.StoppedOn = today;
        }
        await db.SaveChangesAsync(ct);
        return new Withdrawal(consent, shares.Count);
    }
}
