using Microsoft.AspNetCore.Http.Features;

namespace Trajet.Web.Infrastructure;

/// <summary>The uploads' multipart forms, each with a size limit of its own above the app's default.</summary>
public static class MultipartForms
{
    /// <summary>The form with the request's limits raised to <paramref name="maxBytes"/>; null when the body is larger.</summary>
    public static async Task<IFormCollection?> ReadAsync(HttpContext http, long maxBytes, CancellationToken ct)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }
        if (http.Request.ContentLength > maxBytes)
        {
            return null;
        }
        try
        {
            return await http.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = maxBytes }, ct);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            return null;
        }
    }
}
