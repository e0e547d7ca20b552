namespace Trajet.Web.Features.Cases;

/// <summary>The case list's filters, shared by the page and the API.</summary>
public sealed record CaseSearch(CaseStatus? Status, string? Text, string? Programme, Guid? AssigneeId, bool HideNames)
{
    public IQueryable<Case> Apply(IQueryable<Case> cases)
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
            cases = cases.Where(c => c.Assignments.Any(a => a.UserId == assignee));
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
            cases = cases.Where(c => c.Number.Contains(number) || c.Members.Any(m =>
                m.SearchName.Contains(text) || (keyCount > 0 && m.NameKeys.Count(k => keys.Contains(k.Key)) >= keyCount)));
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
