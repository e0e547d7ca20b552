using Microsoft.AspNetCore.Mvc.Filters;

namespace Trajet.Web.Infrastructure;

/// <summary>
/// A request that matches none of a page's handlers is a 400: Razor Pages would otherwise render the page without
/// running any handler, and a page whose model was never loaded fails with a 500.
/// </summary>
public sealed class RequireHandler : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var method = context.HttpContext.Request.Method;
        var reads = HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
        // A page without any GET handler (a static page) is still rendered for a plain GET.
        if (context.HandlerMethod is null
            && (!reads || context.ActionDescriptor.HandlerMethods.Any(h => string.Equals(h.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase))))
        {
            context.Result = new BadRequestResult();
            return;
        }
        await next();
    }
}
