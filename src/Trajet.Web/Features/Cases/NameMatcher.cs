using System.Text;
using System.Text.RegularExpressions;

namespace Trajet.Web.Features.Cases;

/// <summary>
/// Finds the same person under another spelling. Each name word gets a sound-alike key: its
/// consonant skeleton with transliteration variants folded together, so that Mohammed, Muhammad,
/// Mohamad and Mehmet share "mhmt", Youssef and Jusuf share "ysf", Petrosyan and Petrossian "ptrsn".
/// Pure: no database; the keys are stored in <see cref="PersonNameKey"/> and compared by equality.
/// </summary>
public static partial class NameMatcher
{
    /// <summary>Changes whenever <see cref="Key"/> would give a stored name another key: the stored keys are then computed again at start-up.</summary>
    public const int Version = 3;

    private static readonly (string From, string To)[] Folds =
    [
        ("q", "k"), ("tsch", "s"), ("sch", "s"), ("tch", "s"), ("ch", "s"), ("sh", "s"), ("dzh", "j"), ("zh", "j"), ("dj", "j"),
        ("kh", "h"), ("gh", "g"), ("ph", "f"), ("th", "t"), ("dh", "t"), ("ck", "k"), ("x", "ks"),
        ("w", "v"), ("z", "s"), ("d", "t"), ("b", "p"), ("g", "k"),
    ];

    /// <summary>The sound-alike key of one name word ("" for a word without letters).</summary>
    public static string Key(string word) => KeyOfLetters(Letters(word));

    // The key of a word already reduced to its lower-case ASCII letters (Letters), as its readings are.
    private static string KeyOfLetters(string letters)
    {
        if (letters.Length == 0)
        {
            return "";
        }
        letters = Collapse(letters);
        var folded = new StringBuilder(letters);
        foreach (var (from, to) in Folds)
        {
            folded.Replace(from, to);
        }
        // j is y in most transliterations (Jusuf, Yusuf; Djawad, Jawad; Tatjana, Tatiana; Bojko, Boiko): a vowel
        // like y, except at the start of the word.
        folded.Replace('j', 'y');
        var text = SoftC(folded.ToString());
        if (text.Length > 1 && text[^1] == 'h')
        {
            text = text[..^1]; // Sarah, Sara
        }

        var key = new StringBuilder(text.Length);
        key.Append(IsVowel(text[0]) && text[0] != 'y' ? 'a' : text[0]); // Oleksandr and Alexander start alike
        foreach (var c in text.AsSpan(1))
        {
            if (!IsVowel(c))
            {
                key.Append(c);
            }
        }
        return Collapse(key.ToString());
    }

    /// <summary>The key of each word of a person's first and last names and aliases (no other readings).</summary>
    public static HashSet<string> Keys(string? firstName, string? lastName, string? aliases = null) =>
        Words($"{firstName} {lastName} {aliases}").Select(Key).Where(k => k.Length > 0).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The keys a person is found under: every reading (<see cref="WordKeys"/>) of each word of the first and last names
    /// and of each alias, and of each two neighbouring words of one name written as one (Fatima-Zahra, Fatimazahra;
    /// El Amrani, Elamrani).
    /// </summary>
    public static HashSet<string> StoredKeys(string? firstName, string? lastName, string? aliases = null) =>
        StoredKeys(firstName, lastName, aliases, WordKeys);

    /// <summary><see cref="StoredKeys(string?, string?, string?)"/> with the readings of a word from <paramref name="wordKeys"/> (e.g. remembered).</summary>
    public static HashSet<string> StoredKeys(string? firstName, string? lastName, string? aliases, Func<string, HashSet<string>> wordKeys)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in new[] { firstName, lastName }.Concat((aliases ?? "").Split('\n')))
        {
            var words = Words(name).ToList();
            for (var i = 0; i < words.Count; i++)
            {
                keys.UnionWith(wordKeys(words[i]));
                if (i > 0)
                {
                    keys.UnionWith(wordKeys(words[i - 1] + words[i]));
                }
            }
        }
        return keys;
    }

    /// <summary>
    /// The key of a word and of its other readings, where one spelling stands for several sounds: an initial h, y or
    /// vowel that other alphabets drop (Hakob, Akop; Yelena, Elena; Ekaterina, Katerina), ch as sh, kh or k (Chaled,
    /// Khaled; Christian), x as kh (Somali Maxamed, Xasan), th as s (Othman, Osman), Somali c for the sound that others
    /// drop (Cumar, Omar; Jaamac, Jama), French di for j (Diallo, Jallo), and a name with its article or patronymic written on (Elamrani, Amrani; Benali, Ali).
    /// Other readings count only when their key has two letters or more.
    /// </summary>
    public static HashSet<string> WordKeys(string word)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var letters = Letters(word);
        var key = KeyOfLetters(letters);
        if (key.Length == 0)
        {
            return keys;
        }
        keys.Add(key);
        foreach (var reading in Readings(letters))
        {
            if (KeyOfLetters(reading) is { Length: >= 2 } other)
            {
                keys.Add(other);
            }
        }
        return keys;
    }

    private static readonly string[] Prefixes = ["al", "el", "ben", "bin", "ibn", "abu", "ould"];

    private static IEnumerable<string> Readings(string letters)
    {
        if (letters.Length < 3)
        {
            yield break;
        }
        if (letters[0] is 'h' or 'y' or 'j' && IsVowel(letters[1]))
        {
            yield return letters[1..];
        }
        if (IsVowel(letters[0]) && !IsVowel(letters[1]) && letters.Length >= 4)
        {
            yield return letters[1..];
        }
        if (letters[0] == 'c' && letters[1] is not ('e' or 'i' or 'y' or 'h'))
        {
            yield return letters[1..];
        }
        if (letters[^1] == 'c' && IsVowel(letters[^2]))
        {
            yield return letters[..^1];
        }
        if (SoftCh().IsMatch(letters))
        {
            yield return SoftCh().Replace(letters, "kh");
            yield return SoftCh().Replace(letters, "k");
        }
        if (FrenchDj().IsMatch(letters))
        {
            yield return FrenchDj().Replace(letters, "dj");
        }
        if (letters.Contains('x'))
        {
            yield return letters.Replace('x', 'h');
        }
        if (letters.Contains("th", StringComparison.Ordinal))
        {
            yield return letters.Replace("th", "s", StringComparison.Ordinal);
        }
        foreach (var prefix in Prefixes)
        {
            if (letters.Length >= prefix.Length + 3 && letters.StartsWith(prefix, StringComparison.Ordinal))
            {
                yield return letters[prefix.Length..];
            }
        }
    }

    // di before a vowel, as French writes dj (Diallo, Djallo, Jallo; Dienabou, Jenabu).
    [GeneratedRegex("di(?=[aeou])")]
    private static partial Regex FrenchDj();

    // ch that is not part of sch or tch (German and French spellings of sh).
    [GeneratedRegex("(?<![st])ch")]
    private static partial Regex SoftCh();

    private static string Letters(string word) => new(NameKey.Normalize(word).Where(char.IsAsciiLetterLower).ToArray());

    public static IEnumerable<string> Words(string? text) =>
        (text ?? "").Split([' ', '\n', '\r', '\t', ',', '-', '\'', '’'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public sealed record Person(string FirstName, string LastName, string Aliases, DateOnly? BirthDate, int? EstimatedAge);

    /// <summary>
    /// Whether a known person may be the one being added: the new first and last names both match
    /// (in either order, aliases included) and the birth dates are compatible.
    /// </summary>
    public static bool MayBeSamePerson(Person added, Person known, DateOnly today)
    {
        var knownKeys = StoredKeys(known.FirstName, known.LastName, known.Aliases);
        var first = Words(added.FirstName).Select(WordKeys).Where(k => k.Count > 0).ToList();
        var last = Words(added.LastName).Select(WordKeys).Where(k => k.Count > 0).ToList();
        var namesMatch = first.Count > 0 && last.Count > 0 && first.Any(knownKeys.Overlaps) && last.Any(knownKeys.Overlaps);
        return namesMatch && BirthCompatible(added, known, today);
    }

    /// <summary>Same year give or take one, or day and month swapped; estimated ages within three years; unknown is compatible.</summary>
    public static bool BirthCompatible(Person a, Person b, DateOnly today)
    {
        if (a.BirthDate is { } x && b.BirthDate is { } y)
        {
            var swapped = x.Day <= 12 && x.Year == y.Year && x.Month == y.Day && x.Day == y.Month;
            return swapped || Math.Abs(x.DayNumber - y.DayNumber) <= 366;
        }
        var ageA = MemberRules.AgeOn(a.BirthDate, a.EstimatedAge, today);
        var ageB = MemberRules.AgeOn(b.BirthDate, b.EstimatedAge, today);
        return ageA is null || ageB is null || Math.Abs(ageA.Value - ageB.Value) <= 3;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    // c is s before e, i, y and k elsewhere (Cécile, Carim).
    private static string SoftC(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] == 'c')
            {
                chars[i] = i + 1 < chars.Length && chars[i + 1] is 'e' or 'i' or 'y' ? 's' : 'k';
            }
        }
        return new string(chars);
    }

    private static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (builder.Length == 0 || builder[^1] != c)
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }
}
