using Trajet.Web.Features.Outreach;

namespace Trajet.Web.Features.Offline;

/// <summary>
/// The next days' work a phone keeps, and no more: the field forms it may open offline, the people the worker met in
/// the last fortnight, and the worker's own active cases. Only what the user's role may read.
/// </summary>
public static class OfflineWork
{
    public const int RecentDays = 14;
    public const int MostPeople = 100;
    public const int MostCases = 50;

    public sealed record Person(Guid Id, string Nickname, string? FirstName, string? LastName, string? Phone, int Version, DateOnly LastMet);

    public sealed record CaseLine(Guid Id, string Number, string Family);

    public sealed record Pack(IReadOnlyList<string> Pages, IReadOnlyList<Person> People, IReadOnlyList<CaseLine> Cases);

    /// <summary>Evaluators read aggregates only and keep nothing; users without an organisation have no field work.</summary>
    public static bool IsFor(UserContext user) => user.OrganisationId is not null && !user.SeesAggregatesOnly && CaseAccess.CanWrite(user);

    public static async Task<Pack> LoadAsync(TrajetDbContext db, UserContext user, DateOnly today, CancellationToken ct)
    {
        var pages = new List<string> { "/Offline" };
        var people = new List<Person>();
        if (await OutreachAccess.PageProgrammeAsync(db, user, toWork: true, ct) is not null)
        {
            pages.Add("/Outreach/LogContact");
            var since = today.AddDays(-RecentDays);
            var met = db.OutreachContacts.Where(c => c.RecordedByUserId == user.Id && c.Date >= since && c.PersonId != null);
            people = await db.OutreachPeople.Visible(user).AsNoTracking()
                .Where(p => p.ErasedOn == null)
                .Select(p => new { p, LastMet = met.Where(c => c.PersonId == p.Id).Max(c => (DateOnly?)c.Date) })
                .Where(x => x.LastMet != null)
                .OrderByDescending(x => x.LastMet).ThenBy(x => x.p.Nickname)
                .Take(MostPeople)
                .Select(x => new Person(x.p.Id, x.p.Nickname, x.p.FirstName, x.p.LastName, x.p.Phone, x.p.Version, x.LastMet!.Value))
                .ToListAsync(ct);
        }
        var cases = await db.Cases.Visible(user).AsNoTracking()
            .Where(c => c.Status == CaseStatus.Active && c.Assignments.Any(a => a.UserId == user.Id))
            .OrderBy(c => c.Number)
            .Take(MostCases)
            .Select(c => new CaseLine(c.Id, c.Number,
                c.Members.OrderBy(m => m.CreatedAt).Select(m => m.FirstName + " " + m.LastName).FirstOrDefault() ?? ""))
            .ToListAsync(ct);
        foreach (var c in cases)
        {
            pages.Add($"/CaseWork/LogInteraction/{c.Id}");
            pages.Add($"/CaseWork/LogInteraction/{c.Id}?type=Message");
        }
        return new Pack(pages, people, cases);
    }
}
