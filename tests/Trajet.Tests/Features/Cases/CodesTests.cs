using System.Globalization;
using Trajet.Web.Features.Cases;

namespace Trajet.Tests.Features.Cases;

public sealed class CodesTests
{
    private static T In<T>(string culture, Func<T> read)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Theory]
    [InlineData("fr-BE", "MA", "Maroc")]
    [InlineData("nl-BE", "MA", "Marokko")]
    [InlineData("en-GB", "MA", "Morocco")]
    [InlineData("fr-BE", "ER", "Érythrée")]
    [InlineData("nl-BE", "SY", "Syrië")]
    [InlineData("en-GB", "AM", "Armenia")]
    public void Countries_AreNamedInTheReadersLanguage(string culture, string code, string name) =>
        Assert.Equal(name, In(culture, () => Codes.CountryName(code)));

    [Theory]
    [InlineData("fr-BE", "ar", "arabe")]
    [InlineData("nl-BE", "ar", "Arabisch")]
    [InlineData("en-GB", "ti", "Tigrinya")]
    public void Languages_AreNamedInTheReadersLanguage(string culture, string code, string name) =>
        Assert.Equal(name, In(culture, () => Codes.LanguageName(code)));

    [Fact]
    public void TheListOfCountries_IsSortedByName_AndEveryCodeIsANationality()
    {
        var french = In("fr-BE", Codes.CountriesByName).ToList();

        Assert.True(french.Count > 200);
        Assert.All(french, c => Assert.True(Codes.IsNationality(c.Code), c.Code));
        Assert.True(french.FindIndex(c => c.Code == "EG") < french.FindIndex(c => c.Code == "ER"), "Égypte comes before Érythrée");
        Assert.Equal("Maroc", french.Single(c => c.Code == "MA").Name);
    }

    [Fact]
    public void AnUnknownCode_IsShownAsItIs() => Assert.Equal("ZZ", Codes.CountryName("ZZ"));
}
