namespace Trajet.Web.Features.Cases;

/// <summary>Opens a case from its referral, in a programme the user works in.</summary>
public static class OpenCase
{
    /// <summary>What the form and the API send (API.md: POST /api/cases).</summary>
    public sealed record Input
    {
        public string? Programme { get; init; }
        public CaseKind? Kind { get; init; }
        public ReferralInput? Referral { get; init; }
        /// <summary>The earlier case this referral follows when a family comes back (its id).</summary>
        public Guid? PreviousCase { get; init; }
    }

    public sealed record ReferralInput
    {
        public ReferralSource? Source { get; init; }
        public string? ReferredBy { get; init; }
        public DateOnly? Date { get; init; }
        public bool? KnownBefore { get; init; }
        public RiskLevel? RiskAtIntake { get; init; }
    }

    public static async Task<Result<Case>> ExecuteAsync(TrajetDbContext db, UserContext user, Input input, DateOnly today, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var referral = input.Referral ?? new();
        var programme = user.OrganisationId is null ? null : await db.Programmes
            .Where(p => p.Slug == input.Programme && p.OrganisationId == user.OrganisationId && p.IsActive)
            .SingleOrDefaultAsync(ct);
        if (programme is null || (!user.IsCoordinator && user.Programmes.All(p => p.Id != programme.Id)))
        {
            errors.Add(new("programme", "Unknown programme, or not one you work in."));
        }
        if (input.Kind is null)
        {
            errors.Add(new("kind", "Choose family or individual."));
        }
        if (referral.Source is null)
        {
            errors.Add(new("referral.source", "Choose where the referral comes from."));
        }
        if (referral.Date is not { } date)
        {
            errors.Add(new("referral.date", "The referral date is required."));
        }
        else if (date > today)
        {
            errors.Add(new("referral.date", "The referral date cannot be in the future."));
        }
        if (referral.ReferredBy?.Length > 200)
        {
            errors.Add(new("referral.referredBy", "At most 200 characters."));
        }
        // Only a case the user may see: another organisation's is refused like one that does not exist.
        var previous = input.PreviousCase is { } previousId
            ? await db.Cases.Visible(user).Where(c => c.Id == previousId).Select(c => new { c.FamilyId }).SingleOrDefaultAsync(ct)
            : null;
        if (input.PreviousCase is not null && previous is null)
        {
            errors.Add(new("previousCase", "Unknown case, or not one you may see."));
        }
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }

        var now = Clock.UtcNow;
        var @case = new Case
        {
            OrganisationId = programme!.OrganisationId,
            ProgrammeId = programme.Id,
            Number = await CaseNumbers.NextAsync(db, programme, referral.Date!.Value.Year, ct),
            Kind = input.Kind!.Value,
            Status = CaseStatus.Referred,
            Referral = new Referral
            {
                Source = referral.Source!.Value,
                ReferredBy = string.IsNullOrWhiteSpace(referral.ReferredBy) ? null : referral.ReferredBy.Trim(),
                Date = referral.Date.Value,
                KnownBefore = referral.KnownBefore,
                RiskAtIntake = referral.RiskAtIntake ?? RiskLevel.DontKnow,
            },
            CreatedAt = now,
            UpdatedAt = now,
            PreviousCaseId = input.PreviousCase,
        };
        @case.FamilyId = previous?.FamilyId ?? @case.Id;
        @case.StatusChanges.Add(new CaseStatusChange { CaseId = @case.Id, To = CaseStatus.Referred, Date = referral.Date.Value, At = now, ByUserId = user.Id });
        db.Cases.Add(@case);
        await db.SaveChangesAsync(ct);
        return @case;
    }
}
