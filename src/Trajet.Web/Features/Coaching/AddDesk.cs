using System.Text.Json.Serialization;

namespace Trajet.Web.Features.Coaching;

/// <summary>A coordinator opens a desk of one of their programmes, with its weekly opening slots.</summary>
public static class AddDesk
{
    /// <summary>What the desks page and the API send.</summary>
    public sealed record Input
    {
        public string? Programme { get; init; }
        /// <summary>The default name: shown where the reader's language has none.</summary>
        public string? Name { get; init; }
        /// <summary>Optional: the name in French, Dutch, English.</summary>
        public LocalizedText? Names { get; init; }
        public string? Address { get; init; }
        public Region? Region { get; init; }
        public string? Contact { get; init; }
        public List<Opening>? Openings { get; init; }
    }

    public sealed record Opening
    {
        public DayOfWeek? Day { get; init; }
        [JsonConverter(typeof(TimeOfDayJson))]
        public TimeOnly? Opens { get; init; }
        [JsonConverter(typeof(TimeOfDayJson))]
        public TimeOnly? Closes { get; init; }
    }

    public static async Task<Result<Desk>> ExecuteAsync(TrajetDbContext db, UserContext user, Input input, CancellationToken ct)
    {
        if (!user.IsCoordinator)
        {
            return Failure.Forbidden;
        }
        var errors = new List<FieldError>();
        var target = user.Programmes.FirstOrDefault(p => p.Slug == input.Programme);
        if (target is null)
        {
            errors.Add(new("programme", "Choose one of your programmes."));
        }
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Length > 200)
        {
            errors.Add(new("name", "The name is required (at most 200 characters)."));
        }
        errors.AddRange(LocalizedText.Validate(input.Names, "names", 200, "At most 200 characters."));
        if (string.IsNullOrWhiteSpace(input.Address) || input.Address.Length > 300)
        {
            errors.Add(new("address", "The address is required (at most 300 characters)."));
        }
        if (input.Region is null)
        {
            errors.Add(FieldError.NotAccepted("region"));
        }
        if (input.Contact?.Length > 300)
        {
            errors.Add(new("contact", "At most 300 characters."));
        }
        var openings = input.Openings ?? [];
        if (openings.Count == 0)
        {
            errors.Add(new("openings", "Give at least one opening slot."));
        }
        for (var i = 0; i < openings.Count; i++)
        {
            if (openings[i].Day is null)
            {
                errors.Add(FieldError.NotAccepted($"openings[{i}].day"));
            }
            if (openings[i].Opens is null)
            {
                errors.Add(new($"openings[{i}].opens", TimeOfDayJson.Message));
            }
            if (openings[i].Closes is null)
            {
                errors.Add(new($"openings[{i}].closes", TimeOfDayJson.Message));
            }
            else if (openings[i].Closes <= openings[i].Opens)
            {
                errors.Add(new($"openings[{i}].closes", "The desk must close after it opens."));
            }
        }
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }
        var desk = new Desk
        {
            OrganisationId = user.OrganisationId!.Value,
            ProgrammeId = target!.Id,
            Name = input.Name!.Trim(),
            Names = LocalizedText.From(input.Names),
            Address = input.Address!.Trim(),
            Region = input.Region!.Value,
            Contact = string.IsNullOrWhiteSpace(input.Contact) ? null : input.Contact.Trim(),
        };
        desk.Openings.AddRange(openings.Select(o => new DeskOpening { DeskId = desk.Id, Day = o.Day!.Value, Opens = o.Opens!.Value, Closes = o.Closes!.Value }));
        db.Desks.Add(desk);
        await db.SaveChangesAsync(ct);
        return desk;
    }
}
