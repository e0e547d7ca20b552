using System.Text;

namespace Trajet.Web.Features.Cases;

/// <summary>
/// Finds the same person under another spelling. Each name word gets a sound-alike key: its
/// consonant skeleton with transliteration variants folded together, so that Mohammed, Muhammad,
/// Mohamad and Mehmet share "mhmt", Youssef and Jusuf share "ysf", Petrosyan and Petrossian "ptrsn".
/// Pure: no database; the keys are stored in <see cref="PersonNameKey"/> and compared by equality.
/// </summary>
public static class NameMatcher
{
    /// <summary>Changes whenever <see cref="Key"/> would give a stored name another key: the stored keys are then computed again at start-up.</summary>
    public const int Version = 2;

    private static readonly (string From, string To)[] Folds =
    [
        ("q", "k"), ("tsch", "s"), ("sch", "s"), ("tch", "s"), ("ch", "s"), ("sh", "s"), ("dzh", "j"), ("zh", "j"), ("dj", "j"),
        ("kh", "h"), ("gh", "g"), ("ph", "f"), ("th", "t"), ("dh", "t"), ("ck", "k"), ("x", "ks"),
        ("w", "v"), ("z", "s"), ("d", "t"), ("b", "p"),
    ];

    /// <summary>The sound-alike key of one name word ("" for a word without letters).</summary>
    public static string Key(string word)
    {
        var letters = new string(NameKey.Normalize(word).Where(char.IsAsciiLetterLower).ToArray());
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

    /// <summary>Every key of a person: first and last names and aliases, each word on its own.</summary>
    public static HashSet<string> Keys(string? firstName, string? lastName, string? aliases = null) =>
        Words($"{firstName} {lastName} {aliases}").Select(Key).Where(k => k.Length > 0).ToHashSet(StringComparer.Ordinal);

    public static IEnumerable<string> Words(string? text) =>
        (text ?? "").Split([' ', '\n', '\r', '\t', ',', '-', '\'', '’'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public sealed record Person(string FirstName, string LastName, string Aliases, DateOnly? BirthDate, int? EstimatedAge);

    /// <summary>
    /// Whether a known person may be the one being added: the new first and last names both match
    /// (in either order, aliases included) and the birth dates are compatible.
    /// </summary>
    public static bool MayBeSamePerson(Person added, Person known, DateOnly today)
    {
        var knownKeys = Keys(known.FirstName, known.LastName, known.Aliases);
        var first = Words(added.FirstName).Select(Key).Where(k => k.Length > 0).ToList();
        var last = Words(added.LastName).Select(Key).Where(k => k.Length > 0).ToList();
        var namesMatch = first.Count > 0 && last.Count > 0 && first.Any(knownKeys.Contains) && last.Any(knownKeys.Contains);
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
