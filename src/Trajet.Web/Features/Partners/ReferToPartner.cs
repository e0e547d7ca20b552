using Microsoft.EntityFrameworkCore;
using Trajet.Web.Data;
using Trajet.Web.Features.Cases;
using Trajet.Web.Infrastructure;

namespace Trajet.Web.Features.Partners;

/// <summary>Refers a case to a partner of the same organisation and follows the referral's status.</summary>
public static class ReferToPartner
{
    public static async Task<(PartnerReferral? Referral, List<FieldError> Errors)> CreateAsync(
        TrajetDbContext db, Case @case, Guid? partnerId, DateOnly? date, string? reason, DateOnly? familyAgreedOn, string? notes, DateOnly today, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (partnerId is null || !await db.Partners.AnyAsync(p => p.Id == partnerId && p.OrganisationId == @case.OrganisationId && p.IsActive, ct))
        {
            errors.Add(new("partnerId", "Choose a partner from your organisation's directory."));
        }
        if (date is not { } day || day > today || day < @case.Referral.Date)
        {
            errors.Add(new("date", "The date must be between the referral and today."));
        }
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 1000)
        {
            errors.Add(new("reason", "Say why, in at most 1000 characters."));
        }
        if (familyAgreedOn is { } agreed && (agreed > today || agreed < @case.Referral.Date))
        {
            errors.Add(new("familyAgreedOn", "The date must be between the referral and today."));
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var referral = new PartnerReferral
        {
            CaseId = @case.Id,
            OrganisationId = @case.OrganisationId,
            ProgrammeId = @case.ProgrammeId,
            PartnerId = partnerId!.Value,
            Date = date!.Value,
            Reason = reason!.Trim(),
            FamilyAgreedOn = familyAgreedOn,
            StatusOn = date.Value,
            Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim(),
        };
        db.PartnerReferrals.Add(referral);
        await db.SaveChangesAsync(ct);
        return (referral, errors);
    }

    public static async Task<List<FieldError>> MoveAsync(TrajetDbContext db, PartnerReferral referral, ReferralStatus to, DateOnly? familyAgreedOn, DateOnly today, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (!ReferralRules.CanMove(referral.Status, to))
        {
            errors.Add(new("status", "This status change is not possible from the current status."));
        }
        var agreed = familyAgreedOn ?? referral.FamilyAgreedOn;
        if (ReferralRules.NeedsAgreement(to) && agreed is null)
        {
            errors.Add(new("familyAgreedOn", "Record the family's agreement before sending anything to a partner."));
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        referral.Status = to;
        referral.StatusOn = today;
        referral.FamilyAgreedOn = agreed;
        await db.SaveChangesAsync(ct);
        return errors;
    }
}
