using System.Globalization;

namespace Trajet.Web.Features.Cases;

/// <summary>ISO code lists from the platform's own culture data (ICU), so no list is kept by hand.</summary>
public static class Codes
{
    public const string Stateless = "stateless";
    public const string Unknown = "unknown";

    private static readonly HashSet<string> Countries = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(c => { try { return new RegionInfo(c.Name).TwoLetterISORegionName; } catch (ArgumentException) { return null; } })
        .Where(r => r is { Length: 2 } && r.All(char.IsAsciiLetterUpper))
        .Select(r => r!)
        .ToHashSet(StringComparer.Ordinal);

    private static readonly HashSet<string> LanguageCodes = CultureInfo.GetCultures(CultureTypes.NeutralCultures)
        .Select(c => c.TwoLetterISOLanguageName)
        .Where(l => l.Length == 2)
        .ToHashSet(StringComparer.Ordinal);

    public static bool IsNationality(string? value) =>
        value is Stateless or Unknown || (value is { Length: 2 } && Countries.Contains(value));

    public static bool IsLanguage(string? value) => value is { Length: 2 } && LanguageCodes.Contains(value);

    /// <summary>The country's name in the current UI language, or the code itself.</summary>
    public static string CountryName(string code) =>
        code is { Length: 2 } && Countries.Contains(code) ? new RegionInfo(code).DisplayName : code;
}
