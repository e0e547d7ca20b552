using System.Collections.Frozen;
using System.Globalization;
using System.Resources;

namespace Trajet.Web.Features.Imports;

/// <summary>
/// Reads what people type in a spreadsheet: dates in two orders, countries and languages by code or by name in French,
/// Dutch or English, choices (kind, status, role, gender…) by code or by their label in the three languages, yes and
/// no. Pure: no database; null when the text says nothing the column can hold.
/// </summary>
public static class ImportValues
{
    // Declared first: the tables below are built from it when the class is first used.
    private static readonly (string Word, string Code)[] CommonNames =
    [
        ("rd congo", "CD"), ("rdc", "CD"), ("drc", "CD"), ("dr congo", "CD"), ("congo-kinshasa", "CD"), ("congo kinshasa", "CD"),
        ("république démocratique du congo", "CD"), ("democratic republic of the congo", "CD"), ("democratische republiek congo", "CD"),
        ("congo-brazzaville", "CG"), ("congo brazzaville", "CG"), ("palestine", "PS"), ("palestina", "PS"), ("uk", "GB"),
        ("usa", "US"), ("türkiye", "TR"),
    ];

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d/M/yyyy", "d-M-yyyy", "d.M.yyyy", "yyyy/M/d"];

    /// <summary>2024-03-31, 31/03/2024 (also 31-03-2024 and 31.03.2024), or a spreadsheet's day number (XLSX dates).</summary>
    public static DateOnly? Date(string text)
    {
        text = text.Trim();
        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        // An XLSX date cell holds the days since 1899-12-30 (a time of day may follow the point); from 1908 on, so that a
        // year typed alone (2024) is not read as a day of 1905.
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is >= 3000 and < 2958466)
        {
            return DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial)));
        }
        return null;
    }

    public static int? Number(string text) =>
        int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n
        // A spreadsheet may store 1987 as 1987.0.
        : double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == Math.Floor(d) && Math.Abs(d) < int.MaxValue ? (int)d
        : null;

    /// <summary>The nationality's code: MA, Maroc, Marokko, Morocco, MAR; stateless, apatride, staatloos; unknown.</summary>
    public static string? Nationality(string text) => CountryCodes.GetValueOrDefault(ImportColumns.Simplify(text));

    /// <summary>A language's ISO 639-1 code from its code or its name in French, Dutch or English (arabe, Arabisch, Arabic).</summary>
    public static string? Language(string text) => LanguageCodes.GetValueOrDefault(ImportColumns.Simplify(text));

    /// <summary>A choice by its code (family, ever-had-legal-stay), its name, or its label in French, Dutch or English.</summary>
    public static T? Choice<T>(string text) where T : struct, Enum =>
        ChoiceTable<T>.Values.TryGetValue(ImportColumns.Simplify(text), out var value) ? value : null;

    /// <summary>yes/no in the three languages (oui, ja, x, 1…); null for "don't know" or anything else.</summary>
    public static bool? YesNo(string text) => ImportColumns.Simplify(text) switch
    {
        "yes" or "y" or "oui" or "o" or "ja" or "j" or "true" or "vrai" or "waar" or "1" or "x" => true,
        "no" or "n" or "non" or "nee" or "false" or "faux" or "onwaar" or "0" => false,
        _ => null,
    };

    /// <summary>Whether the text is one of the words <see cref="YesNo"/> reads, or a "don't know".</summary>
    public static bool IsYesNo(string text) =>
        YesNo(text) is not null || ImportColumns.Simplify(text) is "dont-know" or "don't know" or "ne sait pas" or "weet niet" or "?";

    /// <summary>The parts of a cell holding several values (the languages): a|b, also a, b or a; b or a/b.</summary>
    public static IEnumerable<string> Several(string text) =>
        text.Split(['|', ',', ';', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static readonly CultureInfo[] Readers = [.. Localization.Cultures.Select(CultureInfo.GetCultureInfo)];

    private static readonly ResourceManager Labels = new("Trajet.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    // Other words people use for a choice, beside its code and its labels.
    private static readonly Dictionary<Enum, string[]> Synonyms = new()
    {
        [CaseKind.Family] = ["household", "menage", "huishouden", "famille"],
        [CaseKind.Individual] = ["individu", "single", "seul", "alleenstaand", "persoon", "person", "personne"],
        [MemberRole.Parent] = ["mother", "father", "mere", "pere", "moeder", "vader", "adult", "adulte", "volwassene"],
        [MemberRole.Child] = ["son", "daughter", "fils", "fille", "zoon", "dochter", "minor", "mineur", "minderjarige"],
        [Gender.Female] = ["f", "v", "woman", "girl", "femme", "fille", "vrouw", "meisje", "vrouwelijk", "feminin"],
        [Gender.Male] = ["m", "h", "man", "boy", "homme", "garcon", "jongen", "mannelijk", "masculin"],
        [Gender.Other] = ["x", "autre", "ander", "andere"],
        [Gender.Unknown] = ["?", "inconnu", "onbekend"],
        [ReferralSource.Self] = ["self-referral", "lui-meme", "elle-meme", "spontane", "zelfmelding"],
    };

    private static class ChoiceTable<T> where T : struct, Enum
    {
        public static readonly FrozenDictionary<string, T> Values = Build();

        private static FrozenDictionary<string, T> Build()
        {
            var values = new Dictionary<string, T>(StringComparer.Ordinal);
            foreach (var value in Enum.GetValues<T>())
            {
                var words = new List<string> { value.ToKebab(), value.ToString() };
                words.AddRange(Readers.Select(c => Labels.GetString(value.ToString(), c)).OfType<string>());
                words.AddRange(Synonyms.GetValueOrDefault(value) ?? []);
                foreach (var word in words)
                {
                    values.TryAdd(ImportColumns.Simplify(word), value);
                }
            }
            return values.ToFrozenDictionary(StringComparer.Ordinal);
        }
    }

    private static readonly FrozenDictionary<string, string> CountryCodes = BuildCountries();

    private static readonly FrozenDictionary<string, string> LanguageCodes = BuildLanguages();

    private static FrozenDictionary<string, string> BuildCountries()
    {
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var word in new[] { Codes.Stateless, "apatride", "staatloos", "stateless person" })
        {
            codes[word] = Codes.Stateless;
        }
        foreach (var word in new[] { Codes.Unknown, "inconnu", "inconnue", "onbekend", "?" })
        {
            codes[word] = Codes.Unknown;
        }
        // What people write where the official names differ (ICU says "Congo - Kinshasa", "Territoires palestiniens").
        foreach (var (word, code) in CommonNames)
        {
            codes[ImportColumns.Simplify(word)] = code;
        }
        var countries = Codes.CountriesByName().Select(c => c.Code).ToList();
        foreach (var code in countries)
        {
            codes.TryAdd(code.ToLowerInvariant(), code);
        }
        foreach (var code in countries)
        {
            foreach (var name in InEachReader(() => Codes.CountryName(code)))
            {
                codes.TryAdd(ImportColumns.Simplify(name), code);
            }
            if (Region(code) is { } region)
            {
                codes.TryAdd(ImportColumns.Simplify(region.EnglishName), code);
                codes.TryAdd(region.ThreeLetterISORegionName.ToLowerInvariant(), code);
            }
        }
        return codes.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static FrozenDictionary<string, string> BuildLanguages()
    {
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        var languages = Codes.LanguagesByName().Select(l => l.Code).ToList();
        foreach (var code in languages)
        {
            codes.TryAdd(code, code);
        }
        foreach (var code in languages)
        {
            var culture = CultureInfo.GetCultureInfo(code);
            foreach (var name in InEachReader(() => Codes.LanguageName(code)).Append(culture.EnglishName).Append(culture.NativeName))
            {
                codes.TryAdd(ImportColumns.Simplify(name), code);
            }
            codes.TryAdd(culture.ThreeLetterISOLanguageName, code);
        }
        return codes.ToFrozenDictionary(StringComparer.Ordinal);
    }

    // ICU knows a few regions (IC, EA) only inside a culture's name.
    private static RegionInfo? Region(string code)
    {
        try
        {
            return new RegionInfo(code);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    // A name as each reader's language writes it (the code lists name things in the current UI language).
    private static List<string> InEachReader(Func<string> name)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            return Readers.Select(c =>
            {
                CultureInfo.CurrentUICulture = c;
                return name();
            }).ToList();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
