namespace Trajet.Web.Features.Outreach;

// People met more than once: their record, outcomes, a case, agreements and cross-border shares.
public static partial class OutreachApi
{
    private static async Task<IResult> FindPeople(string? programme, string? q, UserContext user, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct) =>
        await (await ProgrammeForAsync(db, user, programme, false, ct)).ToHttpAsync(l, async p =>
            TypedResults.Ok(await FindReturningPerson.ExecuteAsync(db, user, p.Id, q, clock.Today(), ct)));

    private static async Task<IResult> AddPerson(SavePerson.Input input, UserContext user, TrajetDbContext db, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var saved = (await ProgrammeForAsync(db, user, input.Programme, true, ct))
            .Then(p => SavePerson.Apply(new OutreachPerson { OrganisationId = user.OrganisationId!.Value, ProgrammeId = p.Id, Nickname = "" }, input));
        return await saved.ToHttpAsync(l, async person =>
        {
            db.OutreachPeople.Add(person);
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/outreach/people/{person.Id}", new { person.Id, person.Nickname });
        });
    }

    private static async Task<IResult> UpdatePerson(Guid id, SavePerson.Input input, UserContext user, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct) =>
        await (await db.WritablePersonAsync(user, id, ct) is { } person ? SavePerson.Apply(person, input) : Failure.NotFound).ToHttpAsync(l, async _ =>
        {
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(await PersonRecord.LoadAsync(db, user, id, clock.Today(), ct));
        });

    // Some details changed, merged with what others saved since the device read them; a field both changed is a 409 listing it.
    private static async Task<IResult> EditPersonEndpoint(Guid id, EditPerson.Input input, UserContext user, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct) =>
        await (await WithPersonAsync(db, user, id, person => EditPerson.Read(input).ThenAsync(edit => EditPerson.ExecuteAsync(db, person, edit, ct)), ct))
            .ToHttpAsync(l, async edited => edited.Conflicts.Count > 0
                ? TypedResults.Problem(
                    statusCode: StatusCodes.Status409Conflict,
                    title: l["Someone else changed these details meanwhile."],
                    detail: l["Nothing was saved. For each field in conflict, choose the value to keep and send it again, with the value saved meanwhile as its base."],
                    extensions: new Dictionary<string, object?> { ["version"] = edited.Person.Version, ["conflicts"] = edited.Conflicts })
                : TypedResults.Ok(await PersonRecord.LoadAsync(db, user, id, clock.Today(), ct)));

    private static async Task<IResult> GetPerson(Guid id, UserContext user, TrajetDbContext db, TimeProvider clock, CancellationToken ct) =>
        await PersonRecord.LoadAsync(db, user, id, clock.Today(), ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    /// <summary>Runs a use case on the team's own person; another team's (even shared) or a stranger's is a 404.</summary>
    private static async Task<Result<T>> WithPersonAsync<T>(TrajetDbContext db, UserContext user, Guid id, Func<OutreachPerson, Task<Result<T>>> write, CancellationToken ct) =>
        await db.WritablePersonAsync(user, id, ct) is { } person ? await write(person) : Failure.NotFound;

    private static async Task<IResult> AddOutcome(Guid id, RecordOutcome.Input input, UserContext user, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct) =>
        (await WithPersonAsync(db, user, id, person => RecordOutcome.ExecuteAsync(db, user, person, input, clock.Today(), ct), ct))
            .ToHttp(l, o => TypedResults.Created($"/api/outreach/people/{id}", new PersonRecord.OutcomeLine(o.Id, o.Kind, o.Date, o.Notes)));

    private static async Task<IResult> OpenCaseEndpoint(Guid id, OpenCaseForPerson.Input input, UserContext user, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct) =>
        (await WithPersonAsync(db, user, id, async person =>
        {
            var slug = await db.Programmes.Where(p => p.Id == person.ProgrammeId).Select(p => p.Slug).SingleAsync(ct);
            return await OpenCaseForPerson.ExecuteAsync(db, user, person, slug, input, clock.Today(), ct);
        }, ct)).ToHttp(l, c => TypedResults.Created($"/api/cases/{c.Id}", new { caseId = c.Id, c.Number, c.Status }));

    private static async Task<IResult> AddAgreement(Guid id, ShareAcrossBorder.AgreementInput input, UserContext user, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct) =>
        (await WithPersonAsync(db, user, id, person => ShareAcrossBorder.RecordAgreementAsync(db, user, person, input, clock.Today(), ct), ct))
            .ToHttp(l, c => TypedResults.Created($"/api/outreach/people/{id}",
                new PersonRecord.AgreementLine(c.Id, input.With!, input.With, c.GivenOn, c.ExplainedHow, c.Language, c.WithdrawnOn, false)));

    // Any refusal (an unknown agreement, or one already withdrawn) is a 404, as the API has always answered.
    private static async Task<IResult> WithdrawAgreement(Guid id, Guid agreementId, UserContext user, TrajetDbContext db, TimeProvider clock, CancellationToken ct) =>
        await WithPersonAsync(db, user, id, person => ShareAcrossBorder.WithdrawAsync(db, person, agreementId, clock.Today(), ct), ct) is { Failed: null, Value: var w }
            ? TypedResults.Ok(new { w!.Consent.Id, w.Consent.WithdrawnOn, sharesStopped = w.SharesStopped })
            : TypedResults.NotFound();

    private static async Task<IResult> Share(Guid id, ShareAcrossBorder.ShareInput input, UserContext user, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct) =>
        (await WithPersonAsync(db, user, id, person => ShareAcrossBorder.ShareAsync(db, user, person, input, clock.Today(), ct), ct))
            .ToHttp(l, s => TypedResults.Created($"/api/outreach/people/{id}", new ShareDto(s.Id, s.PersonId, s.ConsentId, input.With!, s.SharedOn, s.StoppedOn)));

    public static Task<List<SharedPersonDto>> SharedWithAsync(TrajetDbContext db, UserContext user, DateOnly today, CancellationToken ct) =>
        OutreachAccess.SharesWith(db, user, today).AsNoTracking()
            .Join(db.OutreachPeople, s => s.PersonId, p => p.Id, (s, p) => new { s, p })
            .OrderBy(x => x.p.Nickname)
            .Select(x => new SharedPersonDto(x.p.Id, x.p.Nickname, x.p.Nationality, db.Organisations.Where(o => o.Id == x.s.OrganisationId).Select(o => o.Name).First(), x.s.SharedOn))
            .ToListAsync(ct);

    private static async Task<Ok<List<SharedPersonDto>>> ListShared(UserContext user, TrajetDbContext db, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await SharedWithAsync(db, user, clock.Today(), ct));
}
