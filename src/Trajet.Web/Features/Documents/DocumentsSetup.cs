using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Trajet.Web.Features.Documents;

public static class DocumentsSetup
{
    /// <summary>
    /// The document store and the validity rules, from <c>Documents:Store</c>, <c>Documents:Path</c>,
    /// <c>Documents:MaxFileBytes</c> and <c>Documents:ValidityMonths:&lt;type&gt;</c>.
    /// </summary>
    public static IServiceCollection AddTrajetDocuments(this IServiceCollection services, IConfiguration configuration)
    {
        var storage = DocumentStorage.From(configuration);
        services.AddSingleton(storage);
        if (storage.Store == DocumentStoreKind.Database)
        {
            services.AddScoped<DocumentStore, DatabaseDocumentStore>();
        }
        else
        {
            services.AddScoped<DocumentStore, FileDocumentStore>();
        }
        // Only the document upload posts multipart forms: their limit is the file's plus room for the other fields.
        services.AddOptions<FormOptions>().Configure(o => o.MultipartBodyLengthLimit = storage.MaxRequestBytes);
        services.AddOptions<KestrelServerOptions>().Configure(o =>
            o.Limits.MaxRequestBodySize = Math.Max(o.Limits.MaxRequestBodySize ?? 0, storage.MaxRequestBytes));
        var months = new Dictionary<DocumentType, int>(DocumentValidity.DefaultMonths);
        foreach (var entry in configuration.GetSection("Documents:ValidityMonths").GetChildren())
        {
            var known = KebabEnum.TryParse<DocumentType>(entry.Key.ToLowerInvariant(), out var type) || Enum.TryParse(entry.Key, ignoreCase: true, out type);
            if (!known || !int.TryParse(entry.Value, out var value) || value < 0)
            {
                throw new InvalidOperationException($"Documents:ValidityMonths:{entry.Key} must name a document type (e.g. support-letter) and give a number of months.");
            }
            months[type] = value;
        }
        services.AddSingleton(new DocumentValidity(months));
        return services;
    }

    /// <summary>
    /// A page's form larger than the upload limit answers 413 before anything reads it: otherwise the
    /// antiforgery check fails to read the form and the person sees a vague 400. The API checks its own.
    /// </summary>
    public static WebApplication UseDocumentUploadLimit(this WebApplication app)
    {
        var store = app.Services.GetRequiredService<DocumentStorage>();
        app.Use((context, next) =>
        {
            var request = context.Request;
            // The status page re-executes the same request: let it through to render the message.
            if (context.Features.Get<IStatusCodeReExecuteFeature>() is null && HttpMethods.IsPost(request.Method) && !request.IsApi() && request.HasFormContentType && request.ContentLength > store.MaxRequestBytes)
            {
                // Unread and dropped, so that the status page re-executed on this request binds nothing from it.
                request.Body = Stream.Null;
                request.ContentLength = 0;
                request.ContentType = null;
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return Task.CompletedTask;
            }
            return next(context);
        });
        return app;
    }
}
