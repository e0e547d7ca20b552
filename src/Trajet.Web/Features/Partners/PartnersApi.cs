using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trajet.Web.Data;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.Cases;
using Trajet.Web.Infrastructure;

namespace Trajet.Web.Features.Partners;

public static class PartnersApi
{
    public sealed record PartnerBody(string? Name, string? Kind, string? Contact, string? Phone, string? Email, string? Notes);
    public sealed record PartnerDto(Guid Id, string Name, PartnerKind Kind, string? Contact, string? Phone, string? Email, string? Notes);
    public sealed record ReferralBody(Guid? PartnerId, DateOnly? Date, string? Reason, DateOnly? FamilyAgreedOn, string? Notes);
    public sealed record StatusBody(string? Status, DateOnly? FamilyAgreedOn);
    public sealed record ReferralDto(Guid Id, Guid PartnerId, string Partner, DateOnly Date, string Reason, ReferralStatus Status, DateOnly StatusOn, DateOnly? FamilyAgreedOn, string? Notes);

    public static void MapPartnersApi(this WebApplication app)
    {
        app.MapGet("/api/partners", async Task<Ok<List<PartnerDto>>> (CurrentUser current, TrajetDbContext db, CancellationToken ct) =>
        {
            var user = await current.RequireAsync(ct);
            return TypedResults.Ok(await db.Partners.Where(p => p.OrganisationId == user.OrganisationId && p.IsActive).OrderBy(p => p.Name)
                .Select(p => new PartnerDto(p.Id, p.Name, p.Kind, p.Contact, p.Phone, p.Email, p.Notes)).ToListAsync(ct));
        }).WithTags("Partners");
        app.MapPost("/api/partners", AddPartner).WithTags("Partners");

        var referrals = app.MapGroup("/api/cases/{id:guid}/referrals").WithTags("Partners");
        referrals.MapGet("/", ListReferrals);
        referrals.MapPost("/", AddReferral);
        referrals.MapPut("/{referralId:guid}/status", MoveReferral);
    }

    public static Task<List<ReferralDto>> ReferralsOfAsync(TrajetDbContext db, Guid caseId, CancellationToken ct) =>
        db.PartnerReferrals.AsNoTracking().Where(r => r.CaseId == caseId).OrderByDescending(r => r.Date)
            .Select(r => new ReferralDto(r.Id, r.PartnerId, r.Partner!.Name, r.Date, r.Reason, r.Status, r.StatusOn, r.FamilyAgreedOn, r.Notes))
            .ToListAsync(ct);

    /// <summary>Adds a partner to the caller's organisation's directory.</summary>
    public static List<FieldError> ValidatePartner(string? name, PartnerKind? kind, string? email)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(name) || name.Length > 200)
        {
            errors.Add(new("name", "The name is required (at most 200 characters)."));
        }
        if (kind is null)
        {
            errors.Add(new("kind", "The value is not one of the accepted values."));
        }
        if (email is { Length: > 0 } && !System.Net.Mail.MailAddress.TryCreate(email, out _))
        {
            errors.Add(new("email", "Enter a valid e-mail address."));
        }
        return errors;
    }

    private static async Task<IResult> AddPartner(PartnerBody body, CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        if (!CaseAccess.CanWrite(user))
        {
            return TypedResults.Forbid();
        }
        var errors = new List<FieldError>();
        var kind = KebabEnum.Parse<PartnerKind>(body.Kind, "kind", errors);
        errors.AddRange(ValidatePartner(body.Name, kind ?? PartnerKind.Other, body.Email));
        if (errors.Count > 0)
        {
            return errors.ToProblem(l);
        }
        var partner = new Partner { OrganisationId = user.OrganisationId!.Value, Name = body.Name!.Trim(), Kind = kind!.Value, Contact = body.Contact, Phone = body.Phone, Email = body.Email, Notes = body.Notes };
        db.Partners.Add(partner);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/partners/{partner.Id}", new PartnerDto(partner.Id, partner.Name, partner.Kind, partner.Contact, partner.Phone, partner.Email, partner.Notes));
    }

    private static async Task<Results<Ok<List<ReferralDto>>, NotFound>> ListReferrals(Guid id, CurrentUser current, TrajetDbContext db, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        return await db.Cases.Visible(user).AnyAsync(c => c.Id == id, ct) ? TypedResults.Ok(await ReferralsOfAsync(db, id, ct)) : TypedResults.NotFound();
    }

    private static async Task<IResult> AddReferral(Guid id, ReferralBody body, CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var (c, denied) = await db.CaseForWriteAsync(user, id, ct);
        if (c is null)
        {
            return denied!;
        }
        var (referral, errors) = await ReferToPartner.CreateAsync(db, c, body.PartnerId, body.Date, body.Reason, body.FamilyAgreedOn, body.Notes, user.Id, clock.Today(), ct);
        return referral is null ? errors.ToProblem(l) : TypedResults.Created($"/api/cases/{id}/referrals/{referral.Id}", (await ReferralsOfAsync(db, id, ct)).Single(r => r.Id == referral.Id));
    }

    private static async Task<IResult> MoveReferral(Guid id, Guid referralId, StatusBody body, CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        if (!await db.Cases.Visible(user).AnyAsync(c => c.Id == id, ct))
        {
            return TypedResults.NotFound();
        }
        if (!CaseAccess.CanWrite(user))
        {
            return TypedResults.Forbid();
        }
        var referral = await db.PartnerReferrals.SingleOrDefaultAsync(r => r.Id == referralId && r.CaseId == id, ct);
        if (referral is null)
        {
            return TypedResults.NotFound();
        }
        var errors = new List<FieldError>();
        var status = KebabEnum.Parse<ReferralStatus>(body.Status, "status", errors);
        if (errors.Count == 0)
        {
            errors = await ReferToPartner.MoveAsync(db, referral, status!.Value, body.FamilyAgreedOn, user.Id, clock.Today(), ct);
        }
        return errors.Count > 0 ? errors.ToProblem(l) : TypedResults.Ok((await ReferralsOfAsync(db, id, ct)).Single(r => r.Id == referralId));
    }
}
