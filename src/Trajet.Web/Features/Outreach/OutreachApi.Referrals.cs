namespace Trajet.Web.Features.Outreach;

// Partners' referrals to the team, and the dashboard with its exports.
public static partial class OutreachApi
{
    public static IQueryable<ReferralDto> ReferralDtos(TrajetDbContext db, IQueryable<InboundReferral> referrals) =>
        referrals.Select(r => new ReferralDto(r.Id, r.PartnerId, db.Partners.Where(p => p.Id == r.PartnerId).Select(p => p.Name).First(), r.Date, r.Name, r.Phone, r.Language,
            r.Reason, r.Status, r.PersonId, r.ContactId, r.HandledOn));

    private static async Task<IResult> ListReferrals(string? programme, string? status, UserContext user, TrajetDbContext db, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        await (await ProgrammeForAsync(db, user, programme, false, ct)).ToHttpAsync(l, async p =>
        {
            var errors = new List<FieldError>();
            InboundReferralStatus? wanted = status is null ? null : KebabEnum.Parse<InboundReferralStatus>(status, "status", errors);
            if (errors.Count > 0)
            {
                return errors.ToProblem(l);
            }
            var referrals = db.InboundReferrals.Visible(user).AsNoTracking().Where(r => r.ProgrammeId == p.Id && (wanted == null || r.Status == wanted));
            return TypedResults.Ok(await ReferralDtos(db, referrals.OrderBy(r => r.Date)).ToListAsync(ct));
        });

    private static async Task<IResult> AddReferral(ReferralQueue.Input input, UserContext user, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct) =>
        await (await (await ProgrammeForAsync(db, user, input.Programme, true, ct)).ThenAsync(p => ReferralQueue.AddAsync(db, user, p, input, clock.Today(), ct)))
            .ToHttpAsync(l, async r =>
                TypedResults.Created($"/api/outreach/referrals/{r.Id}", await ReferralDtos(db, db.InboundReferrals.Where(x => x.Id == r.Id)).SingleAsync(ct)));

    private static async Task<IResult> LinkReferral(Guid id, ReferralQueue.LinkInput input, UserContext user, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct)
    {
        var referral = OutreachAccess.CanWork(user) ? await db.InboundReferrals.Visible(user).SingleOrDefaultAsync(r => r.Id == id, ct) : null;
        return await (referral is null ? Failure.NotFound : await ReferralQueue.LinkAsync(db, user, referral, input, clock.Today(), ct)).ToHttpAsync(l, async r =>
            TypedResults.Ok(await ReferralDtos(db, db.InboundReferrals.Where(x => x.Id == r.Id)).SingleAsync(ct)));
    }

    /// <summary>The dashboard's programme: the team, its coordinators and its evaluators read it; another organisation's is a 404.</summary>
    public static async Task<ProgrammeRef?> DashboardProgrammeAsync(TrajetDbContext db, UserContext user, string? slug, CancellationToken ct) =>
        await OutreachAccess.ProgrammeAsync(db, user, slug, ct);

    private static async Task<IResult> Dashboard(string? programme, DateOnly? from, DateOnly? to, UserContext user, TrajetDbContext db, HeavyReads reads, CancellationToken ct)
    {
        var p = await DashboardProgrammeAsync(db, user, programme, ct);
        if (p is null)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(await OutreachDashboard.BuildAsync(reads.Db, p.Id, p.Slug, from, to, ct));
    }

    private static async Task<IResult> ExportAsync(string? programme, DateOnly? from, DateOnly? to, UserContext user, TrajetDbContext db, HeavyReads reads, ExportWords words,
        CancellationToken ct, Func<OutreachDashboard.Report, ExportWords, byte[]> write, string contentType, string extension)
    {
        var p = await DashboardProgrammeAsync(db, user, programme, ct);
        if (p is null)
        {
            return TypedResults.NotFound();
        }
        var report = await OutreachDashboard.BuildAsync(reads.Db, p.Id, p.Slug, from, to, ct);
        return TypedResults.File(write(report, words), contentType, $"outreach-{p.Slug}.{extension}");
    }
}
