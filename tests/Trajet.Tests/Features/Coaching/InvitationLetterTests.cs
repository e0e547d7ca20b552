using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Trajet.Web;
using Trajet.Web.Features.Coaching;

namespace Trajet.Tests.Features.Coaching;

public sealed class InvitationLetterTests
{
    /// <summary>The app's localizer, as AddTrajetLocalization makes it.</summary>
    internal static readonly IStringLocalizer<SharedResource> Texts = new StringLocalizer<SharedResource>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance));

    private static InvitationLetter.Letter Compose(string language) => InvitationLetter.Compose(new(
        language, "Kwame Mensah", "ATD Department", "IC-2026-0005", new DateOnly(2026, 11, 22),
        new DateOnly(2026, 12, 2), new TimeOnly(10, 0), "Brussels desk", "Boulevard Pachéco 44, 1000 Brussels", "+32 2 000 00 00"), Texts);

    [Theory]
    [InlineData("fr", "mercredi 2 décembre 2026", "dimanche 22 novembre 2026")]
    [InlineData("nl", "woensdag 2 december 2026", "zondag 22 november 2026")]
    [InlineData("en", "Wednesday 2 December 2026", "Sunday 22 November 2026")]
    public void Dates_AreWrittenInTheReadersLanguage(string language, string appointment, string issued)
    {
        var letter = Compose(language);

        Assert.Equal(issued, letter.Dated);
        Assert.Contains(letter.Paragraphs, p => p.Contains(appointment, StringComparison.Ordinal));
    }

    [Fact]
    public void French_Letter()
    {
        var letter = Compose("fr");
        Assert.Equal("Invitation à un entretien", letter.Subject);
        Assert.Equal("Madame, Monsieur,", letter.Salutation);
        Assert.Equal("dimanche 22 novembre 2026", letter.Dated);
        Assert.Contains("Date et heure : mercredi 2 décembre 2026 à 10:00.", letter.Paragraphs);
        Assert.Contains("Lieu : Brussels desk, Boulevard Pachéco 44, 1000 Brussels.", letter.Paragraphs);
        Assert.Contains("Si vous ne pouvez pas venir à cette date, contactez-nous pour convenir d'un autre rendez-vous : +32 2 000 00 00.", letter.Paragraphs);
        Assert.Contains("Référence : IC-2026-0005", letter.Paragraphs);
        Assert.StartsWith("Le service ATD Department vous invite à un entretien avec un coach dans votre région.", letter.Paragraphs[0]);
        Assert.Equal("Veuillez agréer, Madame, Monsieur, nos salutations distinguées.", letter.Closing);
    }

    [Fact]
    public void Dutch_Letter()
    {
        var letter = Compose("nl");
        Assert.Equal("Uitnodiging voor een gesprek", letter.Subject);
        Assert.Equal("Geachte mevrouw, geachte heer,", letter.Salutation);
        Assert.Equal("zondag 22 november 2026", letter.Dated);
        Assert.Contains("Datum en uur: woensdag 2 december 2026 om 10:00.", letter.Paragraphs);
        Assert.Contains("Plaats: Brussels desk, Boulevard Pachéco 44, 1000 Brussels.", letter.Paragraphs);
        Assert.Contains("Kunt u op die datum niet komen? Neem dan contact met ons op voor een andere afspraak: +32 2 000 00 00.", letter.Paragraphs);
        Assert.Contains("Referentie: IC-2026-0005", letter.Paragraphs);
        Assert.StartsWith("De dienst ATD Department nodigt u uit voor een gesprek met een coach in uw regio.", letter.Paragraphs[0]);
        Assert.Equal("Met vriendelijke groeten,", letter.Closing);
    }

    [Fact]
    public void English_Letter()
    {
        var letter = Compose("en");
        Assert.Equal("Invitation to an interview", letter.Subject);
        Assert.Equal("Dear Sir or Madam,", letter.Salutation);
        Assert.Equal("Sunday 22 November 2026", letter.Dated);
        Assert.Contains("Date and time: Wednesday 2 December 2026 at 10:00.", letter.Paragraphs);
        Assert.Contains("Place: Brussels desk, Boulevard Pachéco 44, 1000 Brussels.", letter.Paragraphs);
        Assert.Contains("If you cannot come on that date, contact us to agree on another appointment: +32 2 000 00 00.", letter.Paragraphs);
        Assert.Contains("Reference: IC-2026-0005", letter.Paragraphs);
        Assert.Equal("Yours faithfully,", letter.Closing);
    }

    [Fact]
    public void Letter_WithoutContact_StillSaysHowToRearrange() =>
        Assert.Contains("If you cannot come on that date, contact us to agree on another appointment.",
            InvitationLetter.Compose(new("en", "A", "ATD", "IC-1", new(2026, 11, 22), new(2026, 12, 2), new(9, 0), "Elsewhere", null, null), Texts).Paragraphs);

    [Fact]
    public void Letter_IsInTheReadersLanguage_WhateverTheCoachReads()
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("nl");

            Assert.Equal("Invitation à un entretien", Compose("fr").Subject);
            Assert.Equal("Invitation to an interview", Compose("en").Subject);
            Assert.Equal("nl", CultureInfo.CurrentUICulture.Name);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
