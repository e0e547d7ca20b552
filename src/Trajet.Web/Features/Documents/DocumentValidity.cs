namespace Trajet.Web.Features.Documents;

public enum DocumentStatus { Valid, ExpiringSoon, Expired }

/// <summary>
/// When a document stops being valid: its own expiry date, else the validity its type carries
/// (a support letter: 6 months from issue unless configured otherwise), else it does not expire.
/// </summary>
public sealed class DocumentValidity(IReadOnlyDictionary<DocumentType, int> validityMonths)
{
    public const int SoonDays = 30;

    public static readonly IReadOnlyDictionary<DocumentType, int> DefaultMonths = new Dictionary<DocumentType, int>
    {
        [DocumentType.SupportLetter] = 6,
    };

    public DocumentValidity() : this(DefaultMonths)
    {
    }

    /// <summary>How long a document of this type is valid without an expiry date; null when it does not expire.</summary>
    public int? MonthsFor(DocumentType type) => validityMonths.TryGetValue(type, out var months) && months > 0 ? months : null;

    /// <summary>The last day the document is valid; null when it does not expire.</summary>
    public DateOnly? ValidUntil(DocumentType type, DateOnly issueDate, DateOnly? expiryDate) =>
        expiryDate ?? (MonthsFor(type) is { } months ? issueDate.AddMonths(months) : null);

    public DocumentStatus StatusOn(DocumentType type, DateOnly issueDate, DateOnly? expiryDate, DateOnly today) =>
        ValidUntil(type, issueDate, expiryDate) switch
        {
            { } until when until < today => DocumentStatus.Expired,
            { } until when until.DayNumber - today.DayNumber <= SoonDays => DocumentStatus.ExpiringSoon,
            _ => DocumentStatus.Valid,
        };

    /// <summary>The document's fields as typed (the type in kebab-case, as the API and the form send it).</summary>
    public static List<FieldError> Validate(string? type, string? title, DateOnly? issueDate, DateOnly? expiryDate, string? notes, DateOnly today)
    {
        var errors = new List<FieldError>();
        if (!KebabEnum.TryParse<DocumentType>(type, out _))
        {
            errors.Add(new("type", "Choose one of the document types."));
        }
        if (string.IsNullOrWhiteSpace(title))
        {
            errors.Add(new("title", "The title is required."));
        }
        else if (title.Trim().Length > 200)
        {
            errors.Add(new("title", "At most 200 characters."));
        }
        if (issueDate is not { } issued)
        {
            errors.Add(new("issueDate", "The issue date is required."));
        }
        else if (issued > today)
        {
            errors.Add(new("issueDate", "The issue date cannot be in the future."));
        }
        else if (expiryDate is { } expires && expires < issued)
        {
            errors.Add(new("expiryDate", "The expiry date cannot be before the issue date."));
        }
        if (notes?.Length > 4000)
        {
            errors.Add(new("notes", "At most 4000 characters."));
        }
        return errors;
    }
}
