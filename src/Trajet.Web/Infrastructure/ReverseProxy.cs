using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Trajet.Web.Infrastructure;

/// <summary>
/// Behind nginx (docs/operations.md) the client's address and scheme come from <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c>, believed only from a proxy on this machine or one listed in <c>ReverseProxy:KnownProxies</c>:
/// otherwise every client would share the proxy's sign-in limit, and any client could claim any address.
/// </summary>
public static class ReverseProxy
{
    public static IServiceCollection AddTrajetReverseProxy(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = 1; // the address the nearest proxy saw; anything the client wrote before it is not believed
            foreach (var proxy in configuration.GetSection("ReverseProxy:KnownProxies").Get<string[]>() ?? [])
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });

    public static IApplicationBuilder UseTrajetReverseProxy(this IApplicationBuilder app) => app.UseForwardedHeaders();
}
