using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Trajet.Web.Infrastructure;

/// <summary>
/// Behind a reverse proxy (deploy/nginx/trajet.conf) the client's address and scheme arrive in <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c>. They are believed only from the proxies in <c>Proxy:KnownProxies</c> (addresses or CIDR
/// ranges, comma-separated; loopback when unset), so that the sign-in limit counts each client rather than the proxy,
/// and HTTPS at the proxy makes the cookies Secure and sends HSTS.
/// </summary>
public static class Proxies
{
    public static IServiceCollection AddTrajetProxies(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The last hop only: what the nearest proxy saw, never what a client wrote in its own header.
            o.ForwardLimit = 1;
            if (configuration["Proxy:KnownProxies"] is { Length: > 0 } known)
            {
                o.KnownProxies.Clear();
                o.KnownIPNetworks.Clear();
                foreach (var entry in known.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (entry.Contains('/', StringComparison.Ordinal))
                    {
                        o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry));
                    }
                    else
                    {
                        o.KnownProxies.Add(IPAddress.Parse(entry));
                    }
                }
            }
        });
}
