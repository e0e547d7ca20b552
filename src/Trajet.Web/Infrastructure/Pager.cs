namespace Trajet.Web.Infrastructure;

/// <summary>One page of a list, with the links to its neighbours keeping the other filters.</summary>
public sealed record Pager(int Page, int PageSize, int Total, IReadOnlyDictionary<string, string?> Filters)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public int Skip => SkipFor(Page, PageSize);
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < Pages;

    /// <summary>The rows before a page, computed without overflow: a page past the end is an empty page, never page 1 again.</summary>
    public static int SkipFor(int page, int pageSize) => (int)Math.Min((Math.Max(page, 1) - 1L) * Math.Max(pageSize, 0), int.MaxValue);

    /// <summary>An API's paging parameters checked: pages start at 1, at most 200 rows a page.</summary>
    public static List<FieldError> Check(int? page, int? pageSize)
    {
        var errors = new List<FieldError>();
        if (page < 1)
        {
            errors.Add(new("page", "The page starts at 1."));
        }
        if (pageSize is < 1 or > 200)
        {
            errors.Add(new("pageSize", "The page size must be between 1 and 200."));
        }
        return errors;
    }

    public string LinkTo(int page) =>
        "?" + string.Join("&", Filters.Where(f => !string.IsNullOrEmpty(f.Value))
            .Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value!)}")
            .Append($"page={page}"));
}
