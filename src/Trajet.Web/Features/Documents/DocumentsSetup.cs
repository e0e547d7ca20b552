using Trajet.Web.Infrastructure;

namespace Trajet.Web.Features.Documents;

public static class DocumentsSetup
{
    /// <summary>The file store and the validity rules, from <c>Documents:Path</c>, <c>Documents:MaxFileBytes</c> and <c>Documents:ValidityMonths:&lt;type&gt;</c>.</summary>
    public static IServiceCollection AddTrajetDocuments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<DocumentStore>();
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
}
