namespace Trajet.Web.Features.Partners;

/// <summary>Refers a case to a partner of the same organisation and follows the referral's status.</summary>
public static class ReferToPartner
{
    /// <summary>A new referral, as the case's referral page and the API send it.</summary>
    public sealed record Input
    {
        public Guid? PartnerId { get; init; }
        public DateOnly? Date { get; init; }
        public string? Reason { get; init; }
        /// <summary>The day the family agreed; recorded as their consent to share with the partner.</summary>
        public DateOnly? FamilyAgreedOn { get; init; }
        public string? Notes { get; init; }
    }

    /// <summary>A referral's next status (the API's in kebab-case), with the family's agreement if given now.</summary>
    public sealed record MoveInput
    {
        public ReferralStatus? Status { get; init; }
        public DateOnly? FamilyAgreedOn { get; init; }
    }

    public static async Task<Result<PartnerReferral>> ExecuteAsync(TrajetDbContext db, UserContext user, Case @case, Input input, DateOnly today, IPartnerConsent consent, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (input.PartnerId is null || !await db.Partners.AnyAsync(p => p.Id == input.PartnerId && p.OrganisationId == @case.OrganisationId && p.IsActive, ct))
        {
            errors.Add(new("partnerId", "Choose a partner from your organisation's directory."));
        }
        if (input.Date is not { } day || day > today || day < @case.Referral.Date)
        {
            errors.Add(new("date", "The date must be between the referral and today."));
        }
        if (string.IsNullOrWhiteSpace(input.Reason) || input.Reason.Length > 1000)
        {
            errors.Add(new("reason", "Say why, in at most 1000 characters."));
        }
        if (input.FamilyAgreedOn is { } agreed && (agreed > today || agreed < @case.Referral.Date))
        {
            errors.Add(new("familyAgreedOn", "The date must be between the referral and today."));
        }
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }
        if (input.FamilyAgreedOn is { } givenOn)
        {
            _ = await consent.RecordAgreementOnceAsync(db, @case.Id, @case.OrganisationId, input.PartnerId!.Value, givenOn, user.Id, ct);
        }
        var referral = new PartnerReferral
        {
            CaseId = @case.Id,
            OrganisationId = @case.OrganisationId,
            ProgrammeId = @case.ProgrammeId,
            PartnerId = input.PartnerId!.Value,
            Date = input.Date!.Value,
            Reason = input.Reason!.Trim(),
            FamilyAgreedOn = input.FamilyAgreedOn,
            StatusOn = input.Date.Value,
            Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim(),
        };
        db.PartnerReferrals.Add(referral);
        await db.SaveChangesAsync(ct);
        return referral;
    }

    public static async Task<Result<PartnerReferral>> MoveAsync(
        TrajetDbContext db, UserContext user, PartnerReferral referral, MoveInput input, DateOnly today, IPartnerConsent consent, CancellationToken ct)
    {
        if (input.Status is not { } to)
        {
            return Failure.Invalid([FieldError.NotAccepted("status")]);
        }
        var errors = new List<FieldError>();
        if (!ReferralRules.CanMove(referral.Status, to))
        {
            errors.Add(new("status", "This status change is not possible from the current status."));
        }
        if (input.FamilyAgreedOn is { } agreed && agreed > today)
        {
            errors.Add(new("familyAgreedOn", "The date must be between the referral and today."));
        }
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }
        if (ReferralRules.NeedsAgreement(to))
        {
            var added = input.FamilyAgreedOn is { } givenOn
                && await consent.RecordAgreementOnceAsync(db, referral.CaseId, referral.OrganisationId, referral.PartnerId, givenOn, user.Id, ct);
            if (!added && !await consent.InForceAsync(db, referral.CaseId, referral.PartnerId, today, ct))
            {
                return Failure.Invalid("familyAgreedOn", "Record the family's agreement before sending anything to a partner.");
            }
            referral.FamilyAgreedOn ??= input.FamilyAgreedOn ?? await consent.LatestAgreementAsync(db, referral.CaseId, referral.PartnerId, ct);
        }
        referral.Status = to;
        referral.StatusOn = today;
        await db.SaveChangesAsync(ct);
        return referral;
    }
}

/// <summary>
/// The household's consent to share with a partner, which Privacy keeps with every other consent. Privacy implements
/// this (and reads the partners' names), so the dependency points one way: Privacy → Partners.
/// </summary>
public interface IPartnerConsent
{
    /// <summary>
    /// Adds (unsaved) the agreement given with a referral as the household's consent, unless a consent for that partner is
    /// already on file: then a new one goes through the consents page, so a withdrawal cannot be undone by a date field.
    /// </summary>
    Task<bool> RecordAgreementOnceAsync(TrajetDbContext db, Guid caseId, Guid organisationId, Guid partnerId, DateOnly givenOn, Guid recordedBy, CancellationToken ct);

    /// <summary>Whether a consent to share with the partner is in force today.</summary>
    Task<bool> InForceAsync(TrajetDbContext db, Guid caseId, Guid partnerId, DateOnly today, CancellationToken ct);

    /// <summary>The day of the latest agreement not withdrawn, if any.</summary>
    Task<DateOnly?> LatestAgreementAsync(TrajetDbContext db, Guid caseId, Guid partnerId, CancellationToken ct);
}
