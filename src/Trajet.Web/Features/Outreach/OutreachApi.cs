namespace Trajet.Web.Features.Outreach;

public static partial class OutreachApi
{
    /// <summary>A place; <c>name</c> is its default name, <c>names</c> its name per language.</summary>
    public sealed record PlaceDto(Guid Id, string Name, PlaceType Type, string City, string? Region, string Country, LocalizedText Names);
    public sealed record WorkerDto(Guid UserId, string Name, bool IsMediator);
    /// <summary>A session; <c>place</c> is the place's default name, <c>placeNames</c> its name per language.</summary>
    public sealed record SessionDto(Guid Id, SessionKind Kind, DateOnly Date, Guid PlaceId, string Place, string City, IReadOnlyList<string> Languages, string? Notes, IReadOnlyList<WorkerDto> Team, int Contacts, LocalizedText PlaceNames);
    public sealed record ContactDto(
        Guid Id, DateOnly Date, Guid? SessionId, Guid? PlaceId, string Place, Guid? PersonId, string? Nickname, Gender Gender, AgeBand AgeBand,
        string Nationality, string? Language, bool MediatorInterpreted, IReadOnlyList<InformationTopic> InformationGiven, string? InformationOther,
        IReadOnlyList<OrientationService> Orientation, Guid? PartnerId, bool FollowUp);
    public sealed record Page<T>(IReadOnlyList<T> Items, int Total);
    public sealed record ShareDto(Guid Id, Guid PersonId, Guid ConsentId, string With, DateOnly SharedOn, DateOnly? StoppedOn);
    public sealed record SharedPersonDto(Guid Id, string Nickname, string Nationality, string SharedBy, DateOnly SharedOn);
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
        group.MapPost("/contacts", LogContactEndpoint).WithIdempotency();
        group.MapGet("/people", FindPeople);
        group.MapPost("/people", AddPerson).WithIdempotency();
        group.MapGet("/people/{id:guid}", GetPerson);
        group.MapPut("/people/{id:guid}", UpdatePerson);
        group.MapPatch("/people/{id:guid}", EditPersonEndpoint);
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
        group.MapGet("/dashboard.csv", async (string? programme, DateOnly? from, DateOnly? to, UserContext user, TrajetDbContext db, HeavyReads reads, HttpContext http, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await ExportAsync(programme, from, to, user, db, reads, ExportWords.Of(http, l), ct, OutreachExports.Csv, "text/csv", "csv")).ForEvaluators();
        group.MapGet("/dashboard.xlsx", async (string? programme, DateOnly? from, DateOnly? to, UserContext user, TrajetDbContext db, HeavyReads reads, HttpContext http, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await ExportAsync(programme, from, to, user, db, reads, ExportWords.Of(http, l), ct, OutreachExports.Xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx")).ForEvaluators();
    }

    /// <summary>The outreach programme named (or the user's first): NotFound when not theirs, Forbidden when they may only read aggregates.</summary>
    private static async Task<Result<ProgrammeRef>> ProgrammeForAsync(TrajetDbContext db, UserContext user, string? slug, bool write, CancellationToken ct) =>
        await OutreachAccess.ProgrammeAsync(db, user, slug, ct) is not { } programme ? Failure.NotFound
            : (write ? OutreachAccess.CanWork(user) : OutreachAccess.CanSeePeople(user)) ? programme : Failure.Forbidden;

}
