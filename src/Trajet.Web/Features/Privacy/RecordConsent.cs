using Trajet.Web.Features.Partners;

namespace Trajet.Web.Features.Privacy;

/// <summary>Records a case member's (or the household's) consent to one purpose, and its withdrawal.</summary>
public static class RecordConsent
{
    /// <summary>What the form and the API send: no member is the whole household.</summary>
    public sealed record Input
    {
        public Guid? MemberId { get; init; }
        public ConsentPurpose? Purpose { get; init; }
        public Guid? PartnerId { get; init; }
        public Guid? RecipientOrganisationId { get; init; }
        public DateOnly? GivenOn { get; init; }
        public string? ExplainedHow { get; init; }
        /// <summary>ISO 639-1, e.g. fr or ar.</summary>
        public string? Language { get; init; }
    }

    public static async Task<Result<Consent>> ExecuteAsync(
        TrajetDbContext db, UserContext user, Case @case, Input input, DateOnly today, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (input.MemberId is { } memberId && !await db.Members.AnyAsync(m => m.Id == memberId && m.CaseId == @case.Id, ct))
        {
            errors.Add(new("memberId", "Choose a person of this household."));
        }
        if (input.Purpose is not { } purpose)
        {
            errors.Add(new("purpose", "Choose what the person agreed to."));
        }
        else
        {
            if (ConsentRules.NeedsPartner(purpose) &&
                (input.PartnerId is not { } partnerId || !await db.Partners.AnyAsync(p => p.Id == partnerId && p.OrganisationId == @case.OrganisationId, ct)))
            {
                errors.Add(new("partnerId", "Choose a partner from your organisation's directory."));
            }
            if (ConsentRules.NeedsRecipientOrganisation(purpose) &&
                (input.RecipientOrganisationId is not { } orgId || orgId == @case.OrganisationId || !await db.Organisations.AnyAsync(o => o.Id == orgId, ct)))
            {
                errors.Add(new("recipientOrganisationId", "Choose the organisation that will receive the information."));
            }
        }
        if (input.GivenOn is not { } given || given > today)
        {
            errors.Add(new("givenOn", "Give the date the consent was given (not in the future)."));
        }
        if (string.IsNullOrWhiteSpace(input.ExplainedHow) || input.ExplainedHow.Length > 1000)
        {
            errors.Add(new("explainedHow", "Say how it was explained, in at most 1000 characters."));
        }
        if (!Codes.IsLanguage(input.Language))
        {
            errors.Add(new("language", "Give the language it was explained in as an ISO 639-1 code (e.g. fr, ar)."));
        }
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }
        var consent = new Consent
        {
            OrganisationId = @case.OrganisationId,
            CaseId = @case.Id,
            MemberId = input.MemberId,
            Purpose = input.Purpose!.Value,
            PartnerId = ConsentRules.NeedsPartner(input.Purpose.Value) ? input.PartnerId : null,
            RecipientOrganisationId = ConsentRules.NeedsRecipientOrganisation(input.Purpose.Value) ? input.RecipientOrganisationId : null,
            GivenOn = input.GivenOn!.Value,
            ExplainedHow = input.ExplainedHow!.Trim(),
            Language = input.Language!,
            RecordedById = user.Id,
        };
        db.Consents.Add(consent);
        await db.SaveChangesAsync(ct);
        return consent;
    }

    /// <summary>Withdrawal stops every sharing from that day on; the consent stays on file as history.</summary>
    public static async Task<Result<Consent>> WithdrawAsync(TrajetDbContext db, Consent consent, DateOnly? on, string? note, DateOnly today, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (consent.WithdrawnOn is not null)
        {
            errors.Add(new("withdrawnOn", "This consent was already withdrawn."));
        }
        else if (on is not { } day || day > today || day < consent.GivenOn)
        {
            errors.Add(new("withdrawnOn", "The date must be between the consent and today."));
        }
        if (note is { Length: > 1000 })
        {
            errors.Add(new("note", "At most 1000 characters."));
        }
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }
        consent.WithdrawnOn = on;
        consent.WithdrawalNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        await db.SaveChangesAsync(ct);
        return consent;
    }
}

/// <summary>The household's consent to share with a partner, as the referrals to partners ask for it.</summary>
public sealed class PartnerSharingConsent : IPartnerConsent
{
    public async Task<bool> RecordAgreementOnceAsync(TrajetDbContext db, Guid caseId, Guid organisationId, Guid partnerId, DateOnly givenOn, Guid recordedBy, CancellationToken ct)
    {
        if (await OfPartner(db, caseId, partnerId).AnyAsync(ct))
        {
            return false;
        }
        db.Consents.Add(new Consent
        {
            OrganisationId = organisationId,
            CaseId = caseId,
            Purpose = ConsentPurpose.PartnerSharing,
            PartnerId = partnerId,
            GivenOn = givenOn,
            ExplainedHow = "Agreement recorded with the referral",
            RecordedById = recordedBy,
        });
        return true;
    }

    /// <summary>Whether someone in the case (or the household as a whole) has an active consent to share with this partner today.</summary>
    public Task<bool> InForceAsync(TrajetDbContext db, Guid caseId, Guid partnerId, DateOnly today, CancellationToken ct) =>
        OfPartner(db, caseId, partnerId).Where(ConsentRules.ActiveOn(today)).AnyAsync(ct);

    public Task<DateOnly?> LatestAgreementAsync(TrajetDbContext db, Guid caseId, Guid partnerId, CancellationToken ct) =>
        OfPartner(db, caseId, partnerId).Where(c => c.WithdrawnOn == null).MaxAsync(c => (DateOnly?)c.GivenOn, ct);

    private static IQueryable<Consent> OfPartner(TrajetDbContext db, Guid caseId, Guid partnerId) =>
        db.Consents.Where(c => c.CaseId == caseId && c.Purpose == ConsentPurpose.PartnerSharing && c.PartnerId == partnerId);
}
