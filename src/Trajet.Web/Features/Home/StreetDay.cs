using Trajet.Web.Features.Outreach;

namespace Trajet.Web.Features.Home;

/// <summary>An outreach worker's start: today's session and one tap to log a contact in it.</summary>
public sealed record StreetDay(Guid? SessionId, SessionKind? Kind, string? Place, int ContactsToday, int MineToday)
{
    public static bool IsFor(UserContext user) =>
        (user.IsInRole(Roles.OutreachWorker) || user.IsInRole(Roles.Mediator)) && user.Programmes.Any(p => p.Kind == ProgrammeKind.Outreach);

    public static async Task<StreetDay?> LoadAsync(TrajetDbContext db, UserContext user, DateOnly today, CancellationToken ct)
    {
        if (await OutreachAccess.PageProgrammeAsync(db, user, toWork: true, ct) is not { } programme)
        {
            return null;
        }
        // The session the worker is on today comes first; another of the team's today will do.
        var session = await db.OutreachSessions.Visible(user).AsNoTracking().Where(s => s.ProgrammeId == programme.Id && s.Date == today)
            .OrderByDescending(s => s.Workers.Any(w => w.UserId == user.Id)).ThenByDescending(s => s.CreatedAt)
            .Select(s => new { s.Id, s.Kind, s.Place!.Name, s.Place.Names }).FirstOrDefaultAsync(ct);
        var contacts = await db.OutreachContacts.Visible(user).Where(c => c.ProgrammeId == programme.Id && c.Date == today)
            .GroupBy(_ => 1).Select(g => new { All = g.Count(), Mine = g.Count(c => c.RecordedByUserId == user.Id) }).FirstOrDefaultAsync(ct);
        return new StreetDay(session?.Id, session?.Kind, session?.Names.ForUi(session.Name), contacts?.All ?? 0, contacts?.Mine ?? 0);
    }
}
