using System.Globalization;
using System.Text.Json;

namespace Trajet.Web.Features.Instruments;

/// <summary>Records a client summary sheet; every value outside the scales is refused, naming its field.</summary>
public static class RecordSummarySheet
{
    /// <summary>The sheet as API.md fixes it; the form fills the same shape.</summary>
    /// <param name="Member">The member the profile describes; the first adult when left out.</param>
    /// <param name="ReleasedFromDetention">Question 12 as the case manager answers it, over what the chronology says.</param>
    /// <param name="ImpactFactors">The note's last question: what undermined or favoured the impact.</param>
    public sealed record Input(
        DateOnly? Date, Dictionary<string, string?>? Impact, GroupInput? Group1, GroupInput? Group2, GroupInput? Group3,
        string? Observations, SummaryProfile? Profile, Guid? Member = null, string? ReleasedFromDetention = null, string? ImpactFactors = null);

    public sealed record GroupInput(string? Impact, string? Obstacles, Dictionary<string, string?>? Prompts);

    public static List<FieldError> Validate(Input body, SummarySheet sheet, DateOnly referralDate, DateOnly today)
    {
        var errors = new List<FieldError>();
        if (body.ReleasedFromDetention is { } released && !KebabEnum.TryParse<PromptAnswer>(released, out _))
        {
            errors.Add(FieldError.NotAccepted("releasedFromDetention"));
        }
        if (body.Date is not { } date)
        {
            errors.Add(new("date", "The date is required."));
        }
        else if (date > today)
        {
            errors.Add(new("date", "The date cannot be in the future."));
        }
        else if (date < referralDate)
        {
            errors.Add(new("date", "The sheet cannot be dated before the referral."));
        }
        else
        {
            sheet.Date = date;
        }

        var overall = body.Impact ?? [];
        foreach (var key in overall.Keys.Where(k => SummaryQuestions.Impacts.Take(3).All(i => i.Key != k)))
        {
            errors.Add(new($"impact.{key}", "Unknown question."));
        }
        var groups = new[] { body.Group1, body.Group2, body.Group3 };
        for (var i = 0; i < SummaryQuestions.Impacts.Count; i++)
        {
            // The three overall questions sit under "impact"; each group's own under "groupN.impact".
            var question = SummaryQuestions.Impacts[i];
            var (field, value) = i < 3
                ? ($"impact.{question.Key}", overall.GetValueOrDefault(question.Key))
                : ($"{question.Key}.impact", groups[i - 3]?.Impact);
            if (KebabEnum.TryParse<ImpactLevel>(value, out var level))
            {
                question.Property.SetValue(sheet, level);
            }
            else
            {
                errors.Add(new(field, value is null ? "Choose an impact level." : FieldError.NotAcceptedMessage));
            }
        }

        for (var g = 1; g <= 3; g++)
        {
            var group = groups[g - 1];
            if (group?.Obstacles?.Length > 2000)
            {
                errors.Add(new($"group{g}.obstacles", "At most 2000 characters."));
            }
            SummaryQuestions.ObstaclesOf(g).SetValue(sheet, string.IsNullOrWhiteSpace(group?.Obstacles) ? null : group.Obstacles.Trim());
            var prompts = group?.Prompts ?? [];
            foreach (var key in prompts.Keys.Where(k => !SummaryQuestions.Prompts.Any(p => p.Group == g && p.Key == k)))
            {
                errors.Add(new($"group{g}.prompts.{key}", "Unknown question."));
            }
            foreach (var prompt in SummaryQuestions.Prompts.Where(p => p.Group == g))
            {
                var value = prompts.GetValueOrDefault(prompt.Key);
                if (value is null)
                {
                    prompt.Property.SetValue(sheet, null); // no answer
                }
                else if (KebabEnum.TryParse<PromptAnswer>(value, out var answer))
                {
                    prompt.Property.SetValue(sheet, answer);
                }
                else
                {
                    errors.Add(FieldError.NotAccepted($"group{g}.prompts.{prompt.Key}"));
                }
            }
        }
        if (body.Observations?.Length > 4000)
        {
            errors.Add(new("observations", "At most 4000 characters."));
        }
        sheet.Observations = string.IsNullOrWhiteSpace(body.Observations) ? null : body.Observations.Trim();
        if (body.ImpactFactors?.Length > 4000)
        {
            errors.Add(new("impactFactors", "At most 4000 characters."));
        }
        sheet.ImpactFactors = string.IsNullOrWhiteSpace(body.ImpactFactors) ? null : body.ImpactFactors.Trim();
        return errors;
    }

    /// <param name="case">The case as its page shows it: the profile left out is drawn from it.</param>
    /// <param name="l">The language the pre-filled profile is written in (the caller's).</param>
    public static async Task<Result<SummarySheet>> ExecuteAsync(
        TrajetDbContext db, UserContext user, Case owner, CaseDto @case, Input body, DateOnly today, IStringLocalizer l, CancellationToken ct)
    {
        var sheet = new SummarySheet { CaseId = owner.Id, FamilyId = owner.FamilyId, OrganisationId = owner.OrganisationId, ProgrammeId = owner.ProgrammeId, CreatedByUserId = user.Id };
        var errors = Validate(body, sheet, @case.Referral.Date, today);
        var person = body.Member is { } chosen ? @case.Members.FirstOrDefault(m => m.Id == chosen) : SummaryProfile.DefaultMember(@case);
        if (body.Member is not null && person is null)
        {
            errors.Add(new("member", "Choose a member of this household."));
        }
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }
        sheet.MemberId = person?.Id;
        var facts = await SummaryFacts.ReadAsync(db, owner.Id, sheet.Date, ct);
        var profile = body.Profile ?? SummaryProfile.From(@case, person, sheet.Date, facts, l, CultureInfo.CurrentCulture);
        // The case manager's answer wins; a profile sent without one gets the chronology's, as a pre-filled one does.
        profile = profile with
        {
            ReleasedFromDetention = body.ReleasedFromDetention ?? profile.ReleasedFromDetention ?? facts.ReleasedAfterDetention?.ToKebab(),
        };
        sheet.Profile = JsonSerializer.Serialize(profile, Json);
        db.Add(sheet);
        await db.SaveChangesAsync(ct);
        return sheet;
    }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
