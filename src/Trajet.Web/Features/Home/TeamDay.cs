using Trajet.Web.Features.Deadlines;
using Trajet.Web.Features.Documents;

namespace Trajet.Web.Features.Home;

/// <summary>A coordinator's start: open cases per worker (and unassigned), and what falls due across the team this week.</summary>
public sealed record TeamDay(IReadOnlyList<TeamDay.Worker> Caseload, int Unassigned, IReadOnlyList<DueList.Item> ThisWeek, int Overdue)
{
    public sealed record Worker(Guid Id, string Name, int OpenCases);

    public static bool IsFor(UserContext user) => user.IsCoordinator && user.OrganisationId is not null;

    public static async Task<TeamDay> LoadAsync(TrajetDbContext db, UserContext user, DateOnly today, DueList.Settings settings, DocumentValidity validity, CancellationToken ct)
    {
        var open = db.Cases.Visible(user).Where(c => c.Status != CaseStatus.Closed && c.Status != CaseStatus.Declined);
        var perWorker = await open.SelectMany(c => c.Assignments).GroupBy(a => a.UserId)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var ids = perWorker.Select(w => w.Key).ToList();
        var names = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var unassigned = await open.CountAsync(c => !c.Assignments.Any(), ct);
        var due = await DueList.BuildAsync(db, user, onlyMine: false, today, settings, validity, ct);
        var week = MyDay.Split(due, today).ThisWeek;
        return new TeamDay(
            perWorker.Select(w => new Worker(w.Key, names.GetValueOrDefault(w.Key) ?? "?", w.Count)).OrderByDescending(w => w.OpenCases).ThenBy(w => w.Name).ToList(),
            unassigned, week, week.Count(i => i.Due < today));
    }
}
