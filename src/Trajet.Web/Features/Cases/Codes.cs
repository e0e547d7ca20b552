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

    /// <summary>
    /// The country's English name with its code ("Armenia (AM)"): the platform's localized names on
    /// Linux come out in the country's own language, which workers may not read.
    /// </summary>
    public static string CountryName(string code) =>
        code is { Length: 2 } && Countries.Contains(code) ? $"{new RegionInfo(code).EnglishName} ({code})" : code;

    /// <summary>A nationality for a reader: the country's name, or "stateless" and "unknown" in the reader's words.</summary>
    public static string CountryLabel(IStringLocalizer l, string code) => code switch
    {
        Stateless => l["Stateless"],
        Unknown => l["Unknown"],
        _ => CountryName(code),
    };
}
