namespace Trajet.Web.Features.Cases;

/// <summary>The case list's filters, shared by the page and the API.</summary>
public sealed record CaseSearch(CaseStatus? Status, string? Text, string? Programme, bool HideNames)
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
        if (!string.IsNullOrWhiteSpace(Text))
        {
            var key = NameKey.Normalize(Text);
            var number = Text.Trim().ToUpperInvariant();
            cases = HideNames
                ? cases.Where(c => c.Number.Contains(number))
                : cases.Where(c => c.Number.Contains(number) || c.Members.Any(m => m.SearchName.Contains(key)));
        }
        return cases;
    }

    public static IQueryable<CasesApi.ListItem> Project(IQueryable<Case> cases, bool hideNames) =>
        cases.OrderByDescending(c => c.Referral.Date).ThenByDescending(c => c.Number)
            .Select(c => new CasesApi.ListItem(
                c.Id, c.Number, c.Status, c.Kind, c.Programme!.Slug, c.Referral.Date,
                hideNames ? null : c.Members.OrderBy(m => m.CreatedAt).Select(m => m.LastName).FirstOrDefault(),
                c.Members.Count));
}
