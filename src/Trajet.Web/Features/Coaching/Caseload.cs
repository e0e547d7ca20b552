using Trajet.Web.Features.Interactions;

namespace Trajet.Web.Features.Coaching;

/// <summary>
/// The coaching caseload per coach, per desk and per region, counted by the database (a handful of grouped
/// queries, whatever the number of cases). Active: neither closed nor declined. Pathways: each case's current one.
/// </summary>
public static class Caseload
{
    public sealed record Row(string Key, string Name, int Active, int InterviewsThisWeek, int LegalStay, int VoluntaryReturn, int ReturnRefused, int Closures)
    {
        public static Row operator +(Row a, Row b) => a with
        {
            Active = a.Active + b.Active,
            InterviewsThisWeek = a.InterviewsThisWeek + b.InterviewsThisWeek,
            LegalStay = a.LegalStay + b.LegalStay,
            VoluntaryReturn = a.VoluntaryReturn + b.VoluntaryReturn,
            ReturnRefused = a.ReturnRefused + b.ReturnRefused,
            Closures = a.Closures + b.Closures,
        };
    }

    public sealed record Report(DateOnly WeekFrom, DateOnly WeekTo, int Year, IReadOnlyList<Row> Coaches, IReadOnlyList<Row> Desks, IReadOnlyList<Row> Regions);

    private sealed record Counts(Guid? Key, int Active, int LegalStay, int VoluntaryReturn, int ReturnRefused, int Closures);

    public static async Task<Report> BuildAsync(TrajetDbContext db, UserContext user, DateOnly today, CancellationToken ct)
    {
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var sunday = monday.AddDays(6);
        var yearStart = new DateOnly(today.Year, 1, 1);
        var cases = db.Cases.Visible(user).Where(c => c.Programme!.Kind == ProgrammeKind.IndividualCoaching);
        var rows = from c in cases
                   join f in db.CoachingFiles on c.Id equals f.CaseId into files
                   from f in files.DefaultIfEmpty()
                   select new { c.Id, c.Status, c.ClosedOn, DeskId = f == null ? null : f.DeskId, Pathway = f == null ? null : f.Pathway };
        var interviews = from i in db.Interactions
                         where (i.Type == InteractionType.FirstInterview || i.Type == InteractionType.FollowUpInterview) && i.Date >= monday && i.Date <= sunday
                         join c in rows on i.CaseId equals c.Id
                         select new { c.DeskId, i.RecordedByUserId };

        var byDesk = await rows.GroupBy(r => r.DeskId).Select(g => new Counts(g.Key,
            g.Count(r => r.Status != CaseStatus.Closed && r.Status != CaseStatus.Declined),
            g.Count(r => r.Pathway == Pathway.LegalStay), g.Count(r => r.Pathway == Pathway.VoluntaryReturn), g.Count(r => r.Pathway == Pathway.ReturnRefused),
            g.Count(r => r.Status == CaseStatus.Closed && r.ClosedOn >= yearStart))).ToListAsync(ct);
        var interviewsByDesk = await interviews.GroupBy(i => i.DeskId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);

        var assigned = from r in rows join a in db.CaseAssignments on r.Id equals a.CaseId select new { r.Status, r.ClosedOn, r.Pathway, a.UserId };
        var byCoach = await assigned.GroupBy(r => r.UserId).Select(g => new Counts(g.Key,
            g.Count(r => r.Status != CaseStatus.Closed && r.Status != CaseStatus.Declined),
            g.Count(r => r.Pathway == Pathway.LegalStay), g.Count(r => r.Pathway == Pathway.VoluntaryReturn), g.Count(r => r.Pathway == Pathway.ReturnRefused),
            g.Count(r => r.Status == CaseStatus.Closed && r.ClosedOn >= yearStart))).ToListAsync(ct);
        var interviewsByCoach = await interviews.GroupBy(i => i.RecordedByUserId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);

        var desks = await db.Desks.Visible(user).AsNoTracking().OrderBy(d => d.Name).Select(d => new { d.Id, d.Name, d.Names.Fr, d.Names.Nl, d.Names.En, d.Region }).ToListAsync(ct);
        var coachIds = byCoach.Select(c => c.Key).Concat(interviewsByCoach.Select(i => i.Key)).OfType<Guid>().Distinct().ToList();
        var names = await db.Users.Where(u => coachIds.Contains(u.Id) && u.OrganisationId == user.OrganisationId).Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);

        Row ToRow(string key, string name, Counts? c, int interviewCount) =>
            new(key, name, c?.Active ?? 0, interviewCount, c?.LegalStay ?? 0, c?.VoluntaryReturn ?? 0, c?.ReturnRefused ?? 0, c?.Closures ?? 0);

        var coachRows = names.OrderBy(n => n.Value).Select(n => ToRow(n.Key.ToString(), n.Value, byCoach.FirstOrDefault(c => c.Key == n.Key),
            interviewsByCoach.FirstOrDefault(i => i.Key == n.Key)?.Count ?? 0)).ToList();
        var deskRows = desks.Select(d => (d.Region, Row: ToRow(d.Id.ToString(), new LocalizedText { Fr = d.Fr, Nl = d.Nl, En = d.En }.ForUi(d.Name), byDesk.FirstOrDefault(c => c.Key == d.Id),
            interviewsByDesk.FirstOrDefault(i => i.Key == d.Id)?.Count ?? 0))).ToList();
        var noDesk = ToRow("", "", byDesk.FirstOrDefault(c => c.Key is null), interviewsByDesk.FirstOrDefault(i => i.Key is null)?.Count ?? 0);
        var regionRows = deskRows.GroupBy(d => d.Region).OrderBy(g => g.Key)
            .Select(g => g.Select(d => d.Row).Aggregate(new Row(g.Key.ToString(), g.Key.ToString(), 0, 0, 0, 0, 0, 0), (sum, r) => sum + r)).ToList();
        var allDesks = deskRows.Select(d => d.Row).ToList();
        if (noDesk is not { Active: 0, InterviewsThisWeek: 0, LegalStay: 0, VoluntaryReturn: 0, ReturnRefused: 0, Closures: 0 })
        {
            allDesks.Add(noDesk);
            regionRows.Add(noDesk);
        }
        return new Report(monday, sunday, today.Year, coachRows, allDesks, regionRows);
    }
}
