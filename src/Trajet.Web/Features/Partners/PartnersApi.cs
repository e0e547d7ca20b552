namespace Trajet.Web.Features.Partners;

public static class PartnersApi
{
    public sealed record PartnerDto(Guid Id, string Name, PartnerKind Kind, string? Contact, string? Phone, string? Email, string? Notes);
    public sealed record ReferralDto(Guid Id, Guid PartnerId, string Partner, DateOnly Date, string Reason, ReferralStatus Status, DateOnly StatusOn, DateOnly? FamilyAgreedOn, string? Notes);

    public static void MapPartnersApi(this WebApplication app)
    {
        app.MapGet("/api/partners", async Task<Ok<List<PartnerDto>>> (UserContext user, TrajetDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await db.Partners.Where(p => p.OrganisationId == user.OrganisationId && p.IsActive).OrderBy(p => p.Name)
                .Select(p => new PartnerDto(p.Id, p.Name, p.Kind, p.Contact, p.Phone, p.Email, p.Notes)).ToListAsync(ct))).WithTags("Partners");
        app.MapPost("/api/partners", AddPartnerEndpoint).WithTags("Partners");

        var referrals = app.MapGroup("/api/cases/{id:guid}/referrals").WithTags("Partners");
        referrals.MapGet("/", ListReferrals);
        referrals.MapPost("/", AddReferral);
        referrals.MapPut("/{referralId:guid}/status", MoveReferral);
    }

    public static Task<List<ReferralDto>> ReferralsOfAsync(TrajetDbContext db, Guid caseId, CancellationToken ct) =>
        db.PartnerReferrals.AsNoTracking().Where(r => r.CaseId == caseId).OrderByDescending(r => r.Date)
            .Select(r => new ReferralDto(r.Id, r.PartnerId, r.Partner!.Name, r.Date, r.Reason, r.Status, r.StatusOn, r.FamilyAgreedOn, r.Notes))
            .ToListAsync(ct);

    private static async Task<IResult> AddPartnerEndpoint(AddPartner.Input input, UserContext user, TrajetDbContext db, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        (await AddPartner.ExecuteAsync(db, user, input, ct)).ToHttp(l, partner => TypedResults.Created($"/api/partners/{partner.Id}",
            new PartnerDto(partner.Id, partner.Name, partner.Kind, partner.Contact, partner.Phone, partner.Email, partner.Notes)));

    private static async Task<Results<Ok<List<ReferralDto>>, NotFound>> ListReferrals(Guid id, UserContext user, TrajetDbContext db, CancellationToken ct) =>
        await db.Cases.Visible(user).AnyAsync(c => c.Id == id, ct) ? TypedResults.Ok(await ReferralsOfAsync(db, id, ct)) : TypedResults.NotFound();

    private static async Task<IResult> AddReferral(Guid id, ReferToPartner.Input input, UserContext user, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock,
        IPartnerConsent consent, CancellationToken ct) =>
        await (await db.WriteInCaseAsync(user, id, c => ReferToPartner.ExecuteAsync(db, user, c, input, clock.Today(), consent, ct), ct))
            .ToHttpAsync(l, async r => TypedResults.Created($"/api/cases/{id}/referrals/{r.Id}", (await ReferralsOfAsync(db, id, ct)).Single(x => x.Id == r.Id)));

    private static async Task<IResult> MoveReferral(Guid id, Guid referralId, ReferToPartner.MoveInput input, UserContext user, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock,
        IPartnerConsent consent, CancellationToken ct) =>
        await (await db.WriteInCaseAsync(user, id, async _ =>
            await db.PartnerReferrals.SingleOrDefaultAsync(r => r.Id == referralId && r.CaseId == id, ct) is { } referral
                ? await ReferToPartner.MoveAsync(db, user, referral, input, clock.Today(), consent, ct)
                : Failure.NotFound, ct))
            .ToHttpAsync(l, async _ => TypedResults.Ok((await ReferralsOfAsync(db, id, ct)).Single(r => r.Id == referralId)));
}
