using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace Trajet.Web.Infrastructure;

/// <summary>
/// Bodies other than a multipart form (JSON, a page's ordinary form) are small: at most <c>Requests:MaxBodyBytes</c>
/// (1 MB). A larger one answers 413 before anything reads it — a problem under /api, the status page elsewhere.
/// The document upload's multipart form has its own, larger limit (see DocumentsSetup). They are read through a
/// buffer (memory, a temporary file past 30 KB), so that a stop lets them finish.
/// </summary>
public static class RequestLimits
{
    public const long DefaultMaxBodyBytes = 1024 * 1024;

    public static WebApplication UseRequestBodyLimit(this WebApplication app)
    {
        var max = app.Configuration.GetValue("Requests:MaxBodyBytes", DefaultMaxBodyBytes);
        app.Use((context, next) =>
        {
            var request = context.Request;
            if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null || request.HasFormContentType && request.ContentType!.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
            {
                return next(context);
            }
            if (request.ContentLength > max)
            {
                // Unread and dropped, so that the status page re-executed on this request binds nothing from it.
                request.Body = Stream.Null;
                request.ContentLength = 0;
                request.ContentType = null;
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return Task.CompletedTask;
            }
            // A body sent without a length (chunked) is cut by the server at the same size.
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = max;
            }
            // When a stop begins, Kestrel cancels the pending read of every connection to wake the idle ones; a JSON or
            // form body read straight from that pipe then fails ("PipeReader.ReadAsync was canceled") and a request under
            // way answers 500. Read through the buffering stream, it is read to its end, as a graceful stop promises.
            if (context.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: true })
            {
                request.EnableBuffering();
            }
            return next(context);
        });
        return app;
    }
}
