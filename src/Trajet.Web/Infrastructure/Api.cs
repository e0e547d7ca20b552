using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
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
        });
        // Bad bodies throw so that ApiExceptionHandler can name the field in a 400 problem.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        // A nested type is named with its parent (RecordLegalEvent.Input → RecordLegalEventInput): by its own name alone,
        // every "Input" or "Body" would share one schema and describe each other's endpoints.
        services.AddOpenApi(o => o.CreateSchemaReferenceId = type =>
            OpenApiOptions.CreateDefaultSchemaReferenceId(type) is { } id && type.Type.DeclaringType is { } parent ? parent.Name + id : OpenApiOptions.CreateDefaultSchemaReferenceId(type));
        // A value read by a converter of ours has no type in the generated schema: say what it is on the wire.
        services.Configure<OpenApiOptions>("v1", o => o.AddSchemaTransformer((schema, context, _) =>
        {
            var property = context.JsonPropertyInfo;
            if (property?.CustomConverter is NullIsFalse)
            {
                schema.Type = JsonSchemaType.Boolean | JsonSchemaType.Null;
            }
            else if (property?.CustomConverter is TimeOfDayJson)
            {
                // "09:30", not the RFC 3339 time that format "time" would promise.
                (schema.Type, schema.Format) = (JsonSchemaType.String | JsonSchemaType.Null, null);
            }
            else if (property?.AttributeProvider?.IsDefined(typeof(NullIsEmptyAttribute), false) == true)
            {
                schema.Type |= JsonSchemaType.Null;
            }
            return Task.CompletedTask;
        }));
        services.AddTrajetProblems();
        return services;
    }
}

/// <summary>A JSON null for a yes/no field of an input is "no", as the API read it when those fields were nullable.</summary>
public sealed class NullIsFalse : JsonConverter<bool>
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

/// <summary>Marks a list of an input whose setter reads a JSON null as an empty list, so that the API document says null is accepted.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NullIsEmptyAttribute : Attribute;
