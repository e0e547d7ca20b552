using Trajet.Web.Features.LegalEvents;

namespace Trajet.Tests.Features.LegalEvents;

public sealed class DeadlinesTests
{
    private static readonly Guid Org = Guid.NewGuid();
    private static readonly List<DeadlineRule> Rules = LegalDeadlines.Defaults(Org).ToList();
    private static readonly DateOnly Notified = new(2026, 3, 2);

    [Fact]
    public void NegativeDecision_OpensTheAppealPeriod()
    {
        var (deadline, source) = LegalDeadlines.For(LegalEventType.Decision, LegalOutcome.Negative, Notified, null, null, Rules);
        Assert.Equal(new DateOnly(2026, 4, 1), deadline);
        Assert.StartsWith("Appeal against a negative decision", source);
    }

    [Fact]
    public void PositiveDecision_OpensNothing() =>
        Assert.Equal((null, null), LegalDeadlines.For(LegalEventType.Decision, LegalOutcome.Positive, Notified, null, null, Rules));

    [Fact]
    public void OrderToLeave_CountsTheDaysWrittenOnIt() =>
        Assert.Equal(new DateOnly(2026, 3, 9), LegalDeadlines.For(LegalEventType.OrderToLeave, null, Notified, 7, null, Rules).Deadline);

    [Fact]
    public void OrderToLeave_WithoutWrittenDays_UsesTheRulesDefault() =>
        Assert.Equal(new DateOnly(2026, 4, 1), LegalDeadlines.For(LegalEventType.OrderToLeave, null, Notified, null, null, Rules).Deadline);

    [Fact]
    public void DublinTransfer_CountsMonths() =>
        Assert.Equal(new DateOnly(2026, 9, 2), LegalDeadlines.For(LegalEventType.DublinTransfer, null, Notified, null, null, Rules).Deadline);

    [Fact]
    public void ExplicitDeadline_WinsAndSaysSo() =>
        Assert.Equal((new DateOnly(2026, 3, 20), LegalDeadlines.ByHand), LegalDeadlines.For(LegalEventType.Decision, LegalOutcome.Negative, Notified, null, new DateOnly(2026, 3, 20), Rules));

    [Fact]
    public void InactiveRule_IsIgnored()
    {
        var rules = LegalDeadlines.Defaults(Org).Select(r => { r.IsActive = r.EventType != LegalEventType.Decision; return r; }).ToList();
        Assert.Null(LegalDeadlines.For(LegalEventType.Decision, LegalOutcome.Negative, Notified, null, null, rules).Deadline);
    }
}
