using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Trajet.Web.Features.Instruments;

/// <summary>
/// Keeps <see cref="SummarySheet.IsLatest"/> true on exactly one sheet of each case that has sheets: the latest by
/// date, then by recording. Runs inside every SaveChanges, so whatever adds, re-dates or deletes a sheet keeps it true.
/// </summary>
public static class LatestSheet
{
    /// <summary>The order that decides which sheet is the latest (the report's period query uses the same).</summary>
    public static bool IsAfter(SummarySheet a, SummarySheet b) => a.Date > b.Date || (a.Date == b.Date && a.CreatedAt > b.CreatedAt);

    public static async Task MarkAsync(DbContext db, CancellationToken ct)
    {
        var cases = db.ChangeTracker.Entries<SummarySheet>()
            .Where(e => e.State is EntityState.Added or EntityState.Deleted
                || (e.State == EntityState.Modified && (e.Property(s => s.Date).IsModified || e.Property(s => s.CreatedAt).IsModified)))
            .Select(e => e.Entity.CaseId).Distinct().ToList();
        if (cases.Count == 0)
        {
            return;
        }
        // The stored sheets of these cases join the tracked ones (a case has a handful).
        await db.Set<SummarySheet>().Where(s => cases.Contains(s.CaseId)).LoadAsync(ct);
        var sheets = db.ChangeTracker.Entries<SummarySheet>()
            .Where(e => e.State != EntityState.Deleted && cases.Contains(e.Entity.CaseId))
            .Select(e => e.Entity)
            .GroupBy(s => s.CaseId);
        foreach (var ofCase in sheets)
        {
            var latest = ofCase.Aggregate((a, b) => IsAfter(b, a) ? b : a);
            foreach (var sheet in ofCase)
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
