using System.Globalization;
using Trajet.Web.Infrastructure;

namespace Trajet.Tests.Features;

/// <summary>Which text of a configured text a reader sees: theirs, else the default, else any.</summary>
public sealed class LocalizedTextTests
{
    private static readonly LocalizedText Texts = new() { Fr = "Bureau de Bruxelles", Nl = "Loket Brussel", En = "Brussels desk" };

    [Theory]
    [InlineData("fr", "Bureau de Bruxelles")]
    [InlineData("nl", "Loket Brussel")]
    [InlineData("en", "Brussels desk")]
    public void For_GivesTheReadersLanguage(string language, string expected) =>
        Assert.Equal(expected, Texts.For(language, "Desk BXL"));

    [Fact]
    public void For_WithoutTheReadersLanguage_GivesTheDefault() =>
        Assert.Equal("Desk BXL", new LocalizedText { Fr = "Bureau de Bruxelles", Nl = "  " }.For("nl", "Desk BXL"));

    [Fact]
    public void For_WithoutTheReadersLanguageNorDefault_GivesAnyText() =>
        Assert.Equal("Loket Brussel", new LocalizedText { Nl = "Loket Brussel", En = "Brussels desk" }.For("fr", " "));

    [Fact]
    public void For_AnUnknownLanguage_GivesTheDefault() =>
        Assert.Equal("Desk BXL", Texts.For("de", "Desk BXL"));

    [Theory]
    [InlineData("fr-BE", "Bureau de Bruxelles")]
    [InlineData("nl-BE", "Loket Brussel")]
    [InlineData("en-GB", "Brussels desk")]
    public void For_ACulture_ReadsItsLanguage(string culture, string expected) =>
        Assert.Equal(expected, Texts.For(CultureInfo.GetCultureInfo(culture), "Desk BXL"));

    [Fact]
    public void From_TrimsAndDropsBlanks_IntoANewInstance()
    {
        var typed = new LocalizedText { Fr = "  Loket  ", Nl = " ", En = null };

        var stored = LocalizedText.From(typed);

        Assert.NotSame(typed, stored);
        Assert.Equal(("Loket", (string?)null, (string?)null), (stored.Fr, stored.Nl, stored.En));
    }

    [Fact]
    public void Validate_NamesEachTooLongLanguage()
    {
        var errors = LocalizedText.Validate(new LocalizedText { Fr = new string('a', 201), En = "ok" }, "names", 200, "At most 200 characters.");

        Assert.Equal([new FieldError("names.fr", "At most 200 characters.")], errors);
    }
}
