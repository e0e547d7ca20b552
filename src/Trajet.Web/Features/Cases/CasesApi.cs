using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trajet.Web.Data;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.Organisations;
using Trajet.Web.Infrastructure;

namespace Trajet.Web.Features.Cases;

public static class CasesApi
{
    public sealed record ReferralBody(string? Source, string? ReferredBy, DateOnly? Date, bool? KnownBefore, string? RiskAtIntake);
    public sealed record OpenBody(string? Programme, string? Kind, ReferralBody? Referral);
    public sealed record Created(Guid Id, string Number, CaseStatus Status);

    public sealed record ListItem(Guid Id, string Number, CaseStatus Status, CaseKind Kind, string Programme, DateOnly ReferralDate, string? Household, int Members);
    public sealed record PageOf<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

    public sealed record ReferralDto(ReferralSource Source, string? ReferredBy, DateOnly Date, bool? KnownBefore, RiskLevel RiskAtIntake);
    public sealed record MemberDto(Guid Id, MemberRole Role, string? FirstName, string? LastName, Gender Gender, DateOnly? BirthDate, int? EstimatedAge, int? Age, string Nationality, IReadOnlyList<string> Languages);
    public sealed record CaseDto(Guid Id, string Number, CaseStatus Status, CaseKind Kind, string Programme, ReferralDto Referral, IReadOnlyList<MemberDto> Members, int Version);

    public sealed record MemberBody(string? Role, string? FirstName, string? LastName, string? Gender, DateOnly? BirthDate, int? EstimatedAge, string? Nationality, List<string>? Languages);

    public static void MapCasesApi(this WebApplication app)
    {
        var cases = app.MapGroup("/api/cases").WithTags("Cases");
        cases.MapPost("/", Open);
        cases.MapGet("/", List);
        cases.MapGet("/{id:guid}", Get);
        cases.MapPost("/{id:guid}/members", PostMember);
    }

    private static async Task<Results<Created<Created>, ValidationProblem, ForbidHttpResult>> Open(
        OpenBody body, CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        if (!CaseAccess.CanWrite(user))
        {
            return TypedResults.Forbid();
        }
        var errors = new List<FieldError>();
        var kind = KebabEnum.Parse<CaseKind>(body.Kind, "kind", errors);
        var source = KebabEnum.Parse<ReferralSource>(body.Referral?.Source, "referral.source", errors);
        RiskLevel? risk = body.Referral?.RiskAtIntake is null ? null : KebabEnum.Parse<RiskLevel>(body.Referral.RiskAtIntake, "referral.riskAtIntake", errors);
        var command = new OpenCase.Command(body.Programme, kind, source, body.Referral?.ReferredBy, body.Referral?.Date, body.Referral?.KnownBefore, risk);
        var result = await OpenCase.ExecuteAsync(db, user, command, DateOnly.FromDateTime(clock.GetLocalNow().Date), ct, errors);
        return result switch
        {
            OpenCase.Opened { Case: var c } => TypedResults.Created($"/api/cases/{c.Id}", new Created(c.Id, c.Number, c.Status)),
            OpenCase.Invalid invalid => invalid.Errors.ToProblem(l),
            _ => throw new InvalidOperationException(),
        };
    }

    private static async Task<Results<Ok<PageOf<ListItem>>, ValidationProblem>> List(
        CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, CancellationToken ct,
        int page = 1, int pageSize = 50, string? status = null, string? q = null, string? programme = null)
    {
        var user = await current.RequireAsync(ct);
        var errors = new List<FieldError>();
        CaseStatus? statusFilter = status is null ? null : KebabEnum.Parse<CaseStatus>(status, "status", errors);
        if (page < 1)
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

        var query = new CaseSearch(statusFilter, q, programme, user.SeesAggregatesOnly).Apply(db.Cases.Visible(user));
        var total = await query.CountAsync(ct);
        var items = await CaseSearch.Project(query, user.SeesAggregatesOnly)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return TypedResults.Ok(new PageOf<ListItem>(items, total, page, pageSize));
    }

    private static async Task<Results<Ok<CaseDto>, NotFound>> Get(Guid id, CurrentUser current, TrajetDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var c = await db.Cases.Visible(user).AsNoTracking()
            .Include(x => x.Programme).Include(x => x.Members.OrderBy(m => m.CreatedAt))
            .AsSplitQuery()
            .SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return TypedResults.NotFound();
        }
        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        var hideNames = user.SeesAggregatesOnly;
        return TypedResults.Ok(new CaseDto(c.Id, c.Number, c.Status, c.Kind, c.Programme!.Slug,
            new ReferralDto(c.Referral.Source, hideNames ? null : c.Referral.ReferredBy, c.Referral.Date, c.Referral.KnownBefore, c.Referral.RiskAtIntake),
            c.Members.Select(m => new MemberDto(m.Id, m.Role,
                hideNames ? null : m.FirstName, hideNames ? null : m.LastName, m.Gender,
                hideNames ? null : m.BirthDate, m.EstimatedAge, MemberRules.AgeOn(m.BirthDate, m.EstimatedAge, today),
                m.Nationality, m.Languages.Split(',', StringSplitOptions.RemoveEmptyEntries))).ToList(),
            c.Version));
    }

    private static async Task<Results<Created<MemberDto>, ValidationProblem, NotFound, ForbidHttpResult>> PostMember(
        Guid id, MemberBody body, CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var c = await db.Cases.Visible(user).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return TypedResults.NotFound();
        }
        if (!CaseAccess.CanWrite(user))
        {
            return TypedResults.Forbid();
        }
        var errors = new List<FieldError>();
        var role = KebabEnum.Parse<MemberRole>(body.Role, "role", errors);
        Gender? gender = body.Gender is null ? null : KebabEnum.Parse<Gender>(body.Gender, "gender", errors);
        var input = new MemberRules.Input(role, body.FirstName, body.LastName, gender, body.BirthDate, body.EstimatedAge, body.Nationality, body.Languages);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        var result = errors.Count > 0 ? new AddMember.Invalid(errors) : await AddMember.ExecuteAsync(db, c, input, today, ct);
        return result switch
        {
            AddMember.Added { Member: var m } => TypedResults.Created($"/api/cases/{id}/members/{m.Id}", new MemberDto(m.Id, m.Role, m.FirstName, m.LastName, m.Gender,
                m.BirthDate, m.EstimatedAge, MemberRules.AgeOn(m.BirthDate, m.EstimatedAge, today), m.Nationality, m.Languages.Split(',', StringSplitOptions.RemoveEmptyEntries))),
            AddMember.Invalid invalid => invalid.Errors.ToProblem(l),
            _ => throw new InvalidOperationException(),
        };
    }
}
