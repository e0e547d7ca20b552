namespace Trajet.Web.Features.Documents;

/// <summary>Adds a document to the case, with its scan or photo when there is one.</summary>
public sealed class UploadModel(CurrentUser current, TrajetDbContext db, DocumentStore store, DocumentValidity validity, IStringLocalizer<SharedResource> l, TimeProvider clock)
    : CaseWritePage(current, db, l)
{
    public sealed class InputModel
    {
        public string? Type { get; set; } = DocumentType.SupportLetter.ToKebab();
        public string? Title { get; set; }
        public DateOnly? IssueDate { get; set; }
        public DateOnly? ExpiryDate { get; set; }
        public string? Notes { get; set; }
        public IFormFile? File { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public int SupportLetterMonths => validity.MonthsFor(DocumentType.SupportLetter) ?? 0;
    public double MaxMegabytes => store.MaxFileBytes / (1024.0 * 1024.0);

    private DateOnly Today => clock.Today();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) is null ? NotFound() : Page();

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) =>
        SaveAsync(id, (user, @case) =>
        {
            var file = Input.File is { } f ? new RecordDocument.Upload(f.FileName, f.Length, f.OpenReadStream) : null;
            var input = new RecordDocument.Input(Input.Type, Input.Title, Input.IssueDate, Input.ExpiryDate, Input.Notes, file);
            return RecordDocument.ExecuteAsync(Db, store, user, @case, input, Today, ct);
        }, _ => SavedNotice.OnCase(id, Saved.Document), ct);
}
