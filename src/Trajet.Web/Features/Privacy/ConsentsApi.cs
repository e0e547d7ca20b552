using Trajet.Web.Features.Partners;

namespace Trajet.Web.Features.Privacy;

public static class ConsentsApi
{
    public sealed record WithdrawBody(DateOnly? WithdrawnOn, string? Note);
    public static void MapConsentsApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/cases/{id:guid}/consents").WithTags("Privacy");
        group.MapGet("/", List).ForEvaluators();
        group.MapPost("/", Post);
        group.MapPost("/{consentId:guid}/withdraw", Withdraw);
    }

    private static async Task<Results<Ok<List<ConsentView>>, NotFound>> List(Guid id, UserContext user, TrajetDbContext db, TimeProvider clock, CancellationToken ct) =>
        await db.Cases.Visible(user).AnyAsync(c => c.Id == id, ct)
            ? TypedResults.Ok(await ConsentList.ReadAsync(db, id, user.SeesAggregatesOnly, clock.Today(), ct))
            : TypedResults.NotFound();

    private static async Task<IResult> Post(Guid id, RecordConsent.Input input, UserContext user, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct) =>
        await (await db.WriteInCaseAsync(user, id, c => RecordConsent.ExecuteAsync(db, user, c, input, clock.Today(), ct), ct))
            .ToHttpAsync(l, async consent => TypedResults.Created($"/api/cases/{id}/consents/{consent.Id}",
                (await ConsentList.ReadAsync(db, id, false, clock.Today(), ct, consent.Id)).Single()));

    private static async Task<IResult> Withdraw(Guid id, Guid consentId, WithdrawBody body, UserContext user, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct) =>
        await (await db.WriteInCaseAsync(user, id, async c =>
            await db.Consents.SingleOrDefaultAsync(x => x.Id == consentId && x.CaseId == id, ct) is { } consent
                ? await RecordConsent.WithdrawAsync(db, consent, body.WithdrawnOn ?? clock.Today(), body.Note, clock.Today(), ct)
                : Failure.NotFound, ct))
            .ToHttpAsync(l, async consent => TypedResults.Ok((await ConsentList.ReadAsync(db, id, false, clock.Today(), ct, consent.Id)).Single()));
}
