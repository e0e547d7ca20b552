using Trajet.Web.Features.Cases;

namespace Trajet.Tests.Features.Cases;

public sealed class NameMatcherTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    [Theory]
    [InlineData("Mohammed", "Muhammad", "Mohamad", "Mouhamed", "Mehmet")]
    [InlineData("Youssef", "Yusuf", "Jusuf", "Yousef", "Youssouf")]
    [InlineData("Petrosyan", "Petrossian", "Petrosian", "Petrossyan", "Petrosyan")]
    [InlineData("Oleksandr", "Alexander", "Aleksandr", "Aleksander", "Alexandr")]
    [InlineData("Hussein", "Husayn", "Hossein", "Hüseyin", "Husein")]
    [InlineData("Aisha", "Aïcha", "Ayşe", "Aicha", "Aysha")]
    [InlineData("Fatoumata", "Fatumata", "Fatoumatta", "Fatoumata", "Fatumatta")]
    [InlineData("Djawad", "Jawad", "Javad", "Dzhavad")]
    [InlineData("Tatjana", "Tatiana", "Tatyana")]
    [InlineData("Bojko", "Boiko", "Boyko")]
    [InlineData("Jurij", "Yuriy", "Yuri")]
    [InlineData("Khejozai", "Qhejozai", "Hejozai")]
    [InlineData("Krasniqi", "Krasniki")]
    public void Key_TransliterationVariants_ShareOneKey(params string[] variants) =>
        Assert.Single(variants.Select(NameMatcher.Key).Distinct());

    [Theory]
    [InlineData("Gevorg", "Kevork")]
    [InlineData("Tigran", "Dikran")]
    public void Key_VoicedAndUnvoicedAlike(string a, string b) =>
        Assert.Equal(NameMatcher.Key(a), NameMatcher.Key(b));

    [Theory]
    [InlineData("Hakob", "Akop")]
    [InlineData("Yelena", "Elena")]
    [InlineData("Jelena", "Elena")]
    [InlineData("Ekaterina", "Katerina")]
    [InlineData("Idris", "Driss")]
    [InlineData("Chaled", "Khaled")]
    [InlineData("Christian", "Kristian")]
    [InlineData("Maxamed", "Mahamed")]
    [InlineData("Xasan", "Hassan")]
    [InlineData("Othman", "Osman")]
    [InlineData("Cumar", "Omar")]
    [InlineData("Jaamac", "Jama")]
    [InlineData("Diallo", "Jallo")]
    [InlineData("Elamrani", "Amrani")]
    [InlineData("Benali", "Ali")]
    public void WordKeys_OtherReadings_Meet(string a, string b) =>
        Assert.True(NameMatcher.WordKeys(a).Overlaps(NameMatcher.WordKeys(b)), $"{string.Join(",", NameMatcher.WordKeys(a))} / {string.Join(",", NameMatcher.WordKeys(b))}");

    [Theory]
    [InlineData("Omar", "Ali")]
    [InlineData("Diallo", "Camara")]
    [InlineData("Alexander", "Aziz")]
    public void WordKeys_DifferentNames_DoNotMeet(string a, string b) =>
        Assert.False(NameMatcher.WordKeys(a).Overlaps(NameMatcher.WordKeys(b)));

    [Fact]
    public void StoredKeys_NeighbouringWordsAlsoWrittenAsOne()
    {
        var keys = NameMatcher.StoredKeys("Fatima-Zahra", "El Amrani");
        Assert.Contains(NameMatcher.Key("Fatimazahra"), keys);
        Assert.Contains(NameMatcher.Key("Elamrani"), keys);
        Assert.DoesNotContain(NameMatcher.Key("ZahraEl"), keys); // not across first and last name
    }

    [Theory]
    [InlineData("Petrosyan", "Sargsyan")]
    [InlineData("Ali", "Omar")]
    [InlineData("Diallo", "Touré")]
    public void Key_DifferentNames_Differ(string a, string b) =>
        Assert.NotEqual(NameMatcher.Key(a), NameMatcher.Key(b));

    [Fact]
    public void MayBeSamePerson_SwappedFirstAndLastNames_Matches()
    {
        var known = new NameMatcher.Person("Mohammed", "Rahimi", "", new DateOnly(1987, 3, 4), null);
        var added = new NameMatcher.Person("Rahimy", "Muhammad", "", new DateOnly(1987, 3, 4), null);
        Assert.True(NameMatcher.MayBeSamePerson(added, known, Today));
    }

    [Fact]
    public void MayBeSamePerson_ThroughAnAlias_Matches()
    {
        var known = new NameMatcher.Person("Lusine", "Petrosyan", "Lusine Ter-Petrossian", null, 40);
        var added = new NameMatcher.Person("Lusine", "Ter Petrossian", "", null, null);
        Assert.True(NameMatcher.MayBeSamePerson(added, known, Today));
    }

    [Fact]
    public void MayBeSamePerson_OnlyOneNameAlike_DoesNotMatch()
    {
        var known = new NameMatcher.Person("Mohammed", "Rahimi", "", null, null);
        Assert.False(NameMatcher.MayBeSamePerson(new NameMatcher.Person("Mohammed", "Haddad", "", null, null), known, Today));
    }

    [Theory]
    [InlineData("1987-03-04", "1987-03-04", true)]
    [InlineData("1987-03-04", "1987-04-03", true)]
    [InlineData("1987-03-04", "1988-01-10", true)]
    [InlineData("1987-03-04", "1990-03-04", false)]
    public void BirthCompatible_WithDates(string a, string b, bool compatible) =>
        Assert.Equal(compatible, NameMatcher.BirthCompatible(
            new NameMatcher.Person("", "", "", DateOnly.Parse(a, System.Globalization.CultureInfo.InvariantCulture), null),
            new NameMatcher.Person("", "", "", DateOnly.Parse(b, System.Globalization.CultureInfo.InvariantCulture), null), Today));

    [Fact]
    public void BirthCompatible_EstimatedAgeWithinThreeYears()
    {
        var born = new NameMatcher.Person("", "", "", new DateOnly(1990, 1, 1), null);
        Assert.True(NameMatcher.BirthCompatible(born, new NameMatcher.Person("", "", "", null, 38), Today));
        Assert.False(NameMatcher.BirthCompatible(born, new NameMatcher.Person("", "", "", null, 25), Today));
        Assert.True(NameMatcher.BirthCompatible(born, new NameMatcher.Person("", "", "", null, null), Today));
    }
}
