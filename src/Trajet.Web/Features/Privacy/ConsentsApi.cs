using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trajet.Web.Data;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.Cases;
using Trajet.Web.Features.Partners;
using Trajet.Web.Infrastructure;

namespace Trajet.Web.Features.Privacy;

public static class ConsentsApi
{
    public sealed record Body(Guid? MemberId, string? Purpose, Guid? PartnerId, Guid? RecipientOrganisationId, DateOnly? GivenOn, string? ExplainedHow, string? Language);
    public sealed record WithdrawBody(DateOnly? WithdrawnOn, string? Note);
    public sealed record Dto(
        Guid Id, Guid? MemberId, string? Person, ConsentPurpose Purpose, Guid? PartnerId, string? Partner, Guid? RecipientOrganisationId, string? RecipientOrganisation,
        DateOnly GivenOn, string? ExplainedHow, string? Language, DateOnly? WithdrawnOn, string? WithdrawalNote, bool Active);

    public static void MapConsentsApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/cases/{id:guid}/consents").WithTags("Privacy");
        group.MapGet("/", List).ForEvaluators();
        group.MapPost("/", Post);
        group.MapPost("/{consentId:guid}/withdraw", Withdraw);
    }

    /// <summary>A case's consents, newest first; names and what was typed hidden from those who see aggregates only.</summary>
    public static async Task<List<Dto>> OfCaseAsync(TrajetDbContext db, Guid caseId, bool hideNames, DateOnly today, CancellationToken ct) =>
        (await (from c in db.Consents.AsNoTracking()
                where c.CaseId == caseId
                join m in db.Members on c.MemberId equals m.Id into members
                from m in members.DefaultIfEmpty()
                join p in db.Set<Partner>() on c.PartnerId equals p.Id into partners
                from p in partners.DefaultIfEmpty()
                join o in db.Organisations on c.RecipientOrganisationId equals o.Id into organisations
                from o in organisations.DefaultIfEmpty()
                orderby c.GivenOn descending, c.CreatedAt descending
                select new Dto(c.Id, c.MemberId, hideNames || m == null ? null : m.FirstName + " " + m.LastName, c.Purpose, c.PartnerId, p == null ? null : p.Name,
                    c.RecipientOrganisationId, o == null ? null : o.Name, c.GivenOn, c.ExplainedHow, c.Language, c.WithdrawnOn, c.WithdrawalNote, false))
        .ToListAsync(ct))
        .Select(d => d with { Active = ConsentRules.IsActive(d.GivenOn, d.WithdrawnOn, today) })
        .Select(d => hideNames ? d with { Partner = null, ExplainedHow = null, WithdrawalNote = null } : d).ToList();

    private static async Task<Results<Ok<List<Dto>>, NotFound>> List(Guid id, CurrentUser current, TrajetDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        return await db.Cases.Visible(user).AnyAsync(c => c.Id == id, ct)
            ? TypedResults.Ok(await OfCaseAsync(db, id, user.SeesAggregatesOnly, clock.Today(), ct))
            : TypedResults.NotFound();
    }

    private static async Task<IResult> Post(Guid id, Body body, CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var (c, denied) = await db.CaseForWriteAsync(user, id, ct);
        if (c is null)
        {
            return denied!;
        }
        var errors = new List<FieldError>();
        var purpose = KebabEnum.Parse<ConsentPurpose>(body.Purpose, "purpose", errors);
        if (errors.Count > 0)
        {
            return errors.ToProblem(l);
        }
        var input = new RecordConsent.Input(body.MemberId, purpose, body.PartnerId, body.RecipientOrganisationId, body.GivenOn, body.ExplainedHow, body.Language);
        var (consent, invalid) = await RecordConsent.ExecuteAsync(db, user, c, input, clock.Today(), ct);
        return consent is null
            ? invalid.ToProblem(l)
            : TypedResults.Created($"/api/cases/{id}/consents/{consent.Id}", (await OfCaseAsync(db, id, false, clock.Today(), ct)).Single(x => x.Id == consent.Id));
    }

    private static async Task<IResult> Withdraw(Guid id, Guid consentId, WithdrawBody body, CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var (c, denied) = await db.CaseForWriteAsync(user, id, ct);
        if (c is null)
        {
            return denied!;
        }
        var consent = await db.Consents.SingleOrDefaultAsync(x => x.Id == consentId && x.CaseId == id, ct);
        if (consent is null)
        {
            return TypedResults.NotFound();
        }
        var errors = await RecordConsent.WithdrawAsync(db, consent, body.WithdrawnOn ?? clock.Today(), body.Note, clock.Today(), ct);
        return errors.Count > 0 ? errors.ToProblem(l) : TypedResults.Ok((await OfCaseAsync(db, id, false, clock.Today(), ct)).Single(x => x.Id == consentId));
    }

}
