using Trajet.Web.Features.Cases;

namespace Trajet.Tests.Features.Cases;

public sealed class NameQueryTests
{
    [Theory]
    [InlineData("Diallo 1987", 1987)]
    [InlineData("Diallo 12/03/1987", 1987)]
    [InlineData("Diallo 12.3.1987", 1987)]
    [InlineData("1987-03-12 Diallo", 1987)]
    [InlineData("Diallo", null)]
    [InlineData("Diallo 0007", null)]
    public void Parse_ReadsTheYearOfBirth(string text, int? year)
    {
        var query = NameQuery.Parse(text);
        Assert.Equal(year, query.BirthYear);
        Assert.Equal(["diallo"], query.Words.Select(w => w.Spelling));
        Assert.Equal(text.Contains("0007", StringComparison.Ordinal) ? "diallo 0007" : "diallo", query.Text);
    }

    [Theory]
    [InlineData("Diallo ١٩٨٧")]  // Arabic-Indic digits
    [InlineData("Diallo １９８７")] // full-width digits
    public void Parse_OtherDigits_AreNoYear(string text) => Assert.Null(NameQuery.Parse(text).BirthYear);

    [Fact]
    public void Parse_LongText_KeepsSixWords_AndNoNeighboursForAnEndlessWord()
    {
        var query = NameQuery.Parse(string.Join(' ', Enumerable.Repeat("Diallo", 50)) + " " + new string('k', 5000) + "rt");
        Assert.Equal(NameQuery.MaxWords, query.Words.Count);
        Assert.Empty(NameQuery.Parse(new string('b', 3000) + "a" + new string('t', 3000)).Words[0].Near);
    }

    [Fact]
    public void Parse_YearAlone_IsNoBirthYear()
    {
        var query = NameQuery.Parse("2026");
        Assert.Null(query.BirthYear);
        Assert.Empty(query.Words);
        Assert.Equal("2026", query.Text);
    }

    [Fact]
    public void Parse_ArticlesAreNotRequired_HyphenatedNamesAreOneWord()
    {
        Assert.Equal(["nabil", "amrani"], NameQuery.Parse("Nabil El Amrani").Words.Select(w => w.Spelling));
        Assert.Equal(["fatimazahra", "ndiaye"], NameQuery.Parse("Fatima-Zahra N'Diaye").Words.Select(w => w.Spelling));
        Assert.Equal(["el"], NameQuery.Parse("El").Words.Select(w => w.Spelling));
    }

    [Fact]
    public void Parse_ShortKeys_HaveNoNeighbours_NorNeighboursShorterThanThree()
    {
        var query = NameQuery.Parse("Ali Hovhannes Alpha");
        Assert.Empty(query.Words[0].Near);
        Assert.DoesNotContain(query.Words[2].Near, k => k.Length < 3); // alf: not al (Ali), lf or af
        Assert.Contains(NameMatcher.Key("Hovannes"), query.Words[1].Near);
        Assert.DoesNotContain(query.Words[1].Key, query.Words[1].Near);
    }

    [Theory]
    [InlineData("hvhns", "hvns")]   // deletion: Hovhannes, Hovannes
    [InlineData("alf", "al")]
    [InlineData("srk", "srh")]      // substitution: Sergei, Serhii
    [InlineData("mkl", "nkl")]      // the first letter too: Mykola, Nikolay
    [InlineData("hsn", "hsnv")]     // insertion
    public void OneLetterAway_Deletes_Substitutes_Inserts(string key, string neighbour) =>
        Assert.Contains(neighbour, NameQuery.OneLetterAway(key));

    [Fact]
    public void OneLetterAway_NeverTheKeyItself_NorTwoLettersOff_NorTheFirstLetterDroppedOrPreceded() =>
        Assert.DoesNotContain(NameQuery.OneLetterAway("hmt"), k => k is "hmt" or "t" or "hmtvn" or "mt" or "ahmt" or "khmt");

    [Fact]
    public void OneLetterAway_ThreeLetters_FirstReplacedOnlyByACloseSound()
    {
        Assert.DoesNotContain(NameQuery.OneLetterAway("ktm"), k => k is "ftm" or "atm" or "stm"); // Goitom: not Fatima
        Assert.Contains("htm", NameQuery.OneLetterAway("ktm"));
        Assert.Contains(NameMatcher.Key("Jaber"), NameQuery.OneLetterAway(NameMatcher.Key("Gaber")));
        Assert.Contains(NameMatcher.Key("Galina"), NameQuery.OneLetterAway(NameMatcher.Key("Halyna")));
        Assert.Contains("ftmr", NameQuery.OneLetterAway("ktmr")); // four letters: any
    }

    [Fact]
    public void Score_SameSpelling_Key_Reading_Neighbour_InThatOrder()
    {
        var query = NameQuery.Parse("Chaled");
        var scores = new[] { ("Chaled", 4), ("Shaled", 3), ("Khalid", 2), ("Chamed", 1), ("Omar", 0) }
            .Select(p => (p.Item2, query.Score(p.Item1, "Haddad", ""))).ToList();
        Assert.All(scores, s => Assert.Equal(s.Item1, s.Item2));
    }

    [Fact]
    public void Score_SumsTheWords_AliasesCount()
    {
        var query = NameQuery.Parse("Yusuf Amrani");
        Assert.Equal(8, query.Score("Youssef", "El Amrani", "Yusuf Amrani"));
        Assert.Equal(3 + 4, query.Score("Youssef", "Amrani", ""));
        Assert.Equal(3 + 3, query.Score("Youssef", "Elamrani", "")); // the person's own readings count as their keys
    }

    [Theory]
    [InlineData("Naima Bouzid", "Naïma", "Bouzid")]
    [InlineData("Naïma Bouzid", "Naima", "Bouzid")]
    [InlineData("Emre Çelik", "Emre", "Celik")]
    [InlineData("Emre Celik", "Emre", "Çelik")]
    [InlineData("Şahin Öztürk", "Sahin", "Ozturk")]
    public void Score_SpellingDifferingOnlyByAccents_IsTheSameSpelling(string typed, string firstName, string lastName)
    {
        var query = NameQuery.Parse(typed);
        Assert.Equal(4 * query.Words.Count, query.Score(firstName, lastName, ""));
        // Composed or decomposed, the accented letter is the same letter.
        Assert.Equal(4 * query.Words.Count, NameQuery.Parse(typed.Normalize(System.Text.NormalizationForm.FormD)).Score(firstName, lastName, ""));
        Assert.True(query.Score(firstName, lastName, "") > query.Score(firstName, lastName + "e", ""));
    }
}
