using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Trajet.Web.Features.Instruments;

/// <summary>
/// Keeps <see cref="SummarySheet.IsLatest"/> true on exactly one sheet of each family that has sheets in a programme
/// (a family that came back has two cases): the latest by date, then by recording. Runs inside every SaveChanges, so whatever adds, re-dates or deletes a sheet keeps it true.
/// </summary>
public static class LatestSheet
{
    /// <summary>The order that decides which sheet is the latest (the report's period query uses the same).</summary>
    public static bool IsAfter(SummarySheet a, SummarySheet b) => a.Date > b.Date || (a.Date == b.Date && a.CreatedAt > b.CreatedAt);

    public static async Task MarkAsync(DbContext db, CancellationToken ct)
    {
        var families = db.ChangeTracker.Entries<SummarySheet>()
            .Where(e => e.State is EntityState.Added or EntityState.Deleted
                || (e.State == EntityState.Modified && (e.Property(s => s.Date).IsModified || e.Property(s => s.CreatedAt).IsModified)))
            .Select(e => e.Entity.FamilyId).Distinct().ToList();
        if (families.Count == 0)
        {
            return;
        }
        // The stored sheets of these families join the tracked ones (a family has a handful).
        await db.Set<SummarySheet>().Where(s => families.Contains(s.FamilyId)).LoadAsync(ct);
        var sheets = db.ChangeTracker.Entries<SummarySheet>()
            .Where(e => e.State != EntityState.Deleted && families.Contains(e.Entity.FamilyId))
            .Select(e => e.Entity)
            .GroupBy(s => (s.FamilyId, s.ProgrammeId)); // a family's cases in two programmes are two evaluations
        foreach (var ofFamily in sheets)
        {
            var latest = ofFamily.Aggregate((a, b) => IsAfter(b, a) ? b : a);
            foreach (var sheet in ofFamily)
            {
                sheet.IsLatest = sheet == latest;
            }
        }
    }
}

public sealed class MarkLatestSheets : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await LatestSheet.MarkAsync(eventData.Context!, cancellationToken);
        return result;
    }
}
