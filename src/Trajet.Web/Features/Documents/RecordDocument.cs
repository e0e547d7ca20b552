namespace Trajet.Web.Features.Documents;

/// <summary>Records a document of a case, with its file when one is given: all or nothing.</summary>
public static class RecordDocument
{
    public sealed record Upload(string? FileName, long Length, Func<Stream> Open);

    public sealed record Input(string? Type, string? Title, DateOnly? IssueDate, DateOnly? ExpiryDate, string? Notes, Upload? File);

    public static async Task<Result<CaseDocument>> ExecuteAsync(TrajetDbContext db, DocumentStore store, UserContext user, Case @case, Input input, DateOnly today, CancellationToken ct)
    {
        var errors = DocumentValidity.Validate(input.Type, input.Title, input.IssueDate, input.ExpiryDate, input.Notes, today);
        FileSignature.Kind? kind = null;
        if (input.File is { } upload)
        {
            kind = await CheckFileAsync(store, upload, errors, ct);
        }
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }

        var document = new CaseDocument
        {
            CaseId = @case.Id,
            OrganisationId = @case.OrganisationId,
            ProgrammeId = @case.ProgrammeId,
            Type = KebabEnum.TryParse<DocumentType>(input.Type, out var type) ? type : throw new InvalidOperationException(),
            Title = input.Title!.Trim(),
            IssueDate = input.IssueDate!.Value,
            ExpiryDate = input.ExpiryDate,
            Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim(),
            RecordedByUserId = user.Id,
        };
        // Content kept in the database commits with its row; a file on disk is deleted again if the row fails.
        await using var transaction = input.File is not null && store.DeletesInTransaction ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            if (input.File is { } file && kind is not null)
            {
                await using var content = file.Open();
                document.FileKey = await store.SaveAsync(content, ct);
                document.FileName = FileSignature.SafeName(file.FileName, kind);
                document.ContentType = kind.ContentType;
                document.FileSize = file.Length;
            }
            db.Add(document);
            await db.SaveChangesAsync(ct);
            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }
        }
        catch
        {
            // No file without its row.
            if (document.FileKey is { } key && !store.DeletesInTransaction)
            {
                await store.DeleteAsync([key], CancellationToken.None);
            }
            throw;
        }
        return document;
    }

    private static async Task<FileSignature.Kind?> CheckFileAsync(DocumentStore store, Upload upload, List<FieldError> errors, CancellationToken ct)
    {
        if (upload.Length == 0)
        {
            errors.Add(new("file", "The file is empty."));
            return null;
        }
        if (upload.Length > store.MaxFileBytes)
        {
            errors.Add(new("file", "The file is too large."));
            return null;
        }
        var header = new byte[FileSignature.HeaderLength];
        await using var content = upload.Open();
        var read = await content.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, ct);
        var kind = FileSignature.Detect(header.AsSpan(0, read));
        if (kind is null)
        {
            errors.Add(new("file", "Only PDF, PNG or JPEG files can be uploaded."));
        }
        return kind;
    }
}
