namespace Trajet.Web.Features.Cases;

/// <summary>Opens a case from its referral, in a programme the user works in.</summary>
public static class OpenCase
{
    public sealed record Command(
        string? Programme,
        CaseKind? Kind,
        ReferralSource? Source,
        string? ReferredBy,
        DateOnly? Date,
        bool? KnownBefore,
        RiskLevel? RiskAtIntake);

    /// <param name="errors">Failures found before (e.g. unparsable values), reported together with these.</param>
    public static async Task<Result<Case>> ExecuteAsync(TrajetDbContext db, UserContext user, Command command, DateOnly today, CancellationToken ct, List<FieldError>? errors = null)
    {
        errors ??= [];
        var programme = user.OrganisationId is null ? null : await db.Programmes
            .Where(p => p.Slug == command.Programme && p.OrganisationId == user.OrganisationId && p.IsActive)
            .SingleOrDefaultAsync(ct);
        if (programme is null || (!user.IsCoordinator && user.Programmes.All(p => p.Id != programme.Id)))
        {
            errors.Add(new("programme", "Unknown programme, or not one you work in."));
        }
        if (command.Kind is null && errors.All(e => e.Field != "kind"))
        {
            errors.Add(new("kind", "Choose family or individual."));
        }
        if (command.Source is null && errors.All(e => e.Field != "referral.source"))
        {
            errors.Add(new("referral.source", "Choose where the referral comes from."));
        }
        if (command.Date is not { } date)
        {
            errors.Add(new("referral.date", "The referral date is required."));
        }
        else if (date > today)
        {
            errors.Add(new("referral.date", "The referral date cannot be in the future."));
        }
        if (command.ReferredBy?.Length > 200)
        {
            errors.Add(new("referral.referredBy", "At most 200 characters."));
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
            Number = await CaseNumbers.NextAsync(db, programme, command.Date!.Value.Year, ct),
            Kind = command.Kind!.Value,
            Status = CaseStatus.Referred,
            Referral = new Referral
            {
                Source = command.Source!.Value,
                ReferredBy = string.IsNullOrWhiteSpace(command.ReferredBy) ? null : command.ReferredBy.Trim(),
                Date = command.Date.Value,
                KnownBefore = command.KnownBefore,
                RiskAtIntake = command.RiskAtIntake ?? RiskLevel.DontKnow,
            },
            CreatedAt = now,
            UpdatedAt = now,
        };
        @case.StatusChanges.Add(new CaseStatusChange { CaseId = @case.Id, To = CaseStatus.Referred, Date = command.Date.Value, At = now, ByUserId = user.Id });
        db.Cases.Add(@case);
        await db.SaveChangesAsync(ct);
        return @case;
    }
}
