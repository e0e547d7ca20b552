using System.Globalization;
using Trajet.Web.Features.Interactions;
using Trajet.Web.Features.LegalEvents;
using Trajet.Web.Features.Partners;

namespace Trajet.Web.Features.Instruments;

/// <summary>
/// Assembles a first draft of the case study (Annex C) from the case's own records, for the worker to rewrite, in the
/// language of <c>l</c> with dates in <c>culture</c>'s format: codes are written as the pages label them. Pure.
/// </summary>
public static class CaseStudyDraft
{
    /// <summary>What was done with the family, counted from the case's records.</summary>
    public sealed record Interventions(
        IReadOnlyList<Interventions.Contact> Contacts, IReadOnlyList<Interventions.Referral> Referrals,
        IReadOnlyList<Interventions.Legal> LegalEvents, int BaselineSheets, int SummarySheets)
    {
        public sealed record Contact(InteractionType Type, AccompanimentTo? To, int Count);

        public sealed record Referral(PartnerKind Partner, ReferralStatus Status, int Count);

        public sealed record Legal(LegalEventType Type, int Count);

        public static readonly Interventions None = new([], [], [], 0, 0);
    }

    public static CaseStudy From(CaseDto c, Interventions done, IStringLocalizer l, CultureInfo culture)
    {
        string Date(DateOnly d) => d.ToString("d", culture);
        string Format(LocalizedString text, params object[] args) => string.Format(culture, text, args);
        var adults = c.Members.Where(m => m.Role != MemberRole.Child).ToList();
        var children = c.Members.Where(m => m.Role == MemberRole.Child).ToList();

        var profile = new List<string>
        {
            Format(c.Kind == CaseKind.Family ? l["Family of {0} adult(s) and {1} child(ren)"] : l["Individual case: {0} adult(s) and {1} child(ren)"], adults.Count, children.Count),
        };
        if (c.Members.Count > 0)
        {
            profile.Add(Format(l["nationality: {0}"], string.Join(", ", c.Members.Select(m => Codes.CountryLabel(l, m.Nationality)).Distinct())));
        }
        if (adults.Select(m => m.ArrivalYear).Where(y => y is not null).DefaultIfEmpty().Min() is { } arrived)
        {
            profile.Add(Format(l["in the country since {0}"], arrived));
        }
        var vulnerabilities = c.Members.SelectMany(m => m.Vulnerabilities).Distinct().Select(v => l["vulnerability-" + v].Value).ToList();
        if (vulnerabilities.Count > 0)
        {
            profile.Add(Format(l["vulnerabilities: {0}"], string.Join(", ", vulnerabilities)));
        }

        var source = l[c.Referral.Source.ToString()] + (c.Referral.ReferredBy is { } by ? $", {by}" : "");
        var criteria = c.Screening.Count == 0 ? l["No admission criteria recorded."].Value
            : string.Join(" ", c.Screening.Select(s =>
                $"{s.CriterionTexts.For(culture.TwoLetterISOLanguageName, s.Criterion)}: {(s.Answer is { } a ? l[a.ToString()] : l["not recorded"])}{(string.IsNullOrEmpty(s.Note) ? "" : $" ({s.Note})")}."));
        var pauses = c.History.Where(h => h.To == CaseStatus.Paused)
            .Select(p => Date(p.Date) + (string.IsNullOrEmpty(p.Reason) ? "" : $" — {p.Reason}")).ToList();

        return new CaseStudy
        {
            CaseId = c.Id,
            Profile = string.Join("; ", profile) + ".",
            Screening = Format(l["Referred on {0} ({1}), risk at intake: {2}."], Date(c.Referral.Date), source, l[c.Referral.RiskAtIntake.ToString()]) + " " + criteria,
            Planning = c.AdmittedOn is { } admitted ? Format(l["Admitted on {0}. Options explored with the family: …"], Date(admitted)) : l["Not admitted."],
            Interventions = InterventionsText(done, l, Format),
            Review = pauses.Count == 0 ? l["The support went on without pause."] : Format(l["Pauses: {0}."], string.Join("; ", pauses)),
            Closure = c.ClosedOn is { } closed
                ? Format(l["Closed on {0}: {1}; durable solution: {2}."], Date(closed), l[c.Outcome?.ToString() ?? "not recorded"], l[c.DurableSolution?.ToString() ?? "not recorded"])
                : Format(l["Current status: {0}."], l[c.Status.ToString()]),
        };
    }

    private static string InterventionsText(Interventions done, IStringLocalizer l, Func<LocalizedString, object[], string> format)
    {
        static string Counted(IEnumerable<(string Label, int Count)> items) =>
            string.Join(", ", items.GroupBy(i => i.Label).Select(g => $"{g.Key} ({g.Sum(i => i.Count)})"));
        var sentences = new List<string>();
        var contacts = done.Contacts.Where(x => x.Type != InteractionType.Accompaniment).OrderBy(x => x.Type).ToList();
        if (contacts.Count > 0)
        {
            var homeVisits = contacts.Where(x => x.Type == InteractionType.HomeVisit).Sum(x => x.Count);
            sentences.Add(format(l["{0} contact(s) with the family, of which {1} home visit(s): {2}."],
                [contacts.Sum(x => x.Count), homeVisits, Counted(contacts.Select(x => (l["interaction-" + x.Type].Value, x.Count)))]));
        }
        var accompaniments = done.Contacts.Where(x => x.Type == InteractionType.Accompaniment).OrderBy(x => x.To)
            .Select(x => (x.To is { } to ? l["accompaniment-" + to].Value : l["destination not recorded"].Value, x.Count)).ToList();
        if (accompaniments.Count > 0)
        {
            sentences.Add(format(l["{0} accompaniment(s): {1}."], [accompaniments.Sum(a => a.Count), Counted(accompaniments)]));
        }
        if (done.Referrals.Count > 0)
        {
            var referrals = done.Referrals.OrderBy(r => r.Partner).ThenBy(r => r.Status)
                .Select(r => ($"{l["partner-" + r.Partner]}, {l["referral-" + r.Status]}", r.Count));
            sentences.Add(format(l["{0} referral(s) to partners: {1}."], [done.Referrals.Sum(r => r.Count), Counted(referrals)]));
        }
        if (done.LegalEvents.Count > 0)
        {
            var events = done.LegalEvents.OrderBy(e => e.Type).Select(e => (l["legal-" + e.Type].Value, e.Count));
            sentences.Add(format(l["{0} step(s) in the legal procedures: {1}."], [done.LegalEvents.Sum(e => e.Count), Counted(events)]));
        }
        if (sentences.Count == 0)
        {
            sentences.Add(l["No contact, accompaniment, referral or legal step recorded yet."]);
        }
        sentences.Add(format(l["{0} baseline sheet(s) and {1} client summary sheet(s) recorded."], [done.BaselineSheets, done.SummarySheets]));
        sentences.Add(l["Main interventions: …"]);
        return string.Join(" ", sentences);
    }
}
