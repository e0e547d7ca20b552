namespace Trajet.Web.Features.Cases;

/// <summary>A coordinator sets who works on a case: case managers of the case's programme.</summary>
public static class AssignWorkers
{
    public sealed record Worker(Guid Id, string DisplayName);

    /// <summary>The users who may be assigned: active, same organisation, working in the programme.</summary>
    public static Task<List<Worker>> CandidatesAsync(TrajetDbContext db, Case @case, CancellationToken ct) =>
        WorkersAsync(db, db.Users.Where(u => u.OrganisationId == @case.OrganisationId && u.Programmes.Any(p => p.ProgrammeId == @case.ProgrammeId)), ct);

    /// <summary>Every case worker of the organisation, whatever their programme (the case list's bulk change checks each case).</summary>
    public static Task<List<Worker>> OfOrganisationAsync(TrajetDbContext db, Guid organisationId, CancellationToken ct) =>
        WorkersAsync(db, db.Users.Where(u => u.OrganisationId == organisationId), ct);

    private static Task<List<Worker>> WorkersAsync(TrajetDbContext db, IQueryable<User> users, CancellationToken ct) =>
        users.Where(u => u.IsActive)
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId &&
                (r.Name == Roles.CaseManager || r.Name == Roles.Coordinator || r.Name == Roles.OutreachWorker || r.Name == Roles.Mediator))))
            .OrderBy(u => u.DisplayName)
            .Select(u => new Worker(u.Id, u.DisplayName))
            .ToListAsync(ct);

    /// <summary>One more worker on the case, whoever else is on it (a former worker, no longer a candidate, stays).</summary>
    public static async Task<List<FieldError>> AddAsync(TrajetDbContext db, UserContext user, Case @case, Guid userId, CancellationToken ct)
    {
        if ((await CandidatesAsync(db, @case, ct)).All(w => w.Id != userId))
        {
            return [new("userId", "Only case workers of this programme can be assigned.")];
        }
        if (!await db.CaseAssignments.AnyAsync(a => a.CaseId == @case.Id && a.UserId == userId, ct))
        {
            db.CaseAssignments.Add(new CaseAssignment { CaseId = @case.Id, UserId = userId, AssignedByUserId = user.Id });
            await db.SaveChangesAsync(ct);
        }
        return [];
    }

    public static async Task<List<FieldError>> ExecuteAsync(TrajetDbContext db, UserContext user, Case @case, IReadOnlyCollection<Guid> userIds, CancellationToken ct)
    {
        var candidates = (await CandidatesAsync(db, @case, ct)).Select(w => w.Id).ToHashSet();
        if (userIds.Any(id => !candidates.Contains(id)))
        {
            return [new("userIds", "Only case workers of this programme can be assigned.")];
        }
        var current = await db.CaseAssignments.Where(a => a.CaseId == @case.Id).ToListAsync(ct);
        db.CaseAssignments.RemoveRange(current.Where(a => !userIds.Contains(a.UserId)));
        db.CaseAssignments.AddRange(userIds.Where(id => current.All(a => a.UserId != id))
            .Select(id => new CaseAssignment { CaseId = @case.Id, UserId = id, AssignedByUserId = user.Id }));
        await db.SaveChangesAsync(ct);
        return [];
    }
}
