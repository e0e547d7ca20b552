using System.Collections.Concurrent;
using System.Globalization;

namespace Trajet.Web.Features.Cases;

/// <summary>
/// ISO code lists and their names in the reader's language, from the platform's own culture data (ICU), so no
/// list is kept by hand. Forms and pages show names; the API and the database keep the codes.
/// </summary>
public static class Codes
{
    public const string Stateless = "stateless";
    public const string Unknown = "unknown";

    /// <summary>The languages at the top of every language list: the country's, English and Arabic.</summary>
    public static readonly IReadOnlyList<string> Everyday = ["fr", "nl", "en", "ar"];

    /// <summary>Each country code with one culture of that country (the shortest name: "ar-MA").</summary>
    private static readonly Dictionary<string, string> CultureOfCountry = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(c => (Culture: c.Name, Region: RegionOf(c.Name)))
        .Where(x => x.Region is { Length: 2 } r && r.All(char.IsAsciiLetterUpper))
        .GroupBy(x => x.Region!, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Select(x => x.Culture).OrderBy(n => n.Length).ThenBy(n => n, StringComparer.Ordinal).First(), StringComparer.Ordinal);

    private static readonly HashSet<string> LanguageCodes = CultureInfo.GetCultures(CultureTypes.NeutralCultures)
        .Select(c => c.TwoLetterISOLanguageName)
        .Where(l => l.Length == 2)
        .ToHashSet(StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<(string Ui, string Code), string> Names = new();

    public static bool IsNationality(string? value) =>
        value is Stateless or Unknown || (value is { Length: 2 } && CultureOfCountry.ContainsKey(value));

    public static bool IsLanguage(string? value) => value is { Length: 2 } && LanguageCodes.Contains(value);

    /// <summary>
    /// The country's name in the reader's language ("Maroc", "Marokko", "Morocco"). ICU names a country in its own
    /// language on its own (RegionInfo.DisplayName), but in the reader's inside a culture's name: "arabe (Maroc)".
    /// </summary>
    public static string CountryName(string code) =>
        code is { Length: 2 } && CultureOfCountry.TryGetValue(code, out var culture)
            ? Names.GetOrAdd((CultureInfo.CurrentUICulture.Name, code), _ => RegionPart(new CultureInfo(culture).DisplayName) ?? new RegionInfo(code).EnglishName)
            : code;

    /// <summary>A nationality for a reader: the country's name, or "stateless" and "unknown" in the reader's words.</summary>
    public static string CountryLabel(IStringLocalizer l, string code) => code switch
    {
        Stateless => l["Stateless"],
        Unknown => l["Unknown"],
        _ => CountryName(code),
    };

    /// <summary>The language's name in the reader's language ("arabe", "Arabisch", "Arabic").</summary>
    public static string LanguageName(string code) =>
        IsLanguage(code) ? Names.GetOrAdd((CultureInfo.CurrentUICulture.Name, "lang:" + code), _ => new CultureInfo(code).DisplayName) : code;

    /// <summary>Every country, sorted by its name in the reader's language, for a list to choose from.</summary>
    public static IReadOnlyList<(string Code, string Name)> CountriesByName() => ByName(CultureOfCountry.Keys, CountryName);

    /// <summary>Every language with a two-letter code, sorted by its name in the reader's language.</summary>
    public static IReadOnlyList<(string Code, string Name)> LanguagesByName() => ByName(LanguageCodes, LanguageName);

    private static List<(string Code, string Name)> ByName(IEnumerable<string> codes, Func<string, string> name) =>
        codes.Select(c => (Code: c, Name: name(c))).OrderBy(x => x.Name, StringComparer.Create(CultureInfo.CurrentUICulture, ignoreCase: true)).ToList();

    /// <summary>"Congo - Kinshasa" out of "lingala (Congo - Kinshasa)", "Serbie" out of "serbe (cyrillique, Serbie)".</summary>
    private static string? RegionPart(string displayName)
    {
        var open = displayName.LastIndexOf('(');
        return open < 0 || !displayName.EndsWith(')') ? null : displayName[(open + 1)..^1].Split(", ")[^1];
    }

    private static string? RegionOf(string culture)
    {
        try
        {
            return new RegionInfo(culture).TwoLetterISORegionName;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}

/// <summary>A country or nationality list as a form shows it: the frequent ones first, then every country by name.</summary>
public sealed record CountryChoice(string? Selected, IReadOnlyList<string> Frequent, bool Nationality = true);

/// <summary>A language list (one language or several), the frequent ones first.</summary>
public sealed record LanguageChoice(IReadOnlyCollection<string> Selected, IReadOnlyList<string> Frequent)
{
    public static LanguageChoice One(string? selected, IEnumerable<string>? frequent = null) =>
        new(selected is null ? [] : [selected], [.. (frequent ?? []).Union(Codes.Everyday)]);

    public static LanguageChoice Several(IEnumerable<string> selected) => new([.. selected], Codes.Everyday);
}
