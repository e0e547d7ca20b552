using System.Globalization;

namespace Trajet.Web.Features.Instruments;

/// <summary>The profile part of the client summary sheet, as short texts the worker can correct.</summary>
public sealed record SummaryProfile(
    string? Gender, string? Age, string? Nationality, string? Vulnerabilities, string? FamilyLinks, string? ConditionsImposed,
    string? LengthOfStay, string? DetentionExperience, string? TimeInProject, string? Interactions, string? EntryRoute,
    string? ReleasedFromDetention, string? KnownBefore, string? RiskAtIntake, string? StatusNow, string? Other)
{
    public static readonly SummaryProfile Empty = new(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    /// <summary>The person a sheet describes unless the case manager chooses another: the first adult, or the first member.</summary>
    public static MemberDto? DefaultMember(CaseDto c) => c.Members.FirstOrDefault(m => m.Role != MemberRole.Child) ?? c.Members.FirstOrDefault();

    /// <summary>Pre-fills from the case file about <paramref name="person"/>, with what the records answered on the sheet's date.</summary>
    public static SummaryProfile From(CaseDto c, MemberDto? person, DateOnly date, SummaryFacts facts, IStringLocalizer l, CultureInfo culture)
    {
        // Over the periods of support when the case has them (a reopened case's time closed is not support).
        var months = c.SupportPeriods.Count > 0 ? SupportTime.Days(c.SupportPeriods, date) / 30
            : c.AdmittedOn is { } admitted ? (int)((c.ClosedOn ?? date).DayNumber - admitted.DayNumber) / 30 : (int?)null;
        var status = c.Status == CaseStatus.Closed && c.Outcome is { } outcome ? outcome.ToKebab() : c.Status.ToKebab();
        return new SummaryProfile(
            person?.Gender.ToKebab(),
            person?.Age?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            person?.Nationality,
            person is null ? null : string.Join(", ", person.Vulnerabilities),
            person?.FamilyLinks,
            person?.ConditionsImposed,
            person?.YearsInCountry is { } years ? $"{years} years" : null,
            person?.DetentionDays is { } days ? $"{days} days, re-detained {person.ReDetentions ?? 0} times" : null,
            months is { } m ? $"{m} months" : null,
            InteractionFrequency.Describe(facts.Interactions, l, culture),
            c.Referral.Source.ToKebab(),
            facts.ReleasedAfterDetention?.ToKebab(),
            c.Referral.KnownBefore is { } known ? (known ? "yes" : "no") : null,
            c.Referral.RiskAtIntake.ToKebab(),
            status,
            null);
    }
}
