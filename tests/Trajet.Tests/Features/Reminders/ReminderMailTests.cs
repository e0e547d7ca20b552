using Microsoft.Extensions.Localization;
using Trajet.Web.Features.Reminders;

namespace Trajet.Tests.Features.Reminders;

public sealed class ReminderMailTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    private sealed class Words : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, name);
        public LocalizedString this[string name, params object[] arguments] => new(name, string.Format(System.Globalization.CultureInfo.InvariantCulture, name, arguments));
        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }

    private static ReminderMail.Line Line(int day, string number) => new(Today.AddDays(day), number, "Legal deadline", $"https://t.test/Cases/Details/{number}");

    [Fact]
    public void Group_PutsPastDaysUnderOneHeading_ThenTodayTomorrowAndDatesInOrder()
    {
        var groups = ReminderMail.Group([Line(3, "B"), Line(-2, "C"), Line(1, "A"), Line(0, "D"), Line(-9, "E"), Line(3, "A")], Today, "en", new Words());

        Assert.Equal(["Past due", "Today", "Tomorrow", "Thursday 10 December"], groups.Select(g => g.Heading));
        Assert.Equal(["E", "C"], groups[0].Lines.Select(l => l.CaseNumber));
        Assert.Equal(["A", "B"], groups[3].Lines.Select(l => l.CaseNumber));
    }

    [Fact]
    public void Compose_WritesEveryLineWithItsLink_AndEncodesTheHtml()
    {
        var content = ReminderMail.Compose(MailKind.Digest, [Line(1, "T-<1>"), Line(5, "T-2")], Today, "fr", "https://t.test/Reminders/Settings", new Words());

        Assert.Contains("- T-2: Legal deadline (12/12/2026)", content.Text);
        Assert.Contains("https://t.test/Cases/Details/T-2", content.Text);
        Assert.Contains("T-&lt;1&gt;", content.Html);
        Assert.DoesNotContain("T-<1>", content.Html);
        Assert.Contains("<a href=\"https://t.test/Reminders/Settings\">", content.Html);
    }

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(4, 40)]
    [InlineData(9, 360)]
    public void RetryAfter_WaitsLongerAfterEachFailure_AtMostSixHours(int attempts, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), MailOutbox.RetryAfter(attempts));
}
