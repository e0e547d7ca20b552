using Trajet.Web.Features.Outreach;

namespace Trajet.Tests.Features.Outreach;

public sealed class OutreachRulesTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);

    private static ContactRules.Facts Facts(InformationTopic[] topics, OrientationService[] services, bool partner = false, DateOnly? date = null) =>
        new(date ?? Today, "Abdi", null, "SD", "ar", topics, null, services, partner);

    [Fact]
    public void Contact_WithNeitherInformationNorOrientation_IsNothingHappened()
    {
        var errors = ContactRules.Validate(Facts([], []), Today);
        Assert.Equal(("informationGiven", ContactRules.NothingHappened), (errors.Single().Field, errors.Single().Message));
    }

    [Fact]
    public void Contact_WithOnlyAnOrientation_IsValid() =>
        Assert.Empty(ContactRules.Validate(Facts([], [OrientationService.Medical]), Today));

    [Fact]
    public void Contact_WithAPartnerButNoService_IsRefused() =>
        Assert.Contains(ContactRules.Validate(Facts([InformationTopic.Dublin], [], partner: true), Today), e => e.Field == "orientation");

    [Fact]
    public void Contact_InTheFuture_IsRefused() =>
        Assert.Contains(ContactRules.Validate(Facts([InformationTopic.Dublin], [], date: Today.AddDays(1)), Today), e => e.Field == "date");

    [Theory]
    [InlineData("2026-02-28", false)]
    [InlineData("2026-03-01", true)]
    [InlineData("2026-05-01", true)]
    public void Outcome_IsRefusedBeforeTheFirstContact(string date, bool valid)
    {
        var errors = RecordOutcome.Validate(new RecordOutcome.Input { Kind = OutcomeKind.ReceptionBelgium, Date = DateOnly.Parse(date) }, new DateOnly(2026, 3, 1), Today);
        Assert.Equal(valid, errors.Count == 0);
    }

    [Fact]
    public void Outcome_WithoutAnyContact_IsRefused() =>
        Assert.Contains(RecordOutcome.Validate(new RecordOutcome.Input { Kind = OutcomeKind.ReceptionBelgium, Date = Today }, null, Today), e => e.Field == "date");

    [Fact]
    public void Person_IsFoundBySoundAlikeKeysAndPhoneDigits()
    {
        var person = new OutreachPerson { Nickname = "Mohammed", Phone = "+32 470 12 34 56" };
        person.Index();
        Assert.Contains(" " + Trajet.Web.Features.Cases.NameMatcher.Key("Muhammad") + " ", person.SoundKeys);
        Assert.Equal("32470123456", person.PhoneDigits);
    }
}
