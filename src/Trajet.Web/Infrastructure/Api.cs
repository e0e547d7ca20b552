using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;

namespace Trajet.Web.Infrastructure;

public static class Api
{
    public static readonly JsonNamingPolicy EnumNaming = JsonNamingPolicy.KebabCaseLower;

    /// <summary>JSON as API.md fixes it: camelCase, enums as kebab-case strings; OpenAPI; problems.</summary>
    public static IServiceCollection AddTrajetApi(this IServiceCollection services)
    {
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(EnumNaming, allowIntegerValues: false));
        });
        // Bad bodies throw so that ApiExceptionHandler can name the field in a 400 problem.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOpenApi();
        services.AddTrajetProblems();
        return services;
    }
}
