using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trajet.Web.Data;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.Cases;
using Trajet.Web.Features.Organisations;
using Trajet.Web.Infrastructure;

namespace Trajet.Web.Features.Outreach;

public static class OutreachApi
{
    public sealed record PlaceBody(string? Programme, string? Name, string? Type, string? City, string? Region, string? Country);
    public sealed record PlaceDto(Guid Id, string Name, PlaceType Type, string City, string? Region, string Country);
    public sealed record SessionBody(string? Kind, DateOnly? Date, Guid? PlaceId, Guid[]? TeamMembers, Guid[]? Mediators, string[]? Languages, string? Notes);
    public sealed record WorkerDto(Guid UserId, string Name, bool IsMediator);
    public sealed record SessionDto(Guid Id, SessionKind Kind, DateOnly Date, Guid PlaceId, string Place, string City, IReadOnlyList<string> Languages, string? Notes, IReadOnlyList<WorkerDto> Team, int Contacts);
    public sealed record ContactBody(
        Guid? SessionId, Guid? PlaceId, DateOnly? Date, Guid? PersonId, string? Nickname, string? Phone, string? Gender, string? AgeBand,
        string? Nationality, string? Language, bool? MediatorInterpreted, string[]? InformationGiven, string? InformationOther,
        string[]? Orientation, Guid? PartnerId, bool? FollowUp);
    public sealed record ContactDto(
        Guid Id, DateOnly Date, Guid? SessionId, Guid? PlaceId, string Place, Guid? PersonId, string? Nickname, Gender Gender, AgeBand AgeBand,
        string Nationality, string? Language, bool MediatorInterpreted, IReadOnlyList<InformationTopic> InformationGiven, string? InformationOther,
        IReadOnlyList<OrientationService> Orientation, Guid? PartnerId, bool FollowUp);
    public sealed record Page<T>(IReadOnlyList<T> Items, int Total);
    public sealed record PersonBody(string? Programme, string? Nickname, string? FirstName, string? LastName, string? Phone, string? Gender, string? AgeBand, string? Nationality, string[]? Languages);
    public sealed record OutcomeBody(string? Kind, DateOnly? Date, string? Notes);
    public sealed record CaseBody(string? FirstName, string? LastName);
    public sealed record AgreementBody(string? With, DateOnly? Date, string? ExplainedHow, string? Language);
    public sealed record ShareBody(string? With);
    public sealed record ShareDto(Guid Id, Guid PersonId, Guid ConsentId, string With, DateOnly SharedOn, DateOnly? StoppedOn);
    public sealed record SharedPersonDto(Guid Id, string Nickname, string Nationality, string SharedBy, DateOnly SharedOn);
    public sealed record ReferralBody(string? Programme, Guid? PartnerId, DateOnly? Date, string? Name, string? Phone, string? Language, string? Reason);
    public sealed record LinkBody(Guid? PersonId, Guid? ContactId);
    public sealed record ReferralDto(Guid Id, Guid PartnerId, string Partner, DateOnly Date, string Name, string? Phone, string? Language, string Reason, InboundReferralStatus Status, Guid? PersonId, Guid? ContactId, DateOnly? HandledOn);

    public static void MapOutreachApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/outreach").WithTags("Outreach");
        group.MapGet("/places", ListPlaces).ForEvaluators();
        group.MapPost("/places", AddPlaceEndpoint);
        group.MapGet("/sessions", ListSessions);
        group.MapPost("/sessions", PlanSessionEndpoint);
        group.MapGet("/sessions/{id:guid}", GetSession);
        group.MapGet("/contacts", ListContacts);
        group.MapPost("/contacts", LogContactEndpoint);
        group.MapGet("/people", FindPeople);
        group.MapPost("/people", AddPerson);
        group.MapGet("/people/{id:guid}", GetPerson);
        group.MapPut("/people/{id:guid}", UpdatePerson);
        group.MapPost("/people/{id:guid}/outcomes", AddOutcome);
        group.MapPost("/people/{id:guid}/case", OpenCaseEndpoint);
        group.MapPost("/people/{id:guid}/agreements", AddAgreement);
        group.MapPost("/people/{id:guid}/agreements/{agreementId:guid}/withdraw", WithdrawAgreement);
        group.MapPost("/people/{id:guid}/shares", Share);
        group.MapGet("/shared", ListShared);
        group.MapGet("/referrals", ListReferrals);
        group.MapPost("/referrals", AddReferral);
        group.MapPost("/referrals/{id:guid}/link", LinkReferral);
        group.MapGet("/dashboard", Dashboard).ForEvaluators();
        group.MapGet("/dashboard.csv", async (string? programme, DateOnly? from, DateOnly? to, CurrentUser current, TrajetDbContext db, CancellationToken ct) =>
            await ExportAsync(programme, from, to, current, db, ct, OutreachExports.Csv, "text/csv", "csv")).ForEvaluators();
        group.MapGet("/dashboard.xlsx", async (string? programme, DateOnly? from, DateOnly? to, CurrentUser current, TrajetDbContext db, CancellationToken ct) =>
            await ExportAsync(programme, from, to, current, db, ct, OutreachExports.Xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx")).ForEvaluators();
    }

    /// <summary>The outreach programme named (or the user's first), as a result: 404 when not theirs, 403 when they may only read aggregates.</summary>
    private static async Task<(ProgrammeRef? Programme, IResult? Denied)> ProgrammeForAsync(TrajetDbContext db, UserContext user, string? slug, bool write, CancellationToken ct)
    {
        var programme = await OutreachAccess.ProgrammeAsync(db, user, slug, ct);
        if (programme is null)
        {
            return (null, TypedResults.NotFound());
        }
        var allowed = write ? OutreachAccess.CanWork(user) : OutreachAccess.CanSeePeople(user);
        return allowed ? (programme, null) : (null, TypedResults.Forbid());
    }

    private static async Task<IResult> ListPlaces(string? programme, CurrentUser current, TrajetDbContext db, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var (p, denied) = await ProgrammeForAsync(db, user, programme, false, ct);
        if (p is null)
        {
            return denied!;
        }
        return TypedResults.Ok(await db.OutreachPlaces.Visible(user).Where(x => x.ProgrammeId == p.Id && x.IsActive).OrderBy(x => x.City).ThenBy(x => x.Name)
            .Select(x => new PlaceDto(x.Id, x.Name, x.Type, x.City, x.Region, x.Country)).ToListAsync(ct));
    }

    private static async Task<IResult> AddPlaceEndpoint(PlaceBody body, CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var (p, denied) = await ProgrammeForAsync(db, user, body.Programme, true, ct);
        if (p is null)
        {
            return denied!;
        }
        var errors = new List<FieldError>();
        var type = KebabEnum.Parse<PlaceType>(body.Type, "type", errors);
        var country = await db.Organisations.Where(o => o.Id == user.OrganisationId).Select(o => o.Country).SingleAsync(ct);
        var result = await AddPlace.ExecuteAsync(db, p, user.OrganisationId!.Value, country, new AddPlace.Input(body.Name, type, body.City, body.Region, body.Country), ct);
        return result switch
        {
            AddPlace.Added { Place: var x } when errors.Count == 0 => TypedResults.Created($"/api/outreach/places/{x.Id}", new PlaceDto(x.Id, x.Name, x.Type, x.City, x.Region, x.Country)),
            AddPlace.Invalid invalid => invalid.Errors.Concat(errors).DistinctBy(e => e.Field).ToProblem(l),
            _ => errors.ToProblem(l),
        };
    }

    private static async Task<IResult> ListSessions(string? programme, DateOnly? from, DateOnly? to, CurrentUser current, TrajetDbContext db, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var (p, denied) = await ProgrammeForAsync(db, user, programme, false, ct);
        if (p is null)
        {
            return denied!;
        }
        var sessions = db.OutreachSessions.Visible(user).AsNoTracking().Where(s => s.ProgrammeId == p.Id && s.Date >= (from ?? DateOnly.MinValue) && s.Date <= (to ?? DateOnly.MaxValue))
            .OrderByDescending(s => s.Date).ThenByDescending(s => s.CreatedAt).Take(200);
        return TypedResults.Ok(await SessionsAsync(db, sessions, ct));
    }

    public static async Task<List<SessionDto>> SessionsAsync(TrajetDbContext db, IQueryable<OutreachSession> sessions, CancellationToken ct)
    {
        var rows = await sessions.Select(s => new
        {
            s.Id,
            s.Kind,
            s.Date,
            s.PlaceId,
            Place = s.Place!.Name,
            s.Place.City,
            s.Languages,
            s.Notes,
            Team = s.Workers.Join(db.Users, w => w.UserId, u => u.Id, (w, u) => new WorkerDto(u.Id, u.DisplayName, w.IsMediator)).ToList(),
            Contacts = db.OutreachContacts.Count(c => c.SessionId == s.Id),
        }).ToListAsync(ct);
        return rows.Select(s => new SessionDto(s.Id, s.Kind, s.Date, s.PlaceId, s.Place, s.City, s.Languages.Split(',', StringSplitOptions.RemoveEmptyEntries), s.Notes, s.Team, s.Contacts)).ToList();
    }

    private static async Task<IResult> PlanSessionEndpoint(SessionBody body, CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        if (!OutreachAccess.CanWork(user))
        {
            return TypedResults.Forbid();
        }
        var errors = new List<FieldError>();
        var kind = KebabEnum.Parse<SessionKind>(body.Kind, "kind", errors);
        var input = new PlanSession.Input(kind, body.Date, body.PlaceId, body.TeamMembers ?? [], body.Mediators ?? [], body.Languages ?? [], body.Notes);
        return await PlanSession.ExecuteAsync(db, user, input, clock.Today(), ct, errors) switch
        {
            PlanSession.Planned { Session: var s } => TypedResults.Created($"/api/outreach/sessions/{s.Id}",
                (await SessionsAsync(db, db.OutreachSessions.Where(x => x.Id == s.Id), ct)).Single()),
            PlanSession.Invalid invalid => invalid.Errors.ToProblem(l),
            _ => throw new InvalidOperationException(),
        };
    }

    private static async Task<IResult> GetSession(Guid id, CurrentUser current, TrajetDbContext db, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        if (!OutreachAccess.CanSeePeople(user))
        {
            return TypedResults.NotFound();
        }
        var session = (await SessionsAsync(db, db.OutreachSessions.Visible(user).Where(s => s.Id == id), ct)).SingleOrDefault();
        if (session is null)
        {
            return TypedResults.NotFound();
        }
        var contacts = await db.OutreachContacts.Visible(user).AsNoTracking().Where(c => c.SessionId == id).OrderByDescending(c => c.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok(new { session, contacts = contacts.Select(ToDto) });
    }

    public static ContactDto ToDto(OutreachContact c) => new(c.Id, c.Date, c.SessionId, c.PlaceId, c.Place, c.PersonId, c.Nickname, c.Gender, c.AgeBand,
        c.Nationality, c.Language, c.MediatorInterpreted, ContactRules.Split<InformationTopic>(c.InformationGiven), c.InformationOther,
        ContactRules.Split<OrientationService>(c.Orientation), c.PartnerId, c.FollowUp);

    private static async Task<IResult> ListContacts(string? programme, Guid? session, Guid? person, DateOnly? from, DateOnly? to, int? page, int? pageSize, CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var (p, denied) = await ProgrammeForAsync(db, user, programme, false, ct);
        if (p is null)
        {
            return denied!;
        }
        var errors = new List<FieldError>();
        if (page is < 1)
        {
            errors.Add(new("page", "The page starts at 1."));
        }
        if (pageSize is < 1 or > 200)
        {
            errors.Add(new("pageSize", "The page size must be between 1 and 200."));
        }
        if (errors.Count > 0)
        {
            return errors.ToProblem(l);
        }
        var query = db.OutreachContacts.Visible(user).AsNoTracking().Where(c => c.ProgrammeId == p.Id && c.Date >= (from ?? DateOnly.MinValue) && c.Date <= (to ?? DateOnly.MaxValue));
        if (session is { } s)
        {
            query = query.Where(c => c.SessionId == s);
        }
        if (person is { } pid)
        {
            query = query.Where(c => c.PersonId == pid);
        }
        var size = pageSize ?? 50;
        var items = await query.OrderByDescending(c => c.Date).ThenByDescending(c => c.CreatedAt).Skip(Pager.SkipFor(page ?? 1, size)).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new Page<ContactDto>(items.Select(ToDto).ToList(), await query.CountAsync(ct)));
    }

    private static async Task<IResult> LogContactEndpoint(ContactBody body, CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        if (!OutreachAccess.CanWork(user))
        {
            return TypedResults.Forbid();
        }
        var errors = new List<FieldError>();
        Gender? gender = body.Gender is null ? null : KebabEnum.Parse<Gender>(body.Gender, "gender", errors);
        AgeBand? age = body.AgeBand is null ? null : KebabEnum.Parse<AgeBand>(body.AgeBand, "ageBand", errors);
        var topics = ParseAll<InformationTopic>(body.InformationGiven, "informationGiven", errors);
        var services = ParseAll<OrientationService>(body.Orientation, "orientation", errors);
        var input = new LogContact.Input(body.SessionId, body.PlaceId, body.Date, body.PersonId, body.Nickname, body.Phone, gender, age, body.Nationality, body.Language,
            body.MediatorInterpreted ?? false, topics, body.InformationOther, services, body.PartnerId, body.FollowUp ?? false);
        return await LogContact.ExecuteAsync(db, user, input, clock.Today(), ct, errors) switch
        {
            LogContact.Logged { Contact: var c } => TypedResults.Created($"/api/outreach/contacts/{c.Id}", ToDto(c)),
            LogContact.Invalid invalid => invalid.Errors.ToProblem(l),
            _ => throw new InvalidOperationException(),
        };
    }

    private static List<T> ParseAll<T>(string[]? values, string field, List<FieldError> errors) where T : struct, Enum
    {
        var parsed = new List<T>();
        foreach (var value in values ?? [])
        {
            if (KebabEnum.TryParse<T>(value, out var v))
            {
                parsed.Add(v);
            }
            else if (errors.All(e => e.Field != field))
            {
                errors.Add(new(field, "The value is not one of the accepted values."));
            }
        }
        return parsed;
    }

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

    public static IQueryable<ReferralDto> ReferralDtos(TrajetDbContext db, IQueryable<InboundReferral> referrals) =>
        referrals.Select(r => new ReferralDto(r.Id, r.PartnerId, db.Partners.Where(p => p.Id == r.PartnerId).Select(p => p.Name).First(), r.Date, r.Name, r.Phone, r.Language,
            r.Reason, r.Status, r.PersonId, r.ContactId, r.HandledOn));

    private static async Task<IResult> ListReferrals(string? programme, string? status, CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var (p, denied) = await ProgrammeForAsync(db, user, programme, false, ct);
        if (p is null)
        {
            return denied!;
        }
        var errors = new List<FieldError>();
        InboundReferralStatus? wanted = status is null ? null : KebabEnum.Parse<InboundReferralStatus>(status, "status", errors);
        if (errors.Count > 0)
        {
            return errors.ToProblem(l);
        }
        var referrals = db.InboundReferrals.Visible(user).AsNoTracking().Where(r => r.ProgrammeId == p.Id && (wanted == null || r.Status == wanted));
        return TypedResults.Ok(await ReferralDtos(db, referrals.OrderBy(r => r.Date)).ToListAsync(ct));
    }

    private static async Task<IResult> AddReferral(ReferralBody body, CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var (p, denied) = await ProgrammeForAsync(db, user, body.Programme, true, ct);
        if (p is null)
        {
            return denied!;
        }
        return await ReferralQueue.AddAsync(db, user, p, new ReferralQueue.Input(body.PartnerId, body.Date, body.Name, body.Phone, body.Language, body.Reason), clock.Today(), ct) switch
        {
            ReferralQueue.Queued { Referral: var r } => TypedResults.Created($"/api/outreach/referrals/{r.Id}", await ReferralDtos(db, db.InboundReferrals.Where(x => x.Id == r.Id)).SingleAsync(ct)),
            ReferralQueue.Invalid invalid => invalid.Errors.ToProblem(l),
            _ => throw new InvalidOperationException(),
        };
    }

    private static async Task<IResult> LinkReferral(Guid id, LinkBody body, CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var referral = OutreachAccess.CanWork(user) ? await db.InboundReferrals.Visible(user).SingleOrDefaultAsync(r => r.Id == id, ct) : null;
        if (referral is null)
        {
            return TypedResults.NotFound();
        }
        return await ReferralQueue.LinkAsync(db, user, referral, body.PersonId, body.ContactId, clock.Today(), ct) switch
        {
            ReferralQueue.Linked { Referral: var r } => TypedResults.Ok(await ReferralDtos(db, db.InboundReferrals.Where(x => x.Id == r.Id)).SingleAsync(ct)),
            ReferralQueue.Invalid invalid => invalid.Errors.ToProblem(l),
            _ => throw new InvalidOperationException(),
        };
    }

    /// <summary>The dashboard's programme: the team, its coordinators and its evaluators read it; another organisation's is a 404.</summary>
    public static async Task<ProgrammeRef?> DashboardProgrammeAsync(TrajetDbContext db, UserContext user, string? slug, CancellationToken ct) =>
        await OutreachAccess.ProgrammeAsync(db, user, slug, ct);

    private static async Task<IResult> Dashboard(string? programme, DateOnly? from, DateOnly? to, CurrentUser current, TrajetDbContext db, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var p = await DashboardProgrammeAsync(db, user, programme, ct);
        if (p is null)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(await OutreachDashboard.BuildAsync(db, p.Id, p.Slug, from, to, ct));
    }

    private static async Task<IResult> ExportAsync(string? programme, DateOnly? from, DateOnly? to, CurrentUser current, TrajetDbContext db, CancellationToken ct,
        Func<OutreachDashboard.Report, byte[]> write, string contentType, string extension)
    {
        var user = await current.RequireAsync(ct);
        var p = await DashboardProgrammeAsync(db, user, programme, ct);
        if (p is null)
        {
            return TypedResults.NotFound();
        }
        var report = await OutreachDashboard.BuildAsync(db, p.Id, p.Slug, from, to, ct);
        return TypedResults.File(write(report), contentType, $"outreach-{p.Slug}.{extension}");
    }
}
