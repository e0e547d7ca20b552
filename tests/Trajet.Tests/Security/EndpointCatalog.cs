using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Trajet.Tests.Infrastructure;

namespace Trajet.Tests.Security;

/// <summary>
/// Every route the running application answers, read from its <see cref="EndpointDataSource"/>: each API
/// endpoint with each of its HTTP methods, each Razor page with each of its handlers. Nothing is listed by
/// hand, so a new endpoint or page is walked by the security tests the day it is mapped.
/// </summary>
public static class EndpointCatalog
{
    /// <param name="Pattern">The route without constraints, e.g. <c>/api/cases/{id}/members/{memberId}</c>.</param>
    /// <param name="Handler">A page's named handler (<c>?handler=Add</c>), null for the default one.</param>
    /// <param name="AcceptsMultipart">The endpoint reads a multipart form (document upload), not JSON.</param>
    /// <param name="TakesBody">An API endpoint that reads a body (JSON or a form); one without (a command such as "call the next walk-in") ignores any.</param>
    public sealed record Route(string Pattern, string Method, bool IsPage, string? Handler, IReadOnlyList<string> Parameters, bool AcceptsMultipart, bool AllowsAnonymous, bool TakesBody = false)
    {
        public bool IsWrite => Method is "POST" or "PUT" or "PATCH" or "DELETE";

        public override string ToString() => $"{Method} {Pattern}{(Handler is null ? "" : $"?handler={Handler}")}";
    }

    public static async Task<IReadOnlyList<Route>> AllAsync(TrajetApp app)
    {
        var source = app.Services.GetRequiredService<EndpointDataSource>();
        var loader = app.Services.GetRequiredService<PageLoader>();
        var routes = new List<Route>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = Pattern(endpoint.RoutePattern);
            var parameters = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToList();
            var anonymous = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null;
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = page as CompiledPageActionDescriptor ?? await loader.LoadAsync(page, endpoint.Metadata);
                anonymous |= compiled.EndpointMetadata.OfType<Microsoft.AspNetCore.Authorization.IAllowAnonymous>().Any();
                var handlers = compiled.HandlerMethods.Select(h => (Method: h.HttpMethod.ToUpperInvariant(), h.Name)).Distinct().ToList();
                if (!handlers.Any(h => h is { Method: "GET", Name: null }))
                {
                    handlers.Add(("GET", null)); // a page without OnGet still renders
                }
                routes.AddRange(handlers.Select(h => new Route(pattern, h.Method, true, h.Name, parameters, false, anonymous)));
            }
            else
            {
                var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [HttpMethods.Get];
                var multipart = endpoint.Metadata.OfType<IAcceptsMetadata>().Any(a => a.ContentTypes.Contains("multipart/form-data"));
                var body = endpoint.Metadata.OfType<IAcceptsMetadata>().Any();
                routes.AddRange(methods.Select(m => new Route(pattern, m.ToUpperInvariant(), false, null, parameters, multipart, anonymous, body)));
            }
        }
        return routes.Distinct().OrderBy(r => r.Pattern, StringComparer.Ordinal).ThenBy(r => r.Method).ThenBy(r => r.Handler).ToList();
    }

    /// <summary>"/Cases/Details/{id:guid}" → "/Cases/Details/{id}"; a catch-all keeps its stars.</summary>
    private static string Pattern(RoutePattern pattern)
    {
        var text = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            text.Append('/');
            foreach (var part in segment.Parts)
            {
                text.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart { IsCatchAll: true } p => $"{{**{p.Name}}}",
                    RoutePatternParameterPart p => $"{{{p.Name}}}",
                    _ => "",
                });
            }
        }
        return text.Length == 0 ? "/" : text.ToString();
    }
}
