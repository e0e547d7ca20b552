namespace Trajet.Web.Features.Outreach;

/// <summary>A person's details, added through the API or corrected on the person page; what is left out (null) stays as it was.</summary>
public static class SavePerson
{
    public const string UnknownNationality = "Unknown nationality: use ISO 3166-1 alpha-2 (e.g. SD), stateless or unknown.";

    /// <summary>What the person page and the API send (the API's enums in kebab-case).</summary>
    public sealed record Input
    {
        /// <summary>API only, when adding: the programme's slug; the user's first outreach programme when empty.</summary>
        public string? Programme { get; init; }
        public string? Nickname { get; init; }
        public string? FirstName { get; init; }
        public string? LastName { get; init; }
        public string? Phone { get; init; }
        public Gender? Gender { get; init; }
        public AgeBand? AgeBand { get; init; }
        public string? Nationality { get; init; }
        public IReadOnlyList<string>? Languages { get; init; }
    }

    /// <summary>The person's details as saved, in the shape of an input (what a merge compares an edit with).</summary>
    public static Input From(OutreachPerson person) => new()
    {
        Nickname = person.Nickname,
        FirstName = person.FirstName,
        LastName = person.LastName,
        Phone = person.Phone,
        Gender = person.Gender,
        AgeBand = person.AgeBand,
        Nationality = person.Nationality,
        Languages = person.Languages.Split(',', StringSplitOptions.RemoveEmptyEntries),
    };

    public static List<FieldError> Validate(Input input)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(input.Nickname) || input.Nickname.Trim().Length > 100)
        {
            errors.Add(new("nickname", "The nickname is required (at most 100 characters)."));
        }
        foreach (var (field, value, max) in new[] { ("firstName", input.FirstName, 100), ("lastName", input.LastName, 100), ("phone", input.Phone, 50) })
        {
            if (value?.Trim().Length > max)
            {
                errors.Add(new(field, $"At most {max} characters."));
            }
        }
        if (LogContact.Blank(input.Nationality) is { } nationality && !Codes.IsNationality(nationality))
        {
            errors.Add(new("nationality", UnknownNationality));
        }
        if (LanguagesOf(input).Any(x => !Codes.IsLanguage(x)))
        {
            errors.Add(new("languages", "Unknown language code: use ISO 639-1 (e.g. hy, ru)."));
        }
        return errors;
    }

    /// <summary>Checks the input and, if valid, copies it onto <paramref name="person"/> (the caller saves).</summary>
    public static Result<OutreachPerson> Apply(OutreachPerson person, Input input)
    {
        if (Validate(input) is { Count: > 0 } errors)
        {
            return Failure.Invalid(errors);
        }
        person.Nickname = input.Nickname!.Trim();
        person.FirstName = LogContact.Blank(input.FirstName);
        person.LastName = LogContact.Blank(input.LastName);
        person.Phone = LogContact.Blank(input.Phone);
        person.Gender = input.Gender ?? person.Gender;
        person.AgeBand = input.AgeBand ?? person.AgeBand;
        person.Nationality = LogContact.Blank(input.Nationality) ?? person.Nationality;
        if (input.Languages is not null)
        {
            person.Languages = string.Join(',', LanguagesOf(input));
        }
        person.Index();
        return person;
    }

    private static List<string> LanguagesOf(Input input) =>
        (input.Languages ?? []).Where(x => x is not null).Select(x => x.Trim().ToLowerInvariant()).Where(x => x.Length > 0).Distinct().ToList();
}
