using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trajet.Web.Data;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.Cases;
using Trajet.Web.Infrastructure;

namespace Trajet.Web.Features.Outreach;

// People met more than once: their record, outcomes, a case, agreements and cross-border shares.
public static partial class OutreachApi
{
    private static async Task<IResult> FindPeople(string? programme, string? q, CurrentUser current, TrajetDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var (p, denied) = await ProgrammeForAsync(db, user, programme, false, ct);
        if (p is null)
        {
            return denied!;
        }
        return TypedResults.Ok(await FindReturningPerson.ExecuteAsync(db, user, p.Id, q, clock.Today(), ct));
    }

    private static async Task<IResult> AddPerson(PersonBody body, CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var (p, denied) = await ProgrammeForAsync(db, user, body.Programme, true, ct);
        if (p is null)
        {
            return denied!;
        }
        var person = new OutreachPerson { OrganisationId = user.OrganisationId!.Value, ProgrammeId = p.Id, Nickname = "" };
        var errors = ApplyPerson(person, body);
        if (errors.Count > 0)
        {
            return errors.ToProblem(l);
        }
        db.OutreachPeople.Add(person);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/outreach/people/{person.Id}", new { person.Id, person.Nickname });
    }

    private static async Task<IResult> UpdatePerson(Guid id, PersonBody body, CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var person = await db.WritablePersonAsync(user, id, ct);
        if (person is null)
        {
            return TypedResults.NotFound();
        }
        var errors = ApplyPerson(person, body);
        if (errors.Count > 0)
        {
            return errors.ToProblem(l);
        }
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await PersonRecord.LoadAsync(db, user, id, clock.Today(), ct));
    }

    public static List<FieldError> ApplyPerson(OutreachPerson person, PersonBody body)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(body.Nickname) || body.Nickname.Trim().Length > 100)
        {
            errors.Add(new("nickname", "The nickname is required (at most 100 characters)."));
        }
        foreach (var (field, value, max) in new[] { ("firstName", body.FirstName, 100), ("lastName", body.LastName, 100), ("phone", body.Phone, 50) })
        {
            if (value?.Trim().Length > max)
            {
                errors.Add(new(field, $"At most {max} characters."));
            }
        }
        var gender = body.Gender is null ? person.Gender : KebabEnum.Parse<Gender>(body.Gender, "gender", errors);
        var age = body.AgeBand is null ? person.AgeBand : KebabEnum.Parse<AgeBand>(body.AgeBand, "ageBand", errors);
        var nationality = LogContact.Blank(body.Nationality);
        if (nationality is not null && !Codes.IsNationality(nationality))
        {
            errors.Add(new("nationality", "Unknown nationality: use ISO 3166-1 alpha-2 (e.g. SD), stateless or unknown."));
        }
        var languages = (body.Languages ?? []).Select(x => x.Trim().ToLowerInvariant()).Where(x => x.Length > 0).Distinct().ToList();
        if (languages.Any(x => !Codes.IsLanguage(x)))
        {
            errors.Add(new("languages", "Unknown language code: use ISO 639-1 (e.g. hy, ru)."));
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        person.Nickname = body.Nickname!.Trim();
        person.FirstName = LogContact.Blank(body.FirstName);
        person.LastName = LogContact.Blank(body.LastName);
        person.Phone = LogContact.Blank(body.Phone);
        person.Gender = gender!.Value;
        person.AgeBand = age!.Value;
        person.Nationality = nationality ?? person.Nationality;
        if (body.Languages is not null)
        {
            person.Languages = string.Join(',', languages);
        }
        person.Index();
        return errors;
    }

    private static async Task<IResult> GetPerson(Guid id, CurrentUser current, TrajetDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        return await PersonRecord.LoadAsync(db, user, id, clock.Today(), ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();
    }

    private static async Task<IResult> AddOutcome(Guid id, OutcomeBody body, CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var person = await db.WritablePersonAsync(user, id, ct);
        if (person is null)
        {
            return TypedResults.NotFound();
        }
        var errors = new List<FieldError>();
        var kind = KebabEnum.Parse<OutcomeKind>(body.Kind, "kind", errors);
        return await RecordOutcome.ExecuteAsync(db, user, person, new RecordOutcome.Input(kind, body.Date, body.Notes), clock.Today(), ct, errors) switch
        {
            RecordOutcome.Recorded { Outcome: var o } => TypedResults.Created($"/api/outreach/people/{id}", new PersonRecord.OutcomeLine(o.Id, o.Kind, o.Date, o.Notes)),
            RecordOutcome.Invalid invalid => invalid.Errors.ToProblem(l),
            _ => throw new InvalidOperationException(),
        };
    }

    private static async Task<IResult> OpenCaseEndpoint(Guid id, CaseBody body, CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var person = await db.WritablePersonAsync(user, id, ct);
        if (person is null)
        {
            return TypedResults.NotFound();
        }
        var slug = await db.Programmes.Where(p => p.Id == person.ProgrammeId).Select(p => p.Slug).SingleAsync(ct);
        return await OpenCaseForPerson.ExecuteAsync(db, user, person, slug, new OpenCaseForPerson.Input(body.FirstName, body.LastName), clock.Today(), ct) switch
        {
            OpenCaseForPerson.Opened { Case: var c } => TypedResults.Created($"/api/cases/{c.Id}", new { caseId = c.Id, c.Number, c.Status }),
            OpenCaseForPerson.Invalid invalid => invalid.Errors.ToProblem(l),
            _ => throw new InvalidOperationException(),
        };
    }

    private static async Task<IResult> AddAgreement(Guid id, AgreementBody body, CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var person = await db.WritablePersonAsync(user, id, ct);
        if (person is null)
        {
            return TypedResults.NotFound();
        }
        return await ShareAcrossBorder.RecordAgreementAsync(db, user, person, new ShareAcrossBorder.AgreementInput(body.With, body.Date, body.ExplainedHow, body.Language), clock.Today(), ct) switch
        {
            ShareAcrossBorder.AgreementRecorded { Consent: var c } => TypedResults.Created($"/api/outreach/people/{id}",
                new PersonRecord.AgreementLine(c.Id, body.With!, body.With, c.GivenOn, c.ExplainedHow, c.Language, c.WithdrawnOn, false)),
            ShareAcrossBorder.Invalid invalid => invalid.Errors.ToProblem(l),
            _ => throw new InvalidOperationException(),
        };
    }

    private static async Task<IResult> WithdrawAgreement(Guid id, Guid agreementId, CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var person = await db.WritablePersonAsync(user, id, ct);
        if (person is null)
        {
            return TypedResults.NotFound();
        }
        return await ShareAcrossBorder.WithdrawAsync(db, person, agreementId, clock.Today(), ct) switch
        {
            ShareAcrossBorder.Withdrawn { Consent: var c, SharesStopped: var stopped } => TypedResults.Ok(new { c.Id, c.WithdrawnOn, sharesStopped = stopped }),
            ShareAcrossBorder.Invalid => TypedResults.NotFound(),
            _ => throw new InvalidOperationException(),
        };
    }

    private static async Task<IResult> Share(Guid id, ShareBody body, CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var person = await db.WritablePersonAsync(user, id, ct);
        if (person is null)
        {
            return TypedResults.NotFound();
        }
        return await ShareAcrossBorder.ShareAsync(db, user, person, body.With, clock.Today(), ct) switch
        {
            ShareAcrossBorder.Shared { Share: var s } => TypedResults.Created($"/api/outreach/people/{id}", new ShareDto(s.Id, s.PersonId, s.ConsentId, body.With!, s.SharedOn, s.StoppedOn)),
            ShareAcrossBorder.Invalid invalid => invalid.Errors.ToProblem(l),
            _ => throw new InvalidOperationException(),
        };
    }

    public static Task<List<SharedPersonDto>> SharedWithAsync(TrajetDbContext db, UserContext user, DateOnly today, CancellationToken ct) =>
        OutreachAccess.SharesWith(db, user, today).AsNoTracking()
            .Join(db.OutreachPeople, s => s.PersonId, p => p.Id, (s, p) => new { s, p })
            .OrderBy(x => x.p.Nickname)
            .Select(x => new SharedPersonDto(x.p.Id, x.p.Nickname, x.p.Nationality, db.Organisations.Where(o => o.Id == x.s.OrganisationId).Select(o => o.Name).First(), x.s.SharedOn))
            .ToListAsync(ct);

    private static async Task<Ok<List<SharedPersonDto>>> ListShared(CurrentUser current, TrajetDbContext db, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await SharedWithAsync(db, await current.RequireAsync(ct), clock.Today(), ct));
}
