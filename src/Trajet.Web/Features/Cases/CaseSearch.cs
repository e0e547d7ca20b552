using Microsoft.EntityFrameworkCore;
using Trajet.Web.Data;

namespace Trajet.Web.Features.Cases;

/// <summary>The case list's filters, shared by the page and the API.</summary>
public sealed record CaseSearch(CaseStatus? Status, string? Text, string? Programme, Guid? AssigneeId, bool HideNames)
{
    /// <summary>
    /// The filters as sets of case ids that indexes answer (a person's assignments, the name keys with
    /// their cases, on PostgreSQL a trigram index for the substring of a name), so that a national
    /// caseload is not read case by case. On SQLite the substring scans the (OrganisationId, SearchName) index.
    /// </summary>
    public async Task<IQueryable<Case>> ApplyAsync(IQueryable<Case> cases, TrajetDbContext db, Guid? organisationId, CancellationToken ct)
    {
        if (Status is { } status)
        {
            cases = cases.Where(c => c.Status == status);
        }
        if (!string.IsNullOrWhiteSpace(Programme))
        {
            cases = cases.Where(c => c.Programme!.Slug == Programme);
        }
        if (AssigneeId is { } assignee)
        {
            var assigned = db.CaseAssignments.Where(a => a.UserId == assignee).Select(a => a.CaseId);
            cases = cases.Where(c => assigned.Contains(c.Id));
        }
        if (!string.IsNullOrWhiteSpace(Text))
        {
            var number = Text.Trim().ToUpperInvariant();
            if (HideNames)
            {
                return cases.Where(c => c.Number.Contains(number));
            }
            // Any spelling: a substring of a name or alias, or every word sounding like one of the person's names.
            var text = NameKey.Normalize(Text);
            var keys = NameMatcher.Words(Text).Select(NameMatcher.Key).Where(k => k.Length > 0).Distinct().ToList();
            var keyCount = keys.Count;
            var named = db.Members.Where(m => m.OrganisationId == organisationId && m.SearchName.Contains(text)).Select(m => m.CaseId);
            if (keyCount > 0)
            {
                // The people with every key, straight to their cases from the keys' covering index.
                named = named.Union(db.PersonNameKeys.Where(k => k.OrganisationId == organisationId && keys.Contains(k.Key))
                    .GroupBy(k => new { k.MemberId, k.CaseId }).Where(g => g.Count() >= keyCount).Select(g => g.Key.CaseId));
            }
            // Case numbers (PT-2026-0007) always have digits: text without one is a name only.
            var matching = number.Any(char.IsAsciiDigit)
                ? named.Union(db.Cases.Where(c => c.OrganisationId == organisationId && c.Number.Contains(number)).Select(c => c.Id))
                : named;
            // A name matches a handful of cases: read their ids first, so that the count and the page look the cases up
            // by key (the database cannot guess how few the keys' grouping leaves and would read every case instead).
            var ids = await matching.Take(MaxCasesLookedUp + 1).ToListAsync(ct);
            cases = ids.Count <= MaxCasesLookedUp ? cases.Where(c => ids.Contains(c.Id)) : cases.Where(c => matching.Contains(c.Id));
        }
        return cases;
    }

    private const int MaxCasesLookedUp = 1000;

    public IQueryable<CasesApi.ListItem> Project(IQueryable<Case> cases)
    {
        var text = NameKey.Normalize(Text);
        var ordered = !HideNames && text.Length > 0
            ? cases.OrderByDescending(c => c.Members.Any(m => m.SearchName.Contains(text))).ThenByDescending(c => c.Referral.Date)
            : cases.OrderByDescending(c => c.Referral.Date);
        var hideNames = HideNames;
        return ordered.ThenByDescending(c => c.Number)
            .Select(c => new CasesApi.ListItem(
                c.Id, c.Number, c.Status, c.Kind, c.Programme!.Slug, c.Referral.Date,
                hideNames ? null : c.Members.OrderBy(m => m.CreatedAt).Select(m => m.LastName).FirstOrDefault(),
                c.Members.Count));
    }
}
