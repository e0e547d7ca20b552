namespace Trajet.Web.Infrastructure;

/// <summary>One page of a list, with the links to its neighbours keeping the other filters.</summary>
public sealed record Pager(int Page, int PageSize, int Total, IReadOnlyDictionary<string, string?> Filters)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public int Skip => (Page - 1) * PageSize;
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < Pages;

    public string LinkTo(int page) =>
        "?" + string.Join("&", Filters.Where(f => !string.IsNullOrEmpty(f.Value))
            .Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value!)}")
            .Append($"page={page}"));
}
