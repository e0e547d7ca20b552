namespace Trajet.Web.Features.Outreach;

/// <summary>Records that the person (re)entered the regular track: a protection or return application, the reception network.</summary>
public static class RecordOutcome
{
    /// <summary>What the person page and the API send (the API's kind in kebab-case).</summary>
    public sealed record Input
    {
        public OutcomeKind? Kind { get; init; }
        public DateOnly? Date { get; init; }
        public string? Notes { get; init; }
    }

    /// <summary>An outcome follows the team's work: not before the person's first contact, not in the future.</summary>
    public static List<FieldError> Validate(Input input, DateOnly? firstContact, DateOnly today)
    {
        var errors = new List<FieldError>();
        if (input.Kind is null)
        {
            errors.Add(FieldError.NotAccepted("kind"));
        }
        if (input.Date is not { } date)
        {
            errors.Add(new("date", "The date is required."));
        }
        else if (date > today)
        {
            errors.Add(new("date", "An outcome cannot be in the future."));
        }
        else if (firstContact is null)
        {
            errors.Add(new("date", "Record a contact with the person before an outcome."));
        }
        else if (date < firstContact)
        {
            errors.Add(new("date", "An outcome cannot be before the person's first contact."));
        }
        if (input.Notes?.Length > 1000)
        {
            errors.Add(new("notes", "At most 1000 characters."));
        }
        return errors;
    }

    public static async Task<Result<OutreachOutcome>> ExecuteAsync(TrajetDbContext db, UserContext user, OutreachPerson person, Input input, DateOnly today, CancellationToken ct)
    {
        var firstContact = await db.OutreachContacts.Where(c => c.PersonId == person.Id).MinAsync(c => (DateOnly?)c.Date, ct);
        var errors = Validate(input, firstContact, today);
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }
        var outcome = new OutreachOutcome
        {
            OrganisationId = person.OrganisationId,
            ProgrammeId = person.ProgrammeId,
            PersonId = person.Id,
            Kind = input.Kind!.Value,
            Date = input.Date!.Value,
            Notes = LogContact.Blank(input.Notes),
            RecordedByUserId = user.Id,
        };
        db.OutreachOutcomes.Add(outcome);
        await db.SaveChangesAsync(ct);
        return outcome;
    }
}
