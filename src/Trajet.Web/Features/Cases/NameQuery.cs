using System.Globalization;
using System.Text.RegularExpressions;

namespace Trajet.Web.Features.Cases;

/// <summary>
/// What a user typed into the case search, read as a person: name words, each to be found by its sound-alike keys
/// (<see cref="NameMatcher.WordKeys"/>) or a key one letter away, and a year of birth ("Diallo 1987", "Jallo 12/03/1987")
/// that tells apart people of the same name. Pure: ranks the people the keys found.
/// </summary>
public sealed partial class NameQuery
{
    /// <summary>One name word: its spelling, its own key, the keys of its readings, and the keys one letter from its own.</summary>
    public sealed record Word(string Spelling, string Key, IReadOnlySet<string> Keys, IReadOnlySet<string> Near)
    {
        public IEnumerable<string> AllKeys => Keys.Concat(Near);
    }

    public IReadOnlyList<Word> Words { get; }

    public int? BirthYear { get; }

    /// <summary>The typed text without the birth date, normalised (<see cref="NameKey.Normalize"/>): a substring of a name.</summary>
    public string Text { get; }

    private NameQuery(IReadOnlyList<Word> words, int? birthYear, string text) => (Words, BirthYear, Text) = (words, birthYear, text);

    // Articles and patronymic particles: found inside the stored keys of a name written on (Elamrani), never required.
    private static readonly HashSet<string> Particles = ["al", "el", "ben", "bin", "ibn", "abu", "ould", "da", "de", "del", "di", "du", "la", "le", "van", "von", "der"];

    public const int MaxWords = 6;
    private const int MaxKeyWithNeighbours = 20;

    // The letters a key is made of after folding (NameMatcher.Key), and the two a key can only start with.
    private const string Consonants = "fhklmnprstv";
    private const string Starts = "ay";

    public static NameQuery Parse(string? text)
    {
        int? year = null;
        var words = new List<Word>();
        var rest = new List<string>();
        foreach (var token in (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (BirthYearOf(token) is { } y)
            {
                year = y;
                continue;
            }
            rest.Add(token);
            // A person's names are a handful of words: the rest of a long text would only lengthen the query.
            if (words.Count == MaxWords)
            {
                continue;
            }
            // A hyphenated or apostrophised token is one name (Fatima-Zahra, N'Diaye): found under its joined key.
            var spelling = NameKey.Normalize(string.Concat(NameMatcher.Words(token)));
            var key = NameMatcher.Key(spelling);
            if (key.Length == 0)
            {
                continue;
            }
            var keys = NameMatcher.WordKeys(spelling);
            // Keys of one or two letters stand for too many names to have neighbours, or to be one; a key longer than any
            // name's would only cost neighbours that match nobody.
            var near = key.Length is >= 3 and <= MaxKeyWithNeighbours
                ? OneLetterAway(key).Where(k => k.Length >= 3 && !keys.Contains(k)).ToHashSet(StringComparer.Ordinal)
                : [];
            words.Add(new Word(spelling, key, keys, near));
        }
        if (words.Any(w => !Particles.Contains(w.Spelling)))
        {
            words.RemoveAll(w => Particles.Contains(w.Spelling));
        }
        return words.Count > 0
            ? new NameQuery(words, year, NameKey.Normalize(string.Join(' ', rest)))
            : new NameQuery([], null, NameKey.Normalize(text));
    }

    /// <summary>
    /// How well a person found by the keys matches: per word, 4 for the same spelling, 3 for the word's own key,
    /// 2 for another reading, 1 for a key one letter away, 0 when the word is not in the person's names.
    /// </summary>
    public int Score(string firstName, string lastName, string aliases)
    {
        var spellings = NameKey.Normalize($"{firstName} {lastName} {aliases}").Split([' ', '\n', '\''], StringSplitOptions.RemoveEmptyEntries)
            .Concat([NameKey.Normalize(firstName).Replace(" ", "", StringComparison.Ordinal), NameKey.Normalize(lastName).Replace(" ", "", StringComparison.Ordinal)])
            .ToHashSet(StringComparer.Ordinal);
        if (Words.All(w => spellings.Contains(w.Spelling)))
        {
            return 4 * Words.Count; // every word spelled as typed: the name's keys cannot add to that
        }
        var keys = NameMatcher.StoredKeys(firstName, lastName, aliases, ReadingsOf);
        return Words.Sum(w =>
            spellings.Contains(w.Spelling) ? 4
            : keys.Contains(w.Key) ? 3
            : keys.Overlaps(w.Keys) ? 2
            : keys.Overlaps(w.Near) ? 1
            : 0);
    }

    // People found together share many names (Mohammed, Diallo): each word's readings are worked out once per search.
    private readonly Dictionary<string, HashSet<string>> readings = new(StringComparer.Ordinal);

    private HashSet<string> ReadingsOf(string word)
    {
        if (!readings.TryGetValue(word, out var keys))
        {
            readings[word] = keys = NameMatcher.WordKeys(word);
        }
        return keys;
    }

    /// <summary>
    /// Every key one deletion, substitution or insertion away (Hovannes, Hovhannes; Sergei, Serhii; Raizuow, Raizuov). The
    /// first letter is only replaced, never dropped or preceded: the readings already drop an initial vowel or h, and a
    /// letter put before a key would make the commonest names neighbours (Ahmed of Hamid). In a key of three letters, the
    /// first is replaced only by a close sound (<see cref="CloseSounds"/>): any other would make Goitom (ktm) a neighbour of
    /// every Fatima (ftm).
    /// </summary>
    public static IEnumerable<string> OneLetterAway(string key)
    {
        for (var i = 0; i < key.Length; i++)
        {
            if (i > 0)
            {
                yield return key.Remove(i, 1);
            }
            foreach (var c in i == 0 ? Consonants + Starts : Consonants)
            {
                if (c != key[i] && (i > 0 || key.Length > 3 || Close(c, key[0])))
                {
                    yield return string.Concat(key.AsSpan(0, i), [c], key.AsSpan(i + 1));
                }
            }
        }
        for (var i = 1; i <= key.Length; i++)
        {
            foreach (var c in i == 0 ? Consonants + Starts : Consonants)
            {
                yield return key.Insert(i, c.ToString());
            }
        }
    }

    // Sounds one alphabet writes for another's: Mykola, Nikolay; Halyna, Galina; Gaber, Jaber (Egyptian g for j).
    private static readonly string[] CloseSounds = ["mn", "fpv", "hk", "ky", "lr", "ay"];

    private static bool Close(char a, char b) => CloseSounds.Any(s => s.Contains(a) && s.Contains(b));

    private static int? BirthYearOf(string token)
    {
        var match = BirthDate().Match(token);
        if (!match.Success)
        {
            return null;
        }
        return int.TryParse(match.Groups["y"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2100 ? year : null;
    }

    // 1987, 12/03/1987, 12.03.1987, 1987-03-12.
    [GeneratedRegex(@"^(?:(?<y>[0-9]{4})|[0-9]{1,2}[./][0-9]{1,2}[./](?<y>[0-9]{4})|(?<y>[0-9]{4})-[0-9]{1,2}-[0-9]{1,2})$")]
    private static partial Regex BirthDate();
}
