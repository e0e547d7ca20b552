namespace Trajet.Web.Features.ActionPlans;

/// <summary>What the action plan's entries must satisfy. Pure.</summary>
public static class PlanRules
{
    public static List<FieldError> Goal(DurableSolution? option, string? description, DateOnly? agreedOn, DateOnly referral, DateOnly today)
    {
        var errors = new List<FieldError>();
        if (option is null or DurableSolution.None)
        {
            errors.Add(new("option", "Choose the option the goal pursues."));
        }
        Text(errors, "description", description, 1000, required: true);
        Day(errors, "agreedOn", agreedOn, referral, today, "The date cannot be before the referral.");
        return errors;
    }

    public static List<FieldError> Action(string? description, ActionOwner? owner, DateOnly? due, DateOnly referral)
    {
        var errors = new List<FieldError>();
        Text(errors, "description", description, 1000, required: true);
        if (owner is null)
        {
            errors.Add(new("owner", "Say who does it."));
        }
        if (due is { } d && d < referral)
        {
            errors.Add(new("dueDate", "The due date cannot be before the referral."));
        }
        return errors;
    }

    /// <param name="planStart">The first goal's agreement date; a review cannot come before the plan.</param>
    public static List<FieldError> Review(DateOnly? date, string? progress, string? changes, DateOnly? planStart, DateOnly today)
    {
        var errors = new List<FieldError>();
        if (planStart is null)
        {
            errors.Add(new("date", "Agree a goal with the family before reviewing the plan."));
        }
        else
        {
            Day(errors, "date", date, planStart.Value, today, "A review cannot be before the plan's start.");
        }
        Text(errors, "progress", progress, 4000, required: true);
        Text(errors, "changes", changes, 4000, required: false);
        return errors;
    }

    private static void Day(List<FieldError> errors, string field, DateOnly? day, DateOnly earliest, DateOnly today, string tooEarly)
    {
        if (day is not { } d)
        {
            errors.Add(new(field, "The date is required."));
        }
        else if (d > today)
        {
            errors.Add(new(field, "The date cannot be in the future."));
        }
        else if (d < earliest)
        {
            errors.Add(new(field, tooEarly));
        }
    }

    private static void Text(List<FieldError> errors, string field, string? text, int max, bool required)
    {
        if (required && string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new(field, "This field is required."));
        }
        else if (text?.Length > max)
        {
            errors.Add(new(field, max == 1000 ? "At most 1000 characters." : "At most 4000 characters."));
        }
    }
}
