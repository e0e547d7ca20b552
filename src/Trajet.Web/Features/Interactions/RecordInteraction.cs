using System.Text.Json.Serialization;

namespace Trajet.Web.Features.Interactions;

/// <summary>Records an interaction: quick enough for a phone after a home visit.</summary>
public static class RecordInteraction
{
    /// <summary>What the form and the API send (the API's enums in kebab-case); the last three are an interview's.</summary>
    public sealed record Input
    {
        public InteractionType? Type { get; init; }
        public AccompanimentTo? AccompanimentTo { get; init; }
        public DateOnly? Date { get; init; }
        public int? DurationMinutes { get; init; }
        public string? Participants { get; init; }
        public string? Language { get; init; }
        [JsonConverter(typeof(NullIsFalse))]
        public bool InterpreterPresent { get; init; }
        [JsonConverter(typeof(NullIsFalse))]
        public bool MediatorPresent { get; init; }
        public string? Notes { get; init; }
        public string? NextSteps { get; init; }
        public string? FileChecked { get; init; }
        public string? MissingItems { get; init; }
        public string? Conclusions { get; init; }
    }

    public static List<FieldError> Validate(Input input, DateOnly referralDate, DateOnly today)
    {
        var errors = new List<FieldError>();
        if (input.Type is null)
        {
            errors.Add(new("type", "Choose the kind of interaction."));
        }
        if (input.Type == InteractionType.Accompaniment && input.AccompanimentTo is null)
        {
            errors.Add(new("accompanimentTo", "Say where the family was accompanied."));
        }
        if (input.Date is not { } date)
        {
            errors.Add(new("date", "The date is required."));
        }
        else if (date > today)
        {
            errors.Add(new("date", "An interaction cannot be in the future."));
        }
        else if (date < referralDate)
        {
            errors.Add(new("date", "An interaction cannot be before the referral."));
        }
        if (input.DurationMinutes is < 1 or > 1440)
        {
            errors.Add(new("durationMinutes", "The duration must be between 1 and 1440 minutes."));
        }
        if (input.Language is { Length: > 0 } language && !Codes.IsLanguage(language))
        {
            errors.Add(new("language", "Unknown language code: use ISO 639-1 (e.g. hy, ru)."));
        }
        if (input.Participants?.Length > 300)
        {
            errors.Add(new("participants", "At most 300 characters."));
        }
        if (input.Notes?.Length > 8000)
        {
            errors.Add(new("notes", "At most 8000 characters."));
        }
        if (input.NextSteps?.Length > 2000)
        {
            errors.Add(new("nextSteps", "At most 2000 characters."));
        }
        foreach (var (field, text) in new[] { ("fileChecked", input.FileChecked), ("missingItems", input.MissingItems), ("conclusions", input.Conclusions) })
        {
            if (text?.Length > 4000)
            {
                errors.Add(new(field, "At most 4000 characters."));
            }
        }
        return errors;
    }

    public static async Task<Result<Interaction>> ExecuteAsync(TrajetDbContext db, UserContext user, Case @case, Input input, DateOnly today, CancellationToken ct)
    {
        var errors = Validate(input, @case.Referral.Date, today);
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }
        var interaction = new Interaction
        {
            CaseId = @case.Id,
            OrganisationId = @case.OrganisationId,
            ProgrammeId = @case.ProgrammeId,
            Type = input.Type!.Value,
            AccompanimentTo = input.Type == InteractionType.Accompaniment ? input.AccompanimentTo : null,
            Date = input.Date!.Value,
            DurationMinutes = input.DurationMinutes,
            Participants = Blank(input.Participants),
            Language = Blank(input.Language)?.ToLowerInvariant(),
            InterpreterPresent = input.InterpreterPresent,
            MediatorPresent = input.MediatorPresent,
            Notes = Blank(input.Notes),
            NextSteps = Blank(input.NextSteps),
            FileChecked = Blank(input.FileChecked),
            MissingItems = Blank(input.MissingItems),
            Conclusions = Blank(input.Conclusions),
            RecordedByUserId = user.Id,
        };
        db.Add(interaction);
        await db.SaveChangesAsync(ct);
        return interaction;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
