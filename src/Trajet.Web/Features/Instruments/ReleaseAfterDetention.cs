using Trajet.Web.Features.LegalEvents;

namespace Trajet.Web.Features.Instruments;

/// <summary>
/// Question 12 of the summary sheet ("if contacted in detention, released into the community afterwards?") as the
/// legal chronology answers it. Null when the chronology holds no detention: then only the case manager can say. Pure.
/// </summary>
public static class ReleaseAfterDetention
{
    public static PromptAnswer? From(IEnumerable<(DateOnly Date, LegalEventType Type)> chronology)
    {
        var events = chronology.ToList();
        if (events.Where(e => e.Type == LegalEventType.Detention).Select(e => (DateOnly?)e.Date).Min() is not { } detained)
        {
            return null;
        }
        // The chronology keeps days, not hours: a release dated the day of a detention follows it. A later
        // re-detention does not undo the release (question 15 and the detention experience say that).
        return events.Any(e => e.Type == LegalEventType.Release && e.Date >= detained) ? PromptAnswer.Yes : PromptAnswer.No;
    }
}
