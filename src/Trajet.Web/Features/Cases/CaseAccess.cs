namespace Trajet.Web.Features.Cases;

/// <summary>Who may do what with cases; which cases a user sees is <see cref="Wall"/>.</summary>
public static class CaseAccess
{
    /// <summary>Opening cases and writing in them; evaluators only read aggregates.</summary>
    public static bool CanWrite(UserContext user) =>
        user.OrganisationId is not null &&
        (user.IsCoordinator || user.IsInRole(Roles.CaseManager) || user.IsInRole(Roles.OutreachWorker) || user.IsInRole(Roles.Mediator));

    /// <summary>Runs <paramref name="write"/> on the case (tracked) if the user may write in it; else not found (they may not see it) or forbidden (they may only read it).</summary>
    public static async Task<Result<T>> WriteInCaseAsync<T>(this TrajetDbContext db, UserContext user, Guid id, Func<Case, Task<Result<T>>> write, CancellationToken ct)
    {
        var c = await db.Cases.Visible(user).SingleOrDefaultAsync(x => x.Id == id, ct);
        return c is null ? Failure.NotFound : CanWrite(user) ? await write(c) : Failure.Forbidden;
    }

    /// <summary>The case (tracked) if the user may see it and write in it; null otherwise, which pages answer with 404.</summary>
    public static async Task<Case?> WritableCaseAsync(this TrajetDbContext db, UserContext user, Guid id, CancellationToken ct) =>
        CanWrite(user) ? await db.Cases.Visible(user).SingleOrDefaultAsync(c => c.Id == id, ct) : null;
}
