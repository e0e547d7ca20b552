using System.Globalization;
using Trajet.Tests.Features.Coaching;
using Trajet.Web.Features.Instruments;
using Trajet.Web.Features.Interactions;
using Trajet.Web.Features.LegalEvents;

namespace Trajet.Tests.Features.Instruments;

/// <summary>Questions 10 and 12 of the client summary sheet, as the case's records answer them.</summary>
public sealed class SummaryRulesTests
{
    private static (DateOnly, LegalEventType) On(string date, LegalEventType type) => (DateOnly.Parse(date, CultureInfo.InvariantCulture), type);

    [Fact]
    public void ReleaseAfterADetention_IsYes()
    {
        Assert.Equal(PromptAnswer.Yes, ReleaseAfterDetention.From([On("2024-01-01", LegalEventType.Arrival), On("2025-02-01", LegalEventType.Detention), On("2025-03-01", LegalEventType.Release)]));
    }

    [Fact]
    public void ReleaseTheDayOfTheDetention_IsYes() =>
        Assert.Equal(PromptAnswer.Yes, ReleaseAfterDetention.From([On("2025-02-01", LegalEventType.Release), On("2025-02-01", LegalEventType.Detention)]));

    [Fact]
    public void DetentionWithoutLaterRelease_IsNo()
    {
        Assert.Equal(PromptAnswer.No, ReleaseAfterDetention.From([On("2025-02-01", LegalEventType.Detention), On("2025-04-01", LegalEventType.DublinTransfer)]));
        // A release before the only detention is not a release from it.
        Assert.Equal(PromptAnswer.No, ReleaseAfterDetention.From([On("2024-01-01", LegalEventType.Release), On("2025-02-01", LegalEventType.Detention)]));
    }

    [Fact]
    public void ReDetentionAfterARelease_StillWasReleased() =>
        Assert.Equal(PromptAnswer.Yes, ReleaseAfterDetention.From(
            [On("2024-01-01", LegalEventType.Detention), On("2024-03-01", LegalEventType.Release), On("2025-02-01", LegalEventType.Detention)]));

    [Fact]
    public void NoDetentionInTheChronology_LeavesTheQuestionToTheCaseManager()
    {
        Assert.Null(ReleaseAfterDetention.From([]));
        Assert.Null(ReleaseAfterDetention.From([On("2025-03-01", LegalEventType.Release), On("2025-04-01", LegalEventType.Decision)]));
    }

    private static InteractionFrequency.Tally Monthly(int count, InteractionType type = InteractionType.HomeVisit, int? minutes = null) =>
        InteractionFrequency.Tally.Of(Enumerable.Range(0, count).Select(i => (new DateOnly(2025, 1, 1).AddDays(i * 30), type, minutes)).ToList());

    private static string? Describe(InteractionFrequency.Tally tally, string language)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
            return InteractionFrequency.Describe(tally, InvitationLetterTests.Texts, CultureInfo.GetCultureInfo(language));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Theory]
    [InlineData("en", "74 interactions over 11 months, about 7 a month, 20 home visits, about 45 minutes each on average")]
    [InlineData("fr", "74 interactions sur 11 mois, environ 7 par mois, 20 visites à domicile, environ 45 minutes chacune en moyenne")]
    [InlineData("nl", "74 contacten over 11 maanden, ongeveer 7 per maand, 20 huisbezoeken, gemiddeld ongeveer 45 minuten per contact")]
    public void TheNotesExample_ReadsInEachLanguage(string language, string expected)
    {
        var tally = new InteractionFrequency.Tally(74, 20, new DateOnly(2025, 1, 6), new DateOnly(2025, 12, 1), 45);

        Assert.Equal(expected, Describe(tally, language));
    }

    [Fact]
    public void RareContacts_SayTheGapBetweenThem() =>
        Assert.Equal("4 interactions over 9 months, about one every 2 months, 4 home visits", Describe(Monthly(4) with { Last = new DateOnly(2025, 10, 1) }, "en"));

    [Fact]
    public void FewAndClose_AreWithinAMonth_AndOneIsOne()
    {
        Assert.Equal("3 interactions within about a month", Describe(InteractionFrequency.Tally.Of(
            [(new DateOnly(2025, 1, 1), InteractionType.PhoneCall, null), (new DateOnly(2025, 1, 9), InteractionType.Message, null), (new DateOnly(2025, 1, 20), InteractionType.PhoneCall, null)]), "en"));
        Assert.Equal("One interaction, one home visit, about 90 minutes each on average", Describe(Monthly(1, minutes: 90), "en"));
    }

    [Fact]
    public void Durations_AreAveragedOverTheTimedOnesOnly()
    {
        var tally = InteractionFrequency.Tally.Of(
            [(new DateOnly(2025, 1, 1), InteractionType.HomeVisit, 60), (new DateOnly(2025, 3, 1), InteractionType.PhoneCall, null), (new DateOnly(2025, 5, 1), InteractionType.HomeVisit, 31)]);

        Assert.Equal(46, tally.AverageMinutes); // (60 + 31) / 2 = 45.5, half away from zero
        Assert.Equal(2, tally.HomeVisits);
        Assert.Equal(new DateOnly(2025, 5, 1), tally.Last);
    }

    [Fact]
    public void NoInteraction_LeavesTheAnswerBlank() =>
        Assert.Null(Describe(InteractionFrequency.Tally.None, "en"));
}
