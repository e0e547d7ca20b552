namespace Trajet.Web.Features.LegalEvents;

public static class Chronology
{
    /// <summary>The case's legal events in the order things happened, whatever the order they were entered in.</summary>
    /// <param name="hideText">Leaves out what was typed about the family (reference, lawyer, notes).</param>
    public static async Task<List<LegalEventView>> ReadAsync(TrajetDbContext db, Guid caseId, bool hideText, CancellationToken ct) =>
        (await db.LegalEvents.AsNoTracking().Where(e => e.CaseId == caseId).OrderBy(e => e.Date).ThenBy(e => e.CreatedAt)
            .Select(LegalEventView.Projection).ToListAsync(ct))
            .Select(e => hideText ? e with { Reference = null, Lawyer = null, Notes = null } : e).ToList();
}
