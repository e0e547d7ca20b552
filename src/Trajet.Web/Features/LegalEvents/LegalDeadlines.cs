namespace Trajet.Web.Features.LegalEvents;

/// <summary>Deadline arithmetic from configured rules. Pure.</summary>
public static class LegalDeadlines
{
    public const string ByHand = "entered by hand";

    /// <summary>Examples seeded for a new organisation: to be confirmed by its legal adviser.</summary>
    public static IEnumerable<DeadlineRule> Defaults(Guid organisationId) =>
    [
        new()
        {
            OrganisationId = organisationId, EventType = LegalEventType.Decision, Outcome = LegalOutcome.Negative, Days = 30,
            Label = "Appeal against a negative decision: 30 days from notification (to be confirmed by your legal adviser)",
            Labels = new()
            {
                Fr = "Recours contre une décision négative : 30 jours à compter de la notification (à faire confirmer par votre conseiller juridique)",
                Nl = "Beroep tegen een negatieve beslissing: 30 dagen vanaf de kennisgeving (te laten bevestigen door uw juridisch adviseur)",
            },
        },
        new()
        {
            OrganisationId = organisationId, EventType = LegalEventType.OrderToLeave, Days = 30, UsesDaysOnEvent = true,
            Label = "Order to leave the territory: the days to comply written on the order, else 30 (to be confirmed by your legal adviser)",
            Labels = new()
            {
                Fr = "Ordre de quitter le territoire : le délai indiqué sur l'ordre, sinon 30 jours (à faire confirmer par votre conseiller juridique)",
                Nl = "Bevel om het grondgebied te verlaten: de termijn vermeld op het bevel, anders 30 dagen (te laten bevestigen door uw juridisch adviseur)",
            },
        },
        new()
        {
            OrganisationId = organisationId, EventType = LegalEventType.DublinTransfer, Months = 6,
            Label = "Dublin transfer period: 6 months from acceptance (to be confirmed by your legal adviser)",
            Labels = new()
            {
                Fr = "Délai de transfert Dublin : 6 mois à compter de l'acceptation (à faire confirmer par votre conseiller juridique)",
                Nl = "Termijn voor een Dublinoverdracht: 6 maanden vanaf het akkoord (te laten bevestigen door uw juridisch adviseur)",
            },
        },
    ];

    /// <summary>The deadline an event opens and the rule it came from; an explicit deadline wins.</summary>
    public static (DateOnly? Deadline, string? Source) For(LegalEventType type, LegalOutcome? outcome, DateOnly date, int? daysToComply, DateOnly? explicitDeadline, IEnumerable<DeadlineRule> rules)
    {
        if (explicitDeadline is { } chosen)
        {
            return (chosen, ByHand);
        }
        var rule = RuleFor(type, outcome, rules);
        if (rule is null)
        {
            return (null, null);
        }
        var days = rule.UsesDaysOnEvent && daysToComply is { } written ? written : rule.Days;
        return (date.AddMonths(rule.Months).AddDays(days), rule.Label);
    }

    /// <summary>The active rule an event of this kind and outcome opens: one for its outcome before one for any.</summary>
    public static DeadlineRule? RuleFor(LegalEventType type, LegalOutcome? outcome, IEnumerable<DeadlineRule> rules) =>
        rules.Where(r => r.IsActive && r.EventType == type && (r.Outcome is null || r.Outcome == outcome))
            .OrderByDescending(r => r.Outcome is not null).FirstOrDefault();

    /// <summary>Where a deadline came from, in the reader's language: the rule's label as it read then, or "entered by hand".</summary>
    public static string? Describe(string? source, LocalizedText? sources, IStringLocalizer l) =>
        source == ByHand ? l["entered by hand"] : source is null ? null : sources?.ForUi(source) ?? source;
}
