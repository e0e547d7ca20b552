using Trajet.Web.Features.Instruments;

namespace Trajet.Web.Features.Reports;

/// <summary>
/// The baseline sheets (Annex A) across a cohort: per item, how many families' scores improved, stayed or worsened from
/// their first sheet of the period to their latest, knowing that for items 1, 9 and 14 lower is better.
/// </summary>
public static class BaselineTrends
{
    /// <summary>Per item, the families with two sheets in the period whose score went up, down or stayed.</summary>
    public sealed record Moves(int Item, int Up, int Down, int Same);

    public static async Task<List<EvaluationReport.BaselineRow>> ReadAsync(
        TrajetDbContext db, Guid programmeId, IQueryable<Case> cohort, DateOnly from, DateOnly to, CancellationToken ct)
    {
        // A family that came back has sheets on two cases: its first and latest are over both.
        var inPeriod = db.Set<BaselineSheet>().Where(s => s.ProgrammeId == programmeId && s.Date >= from && s.Date <= to)
            .Join(cohort, s => s.CaseId, c => c.Id, (s, c) => new { s.Id, c.FamilyId, s.Date, s.CreatedAt });
        var firsts = inPeriod.Where(s => !inPeriod.Any(o => o.FamilyId == s.FamilyId && (o.Date < s.Date || (o.Date == s.Date && o.CreatedAt < s.CreatedAt))));
        var lasts = inPeriod.Where(s => !inPeriod.Any(o => o.FamilyId == s.FamilyId && (o.Date > s.Date || (o.Date == s.Date && o.CreatedAt > s.CreatedAt))));
        var scores = db.Set<BaselineScore>();
        // One aggregate: each family's first and latest score of an item side by side, counted per item.
        var moves = await (
            from first in firsts
            join last in lasts on first.FamilyId equals last.FamilyId
            where first.Id != last.Id
            from before in scores.Where(x => x.SheetId == first.Id)
            join after in scores on new { SheetId = last.Id, before.Item } equals new { after.SheetId, after.Item }
            group new { Before = before.Score, After = after.Score } by before.Item into g
            select new Moves(g.Key, g.Count(x => x.After > x.Before), g.Count(x => x.After < x.Before), g.Count(x => x.After == x.Before)))
            .ToListAsync(ct);
        return Rows(moves);
    }

    /// <summary>Every item in order, its moves read in its own direction. Pure.</summary>
    public static List<EvaluationReport.BaselineRow> Rows(IEnumerable<Moves> moves)
    {
        var byItem = moves.ToDictionary(m => m.Item);
        return BaselineItems.All.Select(item =>
        {
            var m = byItem.GetValueOrDefault(item.Number) ?? new Moves(item.Number, 0, 0, 0);
            var (better, worse) = item.HigherIsWorse ? (m.Down, m.Up) : (m.Up, m.Down);
            return new EvaluationReport.BaselineRow(item.Number, item.Key, m.Up + m.Down + m.Same, better, m.Same, worse);
        }).ToList();
    }
}
