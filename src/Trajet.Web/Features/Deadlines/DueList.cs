using System.Text.Json.Serialization;
using Trajet.Web.Features.ActionPlans;
using Trajet.Web.Features.Documents;

namespace Trajet.Web.Features.Deadlines;

public enum DueKind { LegalDeadline, ActionDue, NoRecentContact, DocumentExpiring }

/// <summary>
/// What falls due across the caller's open cases: legal deadlines, plan actions, expiring
/// documents, families not contacted lately. A worker sees the cases assigned to them; a coordinator the organisation's.
/// </summary>
public static class DueList
{
    /// <summary>One thing due; a legal deadline's <c>source</c> is its rule's default label, <c>sources</c> the label per language.</summary>
    public sealed record Item(Guid CaseId, string CaseNumber, DueKind Kind, DateOnly? Due, string What, string? Source, LocalizedText? Sources = null)
    {
        /// <summary>An expiring document's type: what a line says where its typed title may not go (e-mail, calendars).</summary>
        [JsonIgnore]
        public DocumentType? Document { get; init; }

        /// <summary>The record the item comes from (legal event, action, document; the case when quiet): a stable id for calendars.</summary>
        [JsonIgnore]
        public Guid SourceId { get; init; }
    }

    /// <summary>
    /// The item without anything typed by a person (an action's wording, a document's title), which may name someone:
    /// for lines that leave Trajet, as digests and calendar feeds do.
    /// </summary>
    public static string Describe(Item item, IStringLocalizer l) => item.Kind switch
    {
        DueKind.LegalDeadline => $"{l["due-" + item.Kind]}: {l["legal-" + item.What]}",
        DueKind.DocumentExpiring when item.Document is { } type => $"{l["due-" + item.Kind]}: {l["document-" + type]}",
        DueKind.NoRecentContact => $"{l["due-" + item.Kind]}: {l["no contact for a while"]}",
        _ => l["due-" + item.Kind],
    };

    public sealed record Settings(int HorizonDays, int NoContactDays)
    {
        public static Settings From(IConfiguration config) =>
            new(config.GetValue("Deadlines:HorizonDays", 30), config.GetValue("Deadlines:NoContactDays", 30));
    }

    public static async Task<List<Item>> BuildAsync(TrajetDbContext db, UserContext user, bool onlyMine, DateOnly today, Settings settings, DocumentValidity validity, CancellationToken ct)
    {
        var cases = db.Cases.Visible(user).Where(c => c.Status != CaseStatus.Closed && c.Status != CaseStatus.Declined);
        if (onlyMine)
        {
            cases = cases.Where(c => c.Assignments.Any(a => a.UserId == user.Id));
        }
        var horizon = today.AddDays(settings.HorizonDays);
        var recent = today.AddDays(-7);

        var legal = await db.LegalEvents.AsNoTracking().Where(e => e.Deadline != null && e.Deadline >= recent && e.Deadline <= horizon && cases.Any(c => c.Id == e.CaseId))
            .Select(e => new { e.Id, e.CaseId, Number = cases.Where(c => c.Id == e.CaseId).Select(c => c.Number).First(), e.Deadline, e.Type, e.DeadlineSource, e.DeadlineSources })
            .ToListAsync(ct);
        var actions = await db.PlanActions.Where(a => a.Status == ActionStatus.Open && a.DueDate != null && a.DueDate <= horizon && cases.Any(c => c.Id == a.CaseId))
            .Select(a => new { a.Id, a.CaseId, Number = cases.Where(c => c.Id == a.CaseId).Select(c => c.Number).First(), a.DueDate, a.Description })
            .ToListAsync(ct);
        var quietSince = today.AddDays(-settings.NoContactDays);
        var quiet = await cases.Where(c => c.Status == CaseStatus.Active || c.Status == CaseStatus.Admitted)
            .Select(c => new
            {
                c.Id,
                c.Number,
                Last = db.Interactions.Where(i => i.CaseId == c.Id).Max(i => (DateOnly?)i.Date),
                // A reopened case is quiet from its reopening, not from the last contact before its closure.
                Start = db.CaseSupportPeriods.Where(p => p.CaseId == c.Id && p.To == null).Max(p => (DateOnly?)p.From) ?? c.AdmittedOn,
            })
            .Select(c => new { c.Id, c.Number, Since = c.Last == null || c.Start > c.Last ? c.Start : c.Last })
            .Where(c => c.Since < quietSince)
            .ToListAsync(ct);

        // Documents valid for a few months from issue (support letters) or with an expiry date.
        var longest = Enum.GetValues<DocumentType>().Max(t => validity.MonthsFor(t) ?? 0);
        var documents = (await db.CaseDocuments
                .Where(d => cases.Any(c => c.Id == d.CaseId) && (d.ExpiryDate != null ? d.ExpiryDate >= recent && d.ExpiryDate <= horizon : d.IssueDate >= recent.AddMonths(-longest)))
                .Select(d => new { d.Id, d.CaseId, Number = cases.Where(c => c.Id == d.CaseId).Select(c => c.Number).First(), d.Type, d.Title, d.IssueDate, d.ExpiryDate })
                .ToListAsync(ct))
            .Select(d => (d.Id, d.CaseId, d.Number, d.Type, d.Title, Until: validity.ValidUntil(d.Type, d.IssueDate, d.ExpiryDate)))
            .Where(d => d.Until >= recent && d.Until <= horizon);

        return documents.Select(d => new Item(d.CaseId, d.Number, DueKind.DocumentExpiring, d.Until, d.Title, null) { Document = d.Type, SourceId = d.Id })
            .Concat(legal.Select(e => new Item(e.CaseId, e.Number, DueKind.LegalDeadline, e.Deadline, e.Type.ToString(), e.DeadlineSource, e.DeadlineSources) { SourceId = e.Id }))
            .Concat(actions.Select(a => new Item(a.CaseId, a.Number, DueKind.ActionDue, a.DueDate, a.Description, null) { SourceId = a.Id }))
            .Concat(quiet.Select(c => new Item(c.Id, c.Number, DueKind.NoRecentContact, c.Since!.Value.AddDays(settings.NoContactDays), "no-recent-contact", null) { SourceId = c.Id }))
            .OrderBy(i => i.Due).ThenBy(i => i.CaseNumber)
            .ToList();
    }
}
