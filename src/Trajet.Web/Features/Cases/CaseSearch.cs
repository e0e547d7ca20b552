using Trajet.Web.Data;

namespace Trajet.Web.Features.Cases;

/// <summary>The case list's filters, shared by the page and the API.</summary>
public sealed record CaseSearch(CaseStatus? Status, string? Text, string? Programme, Guid? AssigneeId, bool HideNames)
{
    /// <summary>
    /// The filters as sets of case ids that indexes answer (a person's assignments, the name keys),
    /// so that a national caseload is not read case by case; only the substring of a name scans,
    /// and it scans the narrow (OrganisationId, SearchName) index rather than the people.
    /// </summary>
    public IQueryable<Case> Apply(IQueryable<Case> cases, TrajetDbContext db, Guid? organisationId)
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
            cases = cases.Where(c => matching.Contains(c.Id));
        }
        return cases;
    }

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
