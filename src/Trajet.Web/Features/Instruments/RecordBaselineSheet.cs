namespace Trajet.Web.Features.Instruments;

/// <summary>Records a baseline sheet: every one of the 14 items scored 0–10.</summary>
public static class RecordBaselineSheet
{
    public sealed record ItemScore
    {
        public int Item { get; init; }
        public int? Score { get; init; }
        public string? Why { get; init; }
    }

    /// <summary>What the form and the API send: the sheet's date, the day it describes (its date when left out), the 14 scores.</summary>
    public sealed record Input
    {
        public DateOnly? Date { get; init; }
        public DateOnly? SituationOn { get; init; }
        // A JSON null is no scores, as before (the rules then name each item to score).
        [NullIsEmpty]
        public List<ItemScore> Scores { get; init => field = value ?? []; } = [];
    }

    public static List<FieldError> Validate(Input input, DateOnly referralDate, DateOnly today)
    {
        var errors = new List<FieldError>();
        if (input.Date is not { } date)
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
        if (input.SituationOn is { } situation && (situation > (input.Date ?? today) || situation < referralDate))
        {
            errors.Add(new("situationOn", "The situation described must be between the referral and the sheet's date."));
        }
        foreach (var item in BaselineItems.All)
        {
            var index = input.Scores.FindIndex(s => s.Item == item.Number);
            if (index < 0 || input.Scores[index].Score is null)
            {
                errors.Add(new($"scores[{item.Number}]", "Score every item from 0 to 10."));
            }
        }
        for (var i = 0; i < input.Scores.Count; i++)
        {
            var score = input.Scores[i];
            if (score.Item is < 1 or > 14 || input.Scores.Count(s => s.Item == score.Item) > 1)
            {
                errors.Add(new($"scores[{i}].item", "Items are numbered 1 to 14, each once."));
            }
            if (score.Score is < 0 or > 10)
            {
                errors.Add(new($"scores[{i}].score", "A score is between 0 and 10."));
            }
            if (score.Why?.Length > 1000)
            {
                errors.Add(new($"scores[{i}].why", "At most 1000 characters."));
            }
        }
        return errors;
    }

    public static async Task<Result<BaselineSheet>> ExecuteAsync(TrajetDbContext db, UserContext user, Case @case, Input input, DateOnly today, CancellationToken ct)
    {
        var errors = Validate(input, @case.Referral.Date, today);
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }
        var sheet = new BaselineSheet
        {
            CaseId = @case.Id,
            OrganisationId = @case.OrganisationId,
            ProgrammeId = @case.ProgrammeId,
            Date = input.Date!.Value,
            SituationOn = input.SituationOn ?? input.Date.Value,
            CreatedByUserId = user.Id,
        };
        sheet.Scores.AddRange(input.Scores.Select(s => new BaselineScore { SheetId = sheet.Id, Item = s.Item, Score = s.Score!.Value, Why = string.IsNullOrWhiteSpace(s.Why) ? null : s.Why.Trim() }));
        db.BaselineSheets.Add(sheet);
        await db.SaveChangesAsync(ct);
        return sheet;
    }
}
