using Trajet.Web.Features.Deadlines;
using Trajet.Web.Features.Documents;
using Trajet.Web.Features.Home;

namespace Trajet.Web.Features;

/// <summary>Each role starts where its day starts; a person with several roles sees each of their sections.</summary>
public sealed class IndexModel(TrajetDbContext db, TimeProvider clock, IConfiguration config, DocumentValidity validity) : PageModel
{
    public UserContext Me { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public StreetDay? Street { get; private set; }
    public CoachDay? Coach { get; private set; }
    public MyDay? Mine { get; private set; }
    public TeamDay? Team { get; private set; }
    public IReadOnlyList<(CaseStatus Status, int Count)> Counts { get; private set; } = [];

    public async Task OnGetAsync(UserContext user, CancellationToken ct)
    {
        Me = user;
        Today = clock.Today();
        if (user.OrganisationId is null)
        {
            return;
        }
        var settings = DueList.Settings.From(config);
        Street = StreetDay.IsFor(user) ? await StreetDay.LoadAsync(db, user, Today, ct) : null;
        Coach = CoachDay.IsFor(user) ? await CoachDay.LoadAsync(db, user, Today, ct) : null;
        Mine = MyDay.IsFor(user) ? await MyDay.LoadAsync(db, user, Today, settings, validity, ct) : null;
        Team = TeamDay.IsFor(user) ? await TeamDay.LoadAsync(db, user, Today, settings, validity, ct) : null;
        if (user.IsCoordinator || user.SeesAggregatesOnly || (Street, Coach, Mine) is (null, null, null))
        {
            var counts = await db.Cases.Visible(user).GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
            Counts = Enum.GetValues<CaseStatus>().Select(s => (s, counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0)).ToList();
        }
    }
}
