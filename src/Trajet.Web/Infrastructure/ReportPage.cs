namespace Trajet.Web.Infrastructure;

/// <summary>A page of figures for one programme over a period, with links to the same figures as files.</summary>
public abstract class ReportPage : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Programme { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    /// <summary>The query string of the exports: this programme and period.</summary>
    public string ExportQuery => $"programme={Uri.EscapeDataString(Programme ?? "")}" +
        (From is { } f ? $"&from={f:yyyy-MM-dd}" : "") + (To is { } t ? $"&to={t:yyyy-MM-dd}" : "");
}
