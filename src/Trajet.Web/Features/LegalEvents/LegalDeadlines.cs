namespace Trajet.Web.Features.LegalEvents;

/// <summary>Deadline arithmetic from configured rules. Pure.</summary>
public static class LegalDeadlines
{
    public const string ByHand = "entered by hand";

    /// <summary>Examples seeded for a new organisation: to be confirmed by its legal adviser.</summary>
    public static IEnumerable<DeadlineRule> Defaults(Guid organisationId) =>
    [
        new() { OrganisationId = organisationId, EventType = LegalEventType.Decision, Outcome = LegalOutcome.Negative, Label = "Appeal against a negative decision: 30 days from notification (to be confirmed by your legal adviser)", Days = 30 },
        new() { OrganisationId = organisationId, EventType = LegalEventType.OrderToLeave, Label = "Order to leave the territory: the days to comply written on the order, else 30 (to be confirmed by your legal adviser)", Days = 30, UsesDaysOnEvent = true },
        new() { OrganisationId = organisationId, EventType = LegalEventType.DublinTransfer, Label = "Dublin transfer period: 6 months from acceptance (to be confirmed by your legal adviser)", Months = 6 },
    ];

    /// <summary>The deadline an event opens and the rule it came from; an explicit deadline wins.</summary>
    public static (DateOnly? Deadline, string? Source) For(LegalEventType type, LegalOutcome? outcome, DateOnly date, int? daysToComply, DateOnly? explicitDeadline, IEnumerable<DeadlineRule> rules)
    {
        if (explicitDeadline is { } chosen)
        {
            return (chosen, ByHand);
        }
        var rule = rules.Where(r => r.IsActive && r.EventType == type && (r.Outcome is null || r.Outcome == outcome))
            .OrderByDescending(r => r.Outcome is not null).FirstOrDefault();
        if (rule is null)
        {
            return (null, null);
        }
        var days = rule.UsesDaysOnEvent && daysToComply is { } written ? written : rule.Days;
        return (date.AddMonths(rule.Months).AddDays(days), rule.Label);
    }
}
