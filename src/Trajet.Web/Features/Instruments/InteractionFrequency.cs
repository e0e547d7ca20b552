using System.Globalization;
using Trajet.Web.Features.Interactions;

namespace Trajet.Web.Features.Instruments;

/// <summary>
/// Question 10 of the summary sheet (frequency and duration of the interactions) written from the case's own
/// interactions, in the reader's language, for the case manager to correct. Pure.
/// </summary>
public static class InteractionFrequency
{
    /// <summary>The interactions counted up to the sheet's date; <c>AverageMinutes</c> over those with a duration.</summary>
    public sealed record Tally(int Count, int HomeVisits, DateOnly? First, DateOnly? Last, int? AverageMinutes)
    {
        public static readonly Tally None = new(0, 0, null, null, null);

        public static Tally Of(IReadOnlyCollection<(DateOnly Date, InteractionType Type, int? Minutes)> interactions)
        {
            if (interactions.Count == 0)
            {
                return None;
            }
            var timed = interactions.Where(i => i.Minutes is > 0).Select(i => i.Minutes!.Value).ToList();
            return new(interactions.Count, interactions.Count(i => i.Type == InteractionType.HomeVisit),
                interactions.Min(i => i.Date), interactions.Max(i => i.Date),
                timed.Count == 0 ? null : (int)Math.Round(timed.Average(), MidpointRounding.AwayFromZero));
        }
    }

    /// <summary>"74 interactions over 11 months, about 7 a month, 20 home visits"; null when there is none.</summary>
    public static string? Describe(Tally t, IStringLocalizer l, CultureInfo culture)
    {
        if (t is not { Count: > 0, First: { } first, Last: { } last })
        {
            return null;
        }
        string Format(LocalizedString text, params object[] args) => string.Format(culture, text, args);
        var months = SupportTime.Months(first, last);
        var parts = new List<string>();
        if (t.Count == 1)
        {
            parts.Add(l["One interaction"]);
        }
        else if (months < 1.5)
        {
            parts.Add(Format(l["{0} interactions within about a month"], t.Count));
        }
        else
        {
            var rounded = (int)Math.Round(months, MidpointRounding.AwayFromZero);
            parts.Add(Format(l["{0} interactions over {1} months"], t.Count, rounded));
            var perMonth = t.Count / months;
            // Under one a month, "about 0 a month" says nothing: the gap between two says it.
            parts.Add(perMonth >= 0.75
                ? Format(l["about {0} a month"], Math.Max(1, (int)Math.Round(perMonth, MidpointRounding.AwayFromZero)))
                : Format(l["about one every {0} months"], (int)Math.Round(months / t.Count, MidpointRounding.AwayFromZero)));
        }
        if (t.HomeVisits == 1)
        {
            parts.Add(l["one home visit"]);
        }
        else if (t.HomeVisits > 1)
        {
            parts.Add(Format(l["{0} home visits"], t.HomeVisits));
        }
        if (t.AverageMinutes is { } minutes)
        {
            parts.Add(Format(l["about {0} minutes each on average"], minutes));
        }
        return string.Join(", ", parts);
    }
}
