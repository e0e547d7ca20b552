namespace Trajet.Web.Features.Cases;

public static class CasesApi
{
    public sealed record Created(Guid Id, string Number, CaseStatus Status);
    public sealed record ListItem(Guid Id, string Number, CaseStatus Status, CaseKind Kind, string Programme, DateOnly ReferralDate, string? Household, int Members);
    /// <summary>A page of the list; <c>TotalIsCapped</c>: a name search read its limit, so <c>Total</c> counts the best matches only.</summary>
    public sealed record ListPage(IReadOnlyList<ListItem> Items, int Total, bool TotalIsCapped, int Page, int PageSize);
    public sealed record AnswerBody(Guid CriterionId, CriterionAnswer? Answer, string? Note);
    public sealed record ScreeningBody(List<AnswerBody>? Answers, DateOnly? Date);
    public sealed record AssigneesBody(List<Guid>? UserIds);
    public sealed record MemberCreated(MemberDto Member, IReadOnlyList<FindSimilarPeople.Candidate> PossibleDuplicates);

    public static void MapCasesApi(this WebApplication app)
    {
        var cases = app.MapGroup("/api/cases").WithTags("Cases");
        cases.MapPost("/", Open);
        cases.MapGet("/", List).ForEvaluators();
        cases.MapGet("/{id:guid}", Get).ForEvaluators();
        cases.MapPost("/{id:guid}/status", PostStatus);
        cases.MapPut("/{id:guid}/screening", PutScreening);
        cases.MapPut("/{id:guid}/assignees", PutAssignees);
        cases.MapPost("/{id:guid}/members", PostMember);
        cases.MapPut("/{id:guid}/members/{memberId:guid}", PutMember);
        cases.MapPut("/{id:guid}/contact", PutContact);
        cases.MapPost("/bulk", PostBulk);
        app.MapGet("/api/people/similar", Similar).WithTags("Cases");
    }

    private static async Task<Results<Created<Created>, ValidationProblem, ForbidHttpResult>> Open(
        OpenCase.Input input, UserContext user, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct)
    {
        if (!CaseAccess.CanWrite(user))
        {
            return TypedResults.Forbid();
        }
        // Matched here rather than by ToHttp: the typed answer keeps the endpoint's OpenAPI description.
        var opened = await OpenCase.ExecuteAsync(db, user, input, clock.Today(), ct);
        return opened is { Failed: { } failed } ? failed.Errors.ToProblem(l)
            : TypedResults.Created($"/api/cases/{opened.Value!.Id}", new Created(opened.Value.Id, opened.Value.Number, opened.Value.Status));
    }

    private static async Task<Results<Ok<ListPage>, ValidationProblem>> List(
        UserContext user, TrajetDbContext db, CaseCounts counts, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct,
        int page = 1, int pageSize = 50, string? status = null, string? q = null, string? programme = null, string? assignee = null)
    {
        var errors = new List<FieldError>();
        CaseStatus? statusFilter = status is null ? null : KebabEnum.Parse<CaseStatus>(status, "status", errors);
        Guid? assigneeId = null;
        if (assignee == "me")
        {
            assigneeId = user.Id;
        }
        else if (assignee is not null && Guid.TryParse(assignee, out var parsed))
        {
            assigneeId = parsed;
        }
        else if (assignee is not null)
        {
            errors.Add(new("assignee", "Use me or a user id."));
        }
        errors.AddRange(Pager.Check(page, pageSize));
        if (errors.Count > 0)
        {
            return errors.ToProblem(l);
        }

        var search = new CaseSearch(statusFilter, q, programme, assigneeId, user.SeesAggregatesOnly, clock.Today());
        var found = await search.FindAsync(db, user, counts, ct);
        var total = await found.CountAsync(ct);
        var items = await found.PageAsync(Pager.SkipFor(page, pageSize), pageSize, ct);
        return TypedResults.Ok(new ListPage(items, total, found.IsCapped, page, pageSize));
    }

    private static async Task<Results<Ok<CaseDto>, NotFound>> Get(Guid id, UserContext user, TrajetDbContext db, TimeProvider clock, CancellationToken ct) =>
        await CaseDetails.LoadAsync(db, user, id, clock.Today(), ct) is { } c ? TypedResults.Ok(c) : TypedResults.NotFound();

    private static async Task<IResult> PostStatus(Guid id, CaseWorkflow.Change change, UserContext user, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock,
        [FromServices] IEnumerable<ICaseClosureHold> holds, CancellationToken ct) =>
        await (await db.WriteInCaseAsync(user, id, c => ChangeStatus.ExecuteAsync(db, user, c, change with { Date = change.Date ?? clock.Today() }, clock.Today(), holds, ct), ct))
            .ToHttpAsync(l, async _ => TypedResults.Ok(await CaseDetails.LoadAsync(db, user, id, clock.Today(), ct)));

    private static async Task<IResult> PostBulk(BulkChange.Input input, UserContext user, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock,
        [FromServices] IEnumerable<ICaseClosureHold> holds, CancellationToken ct) =>
        (await BulkChange.ExecuteAsync(db, user, input, clock.Today(), holds, ct)).ToHttp(l, done => TypedResults.Ok(done));

    private static async Task<IResult> PutScreening(Guid id, ScreeningBody body, UserContext user, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct) =>
        await (await db.WriteInCaseAsync(user, id, c => RecordScreening.ExecuteAsync(db, user, c,
                (body.Answers ?? []).Select(a => new RecordScreening.Answer(a.CriterionId, a.Answer, a.Note)).ToList(), body.Date ?? clock.Today(), clock.Today(), ct), ct))
            .ToHttpAsync(l, async _ => TypedResults.Ok(await CaseDetails.LoadAsync(db, user, id, clock.Today(), ct)));

    private static async Task<IResult> PutAssignees(Guid id, AssigneesBody body, UserContext user, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct) =>
        await (await db.WriteInCaseAsync<Case>(user, id, async c => !user.IsCoordinator ? Failure.Forbidden
                : await AssignWorkers.ExecuteAsync(db, user, c, body.UserIds ?? [], ct) is { Count: > 0 } errors ? Failure.Invalid(errors) : c, ct))
            .ToHttpAsync(l, async _ => TypedResults.Ok(await CaseDetails.LoadAsync(db, user, id, clock.Today(), ct)));

    private static async Task<IResult> PostMember(Guid id, MemberBodies.Body body, UserContext user, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct)
    {
        var today = clock.Today();
        IReadOnlyList<FindSimilarPeople.Candidate> similar = [];
        return (await db.WriteInCaseAsync(user, id, async c =>
        {
            var input = body.ToInput();
            similar = await FindSimilarPeople.ExecuteAsync(db, user, new NameMatcher.Person(body.FirstName ?? "", body.LastName ?? "", "", body.BirthDate, body.EstimatedAge), today, null, ct);
            return await SaveMember.AddAsync(db, c, input, today, ct);
        }, ct)).ToHttp(l, m => TypedResults.Created($"/api/cases/{id}/members/{m.Id}", new MemberCreated(MemberDto.From(m, today, false), similar)));
    }

    private static async Task<IResult> PutMember(Guid id, Guid memberId, MemberBodies.Body body, UserContext user, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct)
    {
        var today = clock.Today();
        return (await db.WriteInCaseAsync(user, id, async c =>
        {
            if (await db.Members.SingleOrDefaultAsync(m => m.Id == memberId && m.CaseId == id, ct) is not { } member)
            {
                return Failure.NotFound;
            }
            return body.Version is { } version
                ? await SaveMember.UpdateAsync(db, member, body.ToInput(), version, today, ct)
                : Failure.Invalid("version", "Send the version you read, so that no one's change is overwritten.");
        }, ct)).ToHttp(l, m => TypedResults.Ok(MemberDto.From(m, today, false)));
    }

    private static async Task<Ok<List<FindSimilarPeople.Candidate>>> Similar(
        UserContext user, TrajetDbContext db, TimeProvider clock, CancellationToken ct,
        string? firstName = null, string? lastName = null, DateOnly? birthDate = null, int? estimatedAge = null)
    {
        return TypedResults.Ok(await FindSimilarPeople.ExecuteAsync(db, user,
            new NameMatcher.Person(firstName ?? "", lastName ?? "", "", birthDate, estimatedAge), clock.Today(), null, ct));
    }

    private static async Task<IResult> PutContact(Guid id, SaveContact.Input input, UserContext user, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct) =>
        (await db.WriteInCaseAsync(user, id, c => SaveContact.ExecuteAsync(db, c, input, clock.Today(), ct), ct))
            .ToHttp(l, contact => TypedResults.Ok(contact is null ? ContactDto.None : ContactDto.From(contact)));
}
