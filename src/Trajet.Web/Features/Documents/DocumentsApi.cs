namespace Trajet.Web.Features.Documents;

public static class DocumentsApi
{
    public static void MapDocumentsApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/cases/{id:guid}/documents").WithTags("Documents");
        // A multipart form can be posted cross-site with the sign-in cookie: the upload takes bearer tokens only, so no antiforgery token is needed.
        group.MapPost("/", Post)
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = IdentityConstants.BearerScheme })
            .DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data");
        group.MapGet("/", List).ForEvaluators();
        group.MapGet("/{docId:guid}/file", Download);
    }

    private static async Task<IResult> Post(Guid id, HttpContext http, CurrentUser current, TrajetDbContext db, DocumentStore store, DocumentValidity validity,
        IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct)
    {
        // This endpoint's own scheme re-authenticates the token after session validation: a revoked token gets here without a user.
        if (await current.GetAsync(ct) is not { } user)
        {
            return TypedResults.Unauthorized();
        }
        var c = await db.Cases.Visible(user).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return TypedResults.NotFound();
        }
        if (!CaseAccess.CanWrite(user))
        {
            return TypedResults.Forbid();
        }
        if (!http.Request.HasFormContentType)
        {
            return new[] { new FieldError("body", "Send the document as multipart/form-data.") }.ToProblem(l);
        }
        if (await MultipartForms.ReadAsync(http, store.MaxRequestBytes, ct) is not { } form)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: l["The file is too large."],
                detail: l["At most {0} MB.", store.MaxFileBytes / (1024.0 * 1024.0)]);
        }

        var errors = new List<FieldError>();
        var issueDate = Date(form, "issueDate", errors);
        var expiryDate = Date(form, "expiryDate", errors);
        if (errors.Count > 0)
        {
            return errors.ToProblem(l);
        }
        var file = form.Files.GetFile("file");
        var input = new RecordDocument.Input(form["type"], form["title"], issueDate, expiryDate, form["notes"],
            file is null ? null : new RecordDocument.Upload(file.FileName, file.Length, file.OpenReadStream));
        return (await RecordDocument.ExecuteAsync(db, store, user, c, input, clock.Today(), ct))
            .ToHttp(l, d => TypedResults.Created($"/api/cases/{id}/documents/{d.Id}", DocumentView.Of(d, validity, clock.Today(), false)));
    }

    private static DateOnly? Date(IFormCollection form, string field, List<FieldError> errors)
    {
        var text = form[field].ToString();
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", out var date))
        {
            return date;
        }
        errors.Add(new(field, "The value is not valid."));
        return null;
    }

    private static async Task<IResult> List(Guid id, UserContext user, TrajetDbContext db, DocumentValidity validity, TimeProvider clock, CancellationToken ct)
    {
        if (!await db.Cases.Visible(user).AnyAsync(x => x.Id == id, ct))
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(await DocumentList.ReadAsync(db, user, id, validity, clock.Today(), ct));
    }

    private static async Task<IResult> Download(Guid id, Guid docId, HttpContext http, UserContext user, TrajetDbContext db, DocumentStore store, CancellationToken ct)
    {
        var document = await db.Set<CaseDocument>().AsNoTracking().Visible(user)
            .Where(d => d.Id == docId && d.CaseId == id && db.Cases.Visible(user).Any(c => c.Id == d.CaseId))
            .SingleOrDefaultAsync(ct);
        if (document?.FileKey is null)
        {
            return TypedResults.NotFound();
        }
        if (user.SeesAggregatesOnly)
        {
            return TypedResults.Forbid(); // evaluators see no names, and papers are full of them
        }
        Stream content;
        try
        {
            content = await store.OpenReadAsync(document.FileKey, ct);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return TypedResults.NotFound(); // a row whose file was lost (a restore without the documents folder)
        }
        http.Response.Headers.XContentTypeOptions = "nosniff";
        // The size recorded at upload: a content that ends early breaks the response instead of passing for the whole file.
        if (document.FileSize is { } size)
        {
            http.Response.ContentLength = size;
        }
        // A file name makes TypedResults.File answer Content-Disposition: attachment, never inline.
        return TypedResults.File(content, document.ContentType ?? "application/octet-stream", document.FileName ?? "document");
    }
}
