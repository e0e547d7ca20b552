using System.Globalization;
using System.Text;

namespace Trajet.Web.Features.Cases;

/// <summary>Search form of a name: lower case, no accents, single spaces ("Ségolène  N'Diaye" → "segolene n'diaye").</summary>
public static class NameKey
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        var decomposed = text.Trim().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var lastWasSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            var isSpace = char.IsWhiteSpace(c) || c == '-';
            if (isSpace && lastWasSpace)
            {
                continue;
            }
            builder.Append(isSpace ? ' ' : char.ToLowerInvariant(c));
            lastWasSpace = isSpace;
        }
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Both orders of the names, so a search by "last first" or "first last" finds the person.</summary>
    public static string ForPerson(string firstName, string lastName) =>
        $"{Normalize(firstName)} {Normalize(lastName)} | {Normalize(lastName)} {Normalize(firstName)}";
}
