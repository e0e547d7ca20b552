using Microsoft.EntityFrameworkCore;
using Trajet.Web.Data;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.Cases;
using Trajet.Web.Features.Organisations;
using Trajet.Web.Infrastructure;

namespace Trajet.Web.Features.Outreach;

/// <summary>
/// Cross-border exchange between the Belgian and French teams: the person's agreement to one named
/// team is recorded first; only then is the record shared, read-only; withdrawing the agreement stops it at once.
/// </summary>
public static class ShareAcrossBorder
{
    public sealed record AgreementInput(string? With, DateOnly? Date, string? ExplainedHow, string? Language);

    public abstract record Result;
    public sealed record AgreementRecorded(SharingAgreement Agreement) : Result;
    public sealed record Shared(CrossBorderShare Share) : Result;
    public sealed record Withdrawn(SharingAgreement Agreement, int SharesStopped) : Result;
    public sealed record Invalid(List<FieldError> Errors) : Result;

    /// <summary>The other team: an active outreach programme of another organisation.</summary>
    private static Task<Programme?> OtherTeamAsync(TrajetDbContext db, OutreachPerson person, string? slug, CancellationToken ct) =>
        db.Programmes.AsNoTracking().SingleOrDefaultAsync(p => p.Slug == slug && p.Kind == ProgrammeKind.Outreach && p.IsActive && p.OrganisationId != person.OrganisationId, ct);

    public static async Task<Result> RecordAgreementAsync(TrajetDbContext db, UserContext user, OutreachPerson person, AgreementInput input, DateOnly today, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var other = await OtherTeamAsync(db, person, input.With, ct);
        if (other is null)
        {
            errors.Add(new("with", "Choose the other team's outreach programme."));
        }
        if (input.Date is not { } date)
        {
            errors.Add(new("date", "The date is required."));
        }
        else if (date > today)
        {
            errors.Add(new("date", "An agreement cannot be in the future."));
        }
        if (string.IsNullOrWhiteSpace(input.ExplainedHow) || input.ExplainedHow.Trim().Length > 500)
        {
            errors.Add(new("explainedHow", "Say how the sharing was explained to the person (at most 500 characters)."));
        }
        var language = LogContact.Blank(input.Language)?.ToLowerInvariant();
        if (!Codes.IsLanguage(language))
        {
            errors.Add(new("language", "Unknown language code: use ISO 639-1 (e.g. hy, ru)."));
        }
        if (errors.Count > 0)
        {
            return new Invalid(errors);
        }
        var agreement = new SharingAgreement
        {
            OrganisationId = person.OrganisationId,
            ProgrammeId = person.ProgrammeId,
            PersonId = person.Id,
            RecipientProgrammeId = other!.Id,
            Date = input.Date!.Value,
            ExplainedHow = input.ExplainedHow!.Trim(),
            Language = language!,
            RecordedByUserId = user.Id,
        };
        db.SharingAgreements.Add(agreement);
        await db.SaveChangesAsync(ct);
        return new AgreementRecorded(agreement);
    }

    /// <summary>Shares the person's contacts and outcomes with the other team; refused without the person's agreement to that team.</summary>
    public static async Task<Result> ShareAsync(TrajetDbContext db, UserContext user, OutreachPerson person, string? with, DateOnly today, CancellationToken ct)
    {
        var other = await OtherTeamAsync(db, person, with, ct);
        if (other is null)
        {
            return new Invalid([new("with", "Choose the other team's outreach programme.")]);
        }
        var agreement = await db.SharingAgreements
            .Where(a => a.PersonId == person.Id && a.RecipientProgrammeId == other.Id && a.WithdrawnOn == null)
            .OrderByDescending(a => a.Date).FirstOrDefaultAsync(ct);
        if (agreement is null)
        {
            return new Invalid([new("agreement", "The person has not agreed to share with this team: record their agreement first.")]);
        }
        var existing = await db.CrossBorderShares.FirstOrDefaultAsync(s => s.PersonId == person.Id && s.RecipientProgrammeId == other.Id && s.StoppedOn == null, ct);
        if (existing is not null)
        {
            return new Shared(existing);
        }
        var share = new CrossBorderShare
        {
            OrganisationId = person.OrganisationId,
            ProgrammeId = person.ProgrammeId,
            PersonId = person.Id,
            AgreementId = agreement.Id,
            RecipientOrganisationId = other.OrganisationId,
            RecipientProgrammeId = other.Id,
            SharedOn = today,
            SharedByUserId = user.Id,
        };
        db.CrossBorderShares.Add(share);
        await db.SaveChangesAsync(ct);
        return new Shared(share);
    }

    /// <summary>The person withdrew their agreement: every share it allowed stops now.</summary>
    public static async Task<Result> WithdrawAsync(TrajetDbContext db, OutreachPerson person, Guid agreementId, DateOnly today, CancellationToken ct)
    {
        var agreement = await db.SharingAgreements.SingleOrDefaultAsync(a => a.Id == agreementId && a.PersonId == person.Id, ct);
        if (agreement is null)
        {
            return new Invalid([new("agreementId", "Unknown agreement.")]);
        }
        agreement.WithdrawnOn ??= today;
        var shares = await db.CrossBorderShares.Where(s => s.AgreementId == agreement.Id && s.StoppedOn == null).ToListAsync(ct);
        foreach (var share in shares)
        {
            share.StoppedOn = today;
        }
        await db.SaveChangesAsync(ct);
        return new Withdrawn(agreement, shares.Count);
    }
}
