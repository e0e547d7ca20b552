namespace Trajet.Web.Features.Imports;

/// <summary>The case import (API.md "Import") and its templates.</summary>
public static class ImportsApi
{
    public static void MapImportsApi(this WebApplication app)
    {
        var imports = app.MapGroup("/api/imports").WithTags("Imports");
        // A multipart form without an antiforgery token: bearer tokens only, so a page elsewhere cannot post with the cookie.
        imports.MapPost("/cases", PostCases)
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = IdentityConstants.BearerScheme })
            .DisableAntiforgery();
        imports.MapGet("/template", Template);
    }

    private static async Task<IResult> PostCases(HttpContext http, UserContext user, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock,
        CancellationToken ct, string? programme = null, bool dryRun = false)
    {
        if (!user.IsCoordinator)
        {
            return TypedResults.Forbid();
        }
        var (upload, problem) = await ReadUploadAsync(http, l, ct);
        if (problem is not null)
        {
            return problem;
        }
        var decisions = new Dictionary<int, ImportCases.Decision>();
        foreach (var text in upload!.Form["decision"])
        {
            if (ParseDecision(text) is not { } parsed)
            {
                return new[] { new FieldError("decision", "Write a decision as row:import, row:skip or row:link:caseId.") }.ToProblem(l);
            }
            decisions[parsed.Row] = parsed.Decision;
        }
        var result = await ImportCases.ExecuteAsync(db, user, new ImportCases.Input(programme, upload.Content, dryRun, decisions), clock.Today(), ct);
        return result.ToHttp(l, outcome => Answer(outcome, l));
    }

    /// <summary>The answer: the report, or a 400 problem when the file cannot be read or (when not a dry run) has errors.</summary>
    public static IResult Answer(ImportCases.Outcome outcome, IStringLocalizer l)
    {
        if (outcome.Problem is { } problem)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: l["The file cannot be imported."],
                detail: ImportReport.Message(l, problem.Message, problem.Arguments));
        }
        var report = ImportReport.From(outcome, l);
        return outcome.Errors.Count > 0 && !outcome.DryRun
            ? TypedResults.Json(report, statusCode: StatusCodes.Status400BadRequest)
            : TypedResults.Ok(report);
    }

    /// <summary>A decision field: <c>12:skip</c>, <c>12:import</c>, <c>12:link</c> or <c>12:link:{caseId}</c>.</summary>
    public static (int Row, ImportCases.Decision Decision)? ParseDecision(string? text)
    {
        var parts = (text ?? "").Split(':', StringSplitOptions.TrimEntries);
        if (parts.Length is < 2 or > 3 || !int.TryParse(parts[0], out var row) || !KebabEnum.TryParse<ImportCases.Choice>(parts[1], out var choice))
        {
            return null;
        }
        Guid? caseId = null;
        if (parts.Length == 3)
        {
            if (choice != ImportCases.Choice.Link || !Guid.TryParse(parts[2], out var id))
            {
                return null;
            }
            caseId = id;
        }
        return (row, new ImportCases.Decision(choice, caseId));
    }

    private sealed record Upload(IFormCollection Form, byte[] Content);

    /// <summary>The multipart form and its <c>file</c>, at most <see cref="ImportFile.MaxBytes"/>; a 400 problem otherwise.</summary>
    private static async Task<(Upload? Upload, IResult? Problem)> ReadUploadAsync(HttpContext http, IStringLocalizer l, CancellationToken ct)
    {
        var tooLarge = TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: l["The file cannot be imported."],
            detail: l["The file is too large: at most {0} MB.", ImportFile.MaxBytes / (1024 * 1024)]);
        var noFile = new[] { new FieldError("file", "Send the file as the multipart field file.") }.ToProblem(l);
        if (!http.Request.HasFormContentType)
        {
            return (null, noFile);
        }
        if (await MultipartForms.ReadAsync(http, ImportFile.MaxBytes + (64 * 1024), ct) is not { } form)
        {
            return (null, tooLarge);
        }
        if (form.Files.GetFile("file") is not { } file)
        {
            return (null, noFile);
        }
        if (file.Length > ImportFile.MaxBytes)
        {
            return (null, tooLarge);
        }
        using var memory = new MemoryStream((int)file.Length);
        await file.CopyToAsync(memory, ct);
        return (new Upload(form, memory.ToArray()), null);
    }

    /// <summary>The template: the columns with their headers in the chosen language, as CSV or XLSX (with an example sheet).</summary>
    private static IResult Template(string? language = null, string? format = null)
    {
        var lang = language is "fr" or "nl" ? language : "en";
        var headers = ImportColumns.Headers(lang);
        var name = $"trajet-import-{lang}";
        if (format == "csv")
        {
            return TypedResults.File(CsvFile.Write(headers, [], System.Globalization.CultureInfo.GetCultureInfo(lang)), "text/csv; charset=utf-8", name + ".csv");
        }
        var example = ImportTemplate.Example.Select(row => (object[])[.. row]).ToList();
        return TypedResults.File(XlsxFile.Write([new("Import", [.. headers], []),
                new(lang switch { "fr" => "Exemple", "nl" => "Voorbeeld", _ => "Example" }, [.. headers], example)]),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
    }
}
