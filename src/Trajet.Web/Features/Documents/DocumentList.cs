namespace Trajet.Web.Features.Documents;

/// <summary>A document as the API and the case page show it, with its validity on the day.</summary>
public sealed record DocumentView(
    Guid Id, DocumentType Type, string? Title, DateOnly IssueDate, DateOnly? ExpiryDate, DateOnly? ValidUntil, DocumentStatus Status,
    string? Notes, bool HasFile, string? FileName, string? ContentType, long? FileSize)
{
    /// <param name="hideContent">Leaves out what was typed about the family (evaluators).</param>
    public static DocumentView Of(CaseDocument d, DocumentValidity validity, DateOnly today, bool hideContent) => new(
        d.Id, d.Type, hideContent ? null : d.Title, d.IssueDate, d.ExpiryDate, validity.ValidUntil(d.Type, d.IssueDate, d.ExpiryDate),
        validity.StatusOn(d.Type, d.IssueDate, d.ExpiryDate, today), hideContent ? null : d.Notes, d.FileKey is not null,
        hideContent ? null : d.FileName, d.ContentType, d.FileSize);
}

public static class DocumentList
{
    /// <summary>The case's documents the user may see, newest first.</summary>
    public static async Task<List<DocumentView>> ReadAsync(TrajetDbContext db, UserContext user, Guid caseId, DocumentValidity validity, DateOnly today, CancellationToken ct)
    {
        var documents = await db.Set<CaseDocument>().AsNoTracking().Visible(user).Where(d => d.CaseId == caseId)
            .OrderByDescending(d => d.IssueDate).ThenByDescending(d => d.CreatedAt).ToListAsync(ct);
        return documents.Select(d => DocumentView.Of(d, validity, today, user.SeesAggregatesOnly)).ToList();
    }
}
