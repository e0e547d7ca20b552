using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.OpenApi;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

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
            o.SerializerOptions.Converters.Add(new NullIsFalse());
        });
        // Bad bodies throw so that ApiExceptionHandler can name the field in a 400 problem.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        // A nested type is named with its parent (RecordLegalEvent.Input → RecordLegalEventInput): by its own name alone,
        // every "Input" or "Body" would share one schema and describe each other's endpoints.
        services.AddOpenApi(o => o.CreateSchemaReferenceId = type =>
            OpenApiOptions.CreateDefaultSchemaReferenceId(type) is { } id && type.Type.DeclaringType is { } parent ? parent.Name + id : OpenApiOptions.CreateDefaultSchemaReferenceId(type));
        services.AddTrajetProblems();
        return services;
    }
}

/// <summary>A JSON null for a yes/no field is "no", as the API read it when those fields were nullable.</summary>
internal sealed class NullIsFalse : JsonConverter<bool>
{
    public override bool HandleNull => true;

    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False or JsonTokenType.Null => false,
        _ => throw new JsonException(),
    };

    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteBooleanValue(value);
}
