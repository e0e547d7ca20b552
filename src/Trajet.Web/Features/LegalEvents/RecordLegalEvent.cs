namespace Trajet.Web.Features.LegalEvents;

/// <summary>Adds a step to the legal chronology; the deadline follows the organisation's rules.</summary>
public static class RecordLegalEvent
{
    /// <summary>What the form and the API send (the API's enums in kebab-case).</summary>
    public sealed record Input
    {
        public LegalEventType? Type { get; init; }
        public DateOnly? Date { get; init; }
        public string? Authority { get; init; }
        public string? Reference { get; init; }
        public string? Lawyer { get; init; }
        public LegalOutcome? Outcome { get; init; }
        public int? DaysToComply { get; init; }
        public DateOnly? Deadline { get; init; }
        public string? Notes { get; init; }
    }

    public static List<FieldError> Validate(Input input, DateOnly today)
    {
        var errors = new List<FieldError>();
        if (input.Type is null)
        {
            errors.Add(new("type", "Choose the kind of event."));
        }
        if (input.Date is not { } date)
        {
            errors.Add(new("date", "The date is required."));
        }
        else if (date > today)
        {
            errors.Add(new("date", "The date cannot be in the future."));
        }
        if (input.Deadline is { } deadline && input.Date is { } on && deadline < on)
        {
            errors.Add(new("deadline", "A deadline cannot be before its event."));
        }
        if (input.DaysToComply is < 0 or > 3650)
        {
            errors.Add(new("daysToComply", "The days to comply must be between 0 and 3650."));
        }
        foreach (var (field, value, max) in new[] { ("authority", input.Authority, 200), ("reference", input.Reference, 100), ("lawyer", input.Lawyer, 200), ("notes", input.Notes, 4000) })
        {
            if (value?.Length > max)
            {
                errors.Add(new(field, $"At most {max} characters."));
            }
        }
        return errors;
    }

    public static async Task<Result<LegalEvent>> ExecuteAsync(TrajetDbContext db, UserContext user, Case @case, Input input, DateOnly today, CancellationToken ct)
    {
        var errors = Validate(input, today);
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }
        var rules = await db.DeadlineRules.Where(r => r.OrganisationId == @case.OrganisationId).ToListAsync(ct);
        var (deadline, source) = LegalDeadlines.For(input.Type!.Value, input.Outcome, input.Date!.Value, input.DaysToComply, input.Deadline, rules);
        var legal = new LegalEvent
        {
            CaseId = @case.Id,
            OrganisationId = @case.OrganisationId,
            ProgrammeId = @case.ProgrammeId,
            Type = input.Type.Value,
            Date = input.Date.Value,
            Authority = Blank(input.Authority),
            Reference = Blank(input.Reference),
            Lawyer = Blank(input.Lawyer),
            Outcome = input.Outcome,
            DaysToComply = input.DaysToComply,
            Notes = Blank(input.Notes),
            Deadline = deadline,
            DeadlineSource = source,
            // The rule's label in each language as it reads today: a later change of the rule leaves this event's source as it was.
            DeadlineSources = LocalizedText.From(source == LegalDeadlines.ByHand ? null : LegalDeadlines.RuleFor(input.Type.Value, input.Outcome, rules)?.Labels),
            RecordedByUserId = user.Id,
        };
        db.LegalEvents.Add(legal);
        await db.SaveChangesAsync(ct);
        return legal;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
