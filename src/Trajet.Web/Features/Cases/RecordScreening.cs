namespace Trajet.Web.Features.Cases;

/// <summary>Records how the case meets each admission criterion; a referred case enters screening.</summary>
public static class RecordScreening
{
    public sealed record Answer(Guid CriterionId, CriterionAnswer? Value, string? Note);

    /// <param name="date">When the screening took place (the home visit), by default today.</param>
    public static async Task<Result<Case>> ExecuteAsync(TrajetDbContext db, UserContext user, Case @case, IReadOnlyList<Answer> answers, DateOnly date, DateOnly today, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (date > today || date < @case.Referral.Date)
        {
            errors.Add(new("date", "The screening date must be between the referral and today."));
        }
        if (@case.Status is not (CaseStatus.Referred or CaseStatus.Screening))
        {
            errors.Add(new("answers", "Screening is recorded before the admission decision."));
            return Failure.Invalid(errors);
        }
        var criteria = await db.AdmissionCriteria.Where(c => c.ProgrammeId == @case.ProgrammeId && c.IsActive).Select(c => c.Id).ToListAsync(ct);
        for (var i = 0; i < answers.Count; i++)
        {
            if (!criteria.Contains(answers[i].CriterionId))
            {
                errors.Add(new($"answers[{i}].criterionId", "Unknown criterion for this programme."));
            }
            if (answers[i].Value is null)
            {
                errors.Add(new($"answers[{i}].answer", "Choose met, not met or unknown."));
            }
            if (answers[i].Note?.Length > 1000)
            {
                errors.Add(new($"answers[{i}].note", "At most 1000 characters."));
            }
        }
        if (answers.Select(a => a.CriterionId).Distinct().Count() != answers.Count)
        {
            errors.Add(new("answers", "Each criterion is answered once."));
        }
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }

        var existing = await db.ScreeningAnswers.Where(a => a.CaseId == @case.Id).ToDictionaryAsync(a => a.CriterionId, ct);
        foreach (var answer in answers)
        {
            if (!existing.TryGetValue(answer.CriterionId, out var row))
            {
                row = new ScreeningAnswer { CaseId = @case.Id, CriterionId = answer.CriterionId };
                db.ScreeningAnswers.Add(row);
            }
            row.Answer = answer.Value!.Value;
            row.Note = string.IsNullOrWhiteSpace(answer.Note) ? null : answer.Note.Trim();
            row.RecordedAt = Clock.UtcNow;
            row.RecordedByUserId = user.Id;
        }
        if (@case.Status == CaseStatus.Referred)
        {
            db.CaseStatusChanges.Add(new CaseStatusChange { CaseId = @case.Id, From = CaseStatus.Referred, To = CaseStatus.Screening, Date = date, ByUserId = user.Id });
            @case.Status = CaseStatus.Screening;
            @case.UpdatedAt = Clock.UtcNow;
        }
        await db.SaveChangesAsync(ct);
        return @case;
    }
}
