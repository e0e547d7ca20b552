using Microsoft.EntityFrameworkCore;
using Trajet.Web.Data;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.Cases;
using Trajet.Web.Features.Organisations;
using Trajet.Web.Features.Privacy;
using Trajet.Web.Infrastructure;

namespace Trajet.Web.Features.Outreach;

/// <summary>
/// Cross-border exchange between the Belgian and French teams: the person's consent to that exchange
/// with the named organisation is recorded first (a <see cref="Consent"/>, purpose cross-border exchange);
/// only then is the record shared, read-only; withdrawing the consent stops the sharing at once.
/// </summary>
public static class ShareAcrossBorder
{
    public sealed record AgreementInput(string? With, DateOnly? Date, string? ExplainedHow, string? Language);

    public abstract record Result;
    public sealed record AgreementRecorded(Consent Consent) : Result;
    public sealed record Shared(CrossBorderShare Share) : Result;
    public sealed record Withdrawn(Consent Consent, int SharesStopped) : Result;
    public sealed record Invalid(List<FieldError> Errors) : Result;

    /// <summary>The other team: an active outreach programme of another organisation.</summary>
    private static Task<Programme?> OtherTeamAsync(TrajetDbContext db, OutreachPerson person, string? slug, CancellationToken ct) =>
        db.Programmes.AsNoTracking().SingleOrDefaultAsync(p => p.Slug == slug && p.Kind == ProgrammeKind.Outreach && p.IsActive && p.OrganisationId != person.OrganisationId, ct);

    /// <summary>The person's consents to a cross-border exchange in force today.</summary>
    public static IQueryable<Consent> ActiveConsents(TrajetDbContext db, DateOnly today) =>
        db.Consents.Where(ConsentRules.ActiveOn(today)).Where(c => c.Purpose == ConsentPurpose.CrossBorderExchange && c.OutreachPersonId != null);

    public static async Task<Result> RecordAgreementAsync(TrajetDbContext db, UserContext user, OutreachPerson person, AgreementInput input, DateOnly today, CancellationToken ct)
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
            return new Invalid(errors);
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
        return new AgreementRecorded(consent);
    }

    /// <summary>Shares the person's contacts and outcomes with the other team; refused without the person's consent to that organisation.</summary>
    public static async Task<Result> ShareAsync(TrajetDbContext db, UserContext user, OutreachPerson person, string? with, DateOnly today, CancellationToken ct)
    {
        var other = await OtherTeamAsync(db, person, with, ct);
        if (other is null)
        {
            return new Invalid([new("with", "Choose the other team's outreach programme.")]);
        }
        var consent = await ActiveConsents(db, today)
            .Where(c => c.OutreachPersonId == person.Id && c.OrganisationId == person.OrganisationId && c.RecipientOrganisationId == other.OrganisationId)
            .OrderByDescending(c => c.GivenOn).FirstOrDefaultAsync(ct);
        if (consent is null)
        {
            return new Invalid([new("consent", "The person has not agreed to share with this team: record their agreement first.")]);
        }
        var existing = await db.CrossBorderShares.FirstOrDefaultAsync(s => s.PersonId == person.Id && s.RecipientProgrammeId == other.Id && s.StoppedOn == null && s.ConsentId == consent.Id, ct);
        if (existing is not null)
        {
            return new Shared(existing);
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
        return new Shared(share);
    }

    /// <summary>The person withdrew their consent: it no longer counts from today, and every share it allowed stops now.</summary>
    public static async Task<Result> WithdrawAsync(TrajetDbContext db, OutreachPerson person, Guid consentId, DateOnly today, CancellationToken ct)
    {
        var consent = await db.Consents.SingleOrDefaultAsync(c => c.Id == consentId && c.OutreachPersonId == person.Id && c.OrganisationId == person.OrganisationId, ct);
        if (consent is null)
        {
            return new Invalid([new("consentId", "Unknown agreement.")]);
        }
        if ((await RecordConsent.WithdrawAsync(db, consent, today, null, today, ct)).Failed is { } failed)
        {
            return new Invalid(failed.Errors.ToList());
        }
        var shares = await db.CrossBorderShares.Where(s => s.ConsentId == consent.Id && s.StoppedOn == null).ToListAsync(ct);
        foreach (var share in shares)
        {
            share.StoppedOn = today;
        }
        await db.SaveChangesAsync(ct);
        return new Withdrawn(consent, shares.Count);
    }
}
