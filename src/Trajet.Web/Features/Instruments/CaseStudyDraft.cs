using System.Globalization;

namespace Trajet.Web.Features.Instruments;

/// <summary>Assembles a first draft of the case study (Annex C) from the case's own records, for the worker to rewrite. Pure.</summary>
public static class CaseStudyDraft
{
    public static CaseStudy From(CaseDto c, int summarySheets, int baselineSheets)
    {
        var adults = c.Members.Where(m => m.Role != MemberRole.Child).ToList();
        var children = c.Members.Where(m => m.Role == MemberRole.Child).ToList();
        var nationalities = string.Join(", ", c.Members.Select(m => m.Nationality).Distinct());
        var vulnerabilities = string.Join(", ", c.Members.SelectMany(m => m.Vulnerabilities).Distinct());
        var arrived = adults.Select(m => m.ArrivalYear).Where(y => y is not null).DefaultIfEmpty().Min();
        // The draft is written in English: so are the criteria it quotes, where there is an English text.
        var screening = c.Screening.Count == 0 ? "No admission criteria recorded."
            : string.Join(" ", c.Screening.Select(s => $"{s.CriterionTexts.For("en", s.Criterion)}: {s.Answer?.ToKebab() ?? "not recorded"}{(string.IsNullOrEmpty(s.Note) ? "" : $" ({s.Note})")}."));
        string Dated(StatusChangeDto s) => $"{s.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}: {s.To.ToKebab()}{(string.IsNullOrEmpty(s.Reason) ? "" : $" — {s.Reason}")}";
        var pauses = c.History.Where(h => h.To == CaseStatus.Paused).ToList();

        return new CaseStudy
        {
            CaseId = c.Id,
            Profile = $"{(c.Kind == CaseKind.Family ? "Family" : "Person")} of {adults.Count} adult(s) and {children.Count} child(ren); nationality {nationalities}" +
                (arrived is { } year ? $"; in the country since {year}" : "") + (vulnerabilities.Length > 0 ? $"; vulnerabilities: {vulnerabilities}" : "") + ".",
            Screening = $"Referred on {c.Referral.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} ({c.Referral.Source.ToKebab()}" +
                (c.Referral.ReferredBy is { } by ? $", {by}" : "") + $"), risk at intake {c.Referral.RiskAtIntake.ToKebab()}. {screening}",
            Planning = c.AdmittedOn is { } admitted ? $"Admitted on {admitted.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}. Options explored with the family: …" : "Not admitted.",
            Interventions = $"{baselineSheets} baseline sheet(s) and {summarySheets} client summary sheet(s) recorded. Main interventions: …",
            Review = pauses.Count == 0 ? "The support went on without pause." : "Pauses: " + string.Join("; ", pauses.Select(Dated)) + ".",
            Closure = c.ClosedOn is { } closed
                ? $"Closed on {closed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}: {c.Outcome?.ToKebab()}, durable solution {c.DurableSolution?.ToKebab()}."
                : $"Current status: {c.Status.ToKebab()}.",
        };
    }
}
