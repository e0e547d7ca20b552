using Trajet.Web.Features.Deadlines;
using Trajet.Web.Features.Documents;

namespace Trajet.Web.Features.Home;

/// <summary>
/// A case manager's start on their own cases: what falls due within the week (overdue first) and the
/// families not seen for a month.
/// </summary>
public sealed record MyDay(IReadOnlyList<DueList.Item> ThisWeek, IReadOnlyList<DueList.Item> NotSeen, int LaterCount)
{
    public const int Week = 7;

    public static bool IsFor(UserContext user) =>
        user.IsInRole(Roles.CaseManager) && user.Programmes.Any(p => p.Kind == ProgrammeKind.FamilyCaseManagement);

    public static async Task<MyDay> LoadAsync(TrajetDbContext db, UserContext user, DateOnly today, DueList.Settings settings, DocumentValidity validity, CancellationToken ct)
    {
        var due = await DueList.BuildAsync(db, user, onlyMine: true, today, settings, validity, ct);
        return Split(due, today);
    }

    /// <summary>Pure: the week's items, the quiet families, and how many fall due later.</summary>
    public static MyDay Split(IReadOnlyList<DueList.Item> due, DateOnly today)
    {
        var notSeen = due.Where(i => i.Kind == DueKind.NoRecentContact).ToList();
        var rest = due.Where(i => i.Kind != DueKind.NoRecentContact).ToList();
        var thisWeek = rest.Where(i => i.Due is { } d && d <= today.AddDays(Week)).ToList();
        return new MyDay(thisWeek, notSeen, rest.Count - thisWeek.Count);
    }
}
