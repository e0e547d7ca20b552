namespace Trajet.Web.Features.Outreach;

/// <summary>Adds a place the team goes to: a shelter, squat, street spot, station or day centre.</summary>
public static class AddPlace
{
    /// <summary>What the form and the API send (the API's type in kebab-case); the form has no programme or country.</summary>
    public sealed record Input
    {
        /// <summary>API only: the programme's slug; the user's first outreach programme when empty.</summary>
        public string? Programme { get; init; }
        /// <summary>The default name: shown where the reader's language has none.</summary>
        public string? Name { get; init; }
        /// <summary>Optional: the name in French, Dutch, English.</summary>
        public LocalizedText? Names { get; init; }
        public PlaceType? Type { get; init; }
        public string? City { get; init; }
        public string? Region { get; init; }
        /// <summary>BE or FR; the organisation's country when empty.</summary>
        public string? Country { get; init; }
    }

    public static List<FieldError> Validate(Input input)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > 200)
        {
            errors.Add(new("name", "The name is required (at most 200 characters)."));
        }
        errors.AddRange(LocalizedText.Validate(input.Names, "names", 200, "At most 200 characters."));
        if (input.Type is null)
        {
            errors.Add(FieldError.NotAccepted("type"));
        }
        if (string.IsNullOrWhiteSpace(input.City) || input.City.Trim().Length > 100)
        {
            errors.Add(new("city", "The city is required (at most 100 characters)."));
        }
        if (input.Region?.Trim().Length > 100)
        {
            errors.Add(new("region", "At most 100 characters."));
        }
        if (input.Country is { Length: > 0 } country && country.ToUpperInvariant() is not ("BE" or "FR"))
        {
            errors.Add(new("country", "The country is BE or FR."));
        }
        return errors;
    }

    public static async Task<Result<OutreachPlace>> ExecuteAsync(TrajetDbContext db, ProgrammeRef programme, Guid organisationId, string organisationCountry, Input input, CancellationToken ct)
    {
        var errors = Validate(input);
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }
        var place = new OutreachPlace
        {
            OrganisationId = organisationId,
            ProgrammeId = programme.Id,
            Name = input.Name!.Trim(),
            Names = LocalizedText.From(input.Names),
            Type = input.Type!.Value,
            City = input.City!.Trim(),
            Region = LogContact.Blank(input.Region),
            Country = LogContact.Blank(input.Country)?.ToUpperInvariant() ?? organisationCountry,
        };
        db.OutreachPlaces.Add(place);
        await db.SaveChangesAsync(ct);
        return place;
    }
}
