namespace Trajet.Web.Features.Cases;

public static class CaseNumbers
{
    /// <summary>Next number in the programme and year: PT-2026-0001, PT-2026-0002… (unique index guards races).</summary>
    public static async Task<string> NextAsync(TrajetDbContext db, Programme programme, int year, CancellationToken ct = default)
    {
        var prefix = $"{programme.CasePrefix}-{year}-";
        var last = await db.Cases
            .Where(c => c.ProgrammeId == programme.Id && c.Number.StartsWith(prefix))
            // Longest first: past 9999 cases a year, "-10000" sorts before "-9999" as text.
            .OrderByDescending(c => c.Number.Length)
            .ThenByDescending(c => c.Number)
            .Select(c => c.Number)
            .FirstOrDefaultAsync(ct);
        var next = last is null ? 1 : int.Parse(last[prefix.Length..], System.Globalization.CultureInfo.InvariantCulture) + 1;
        return $"{prefix}{next:0000}";
    }
}
