namespace Trajet.Web.Features.Cases;

/// <summary>What a household member must satisfy before it is saved. Pure: no database, no HTTP.</summary>
public static class MemberRules
{
    public const int AdultAge = 18;

    public sealed record Input(
        MemberRole? Role,
        string? FirstName,
        string? LastName,
        Gender? Gender,
        DateOnly? BirthDate,
        int? EstimatedAge,
        string? Nationality,
        IReadOnlyList<string>? Languages,
        IReadOnlyList<string>? Aliases = null,
        IReadOnlyList<Vulnerability>? Vulnerabilities = null,
        string? FamilyLinks = null,
        int? ArrivalYear = null,
        bool? EverHadLegalStay = null,
        bool? AskedAsylumOnArrival = null,
        int? DetentionDays = null,
        int? ReDetentions = null,
        string? ConditionsImposed = null);

    public static List<FieldError> Validate(Input input, DateOnly today)
    {
        var errors = new List<FieldError>();
        if (input.Role is null)
        {
            errors.Add(new("role", "Choose parent, child or other."));
        }
        if (string.IsNullOrWhiteSpace(input.FirstName))
        {
            errors.Add(new("firstName", "The first name is required."));
        }
        else if (input.FirstName.Length > 100)
        {
            errors.Add(new("firstName", "At most 100 characters."));
        }
        if (string.IsNullOrWhiteSpace(input.LastName))
        {
            errors.Add(new("lastName", "The surname is required."));
        }
        else if (input.LastName.Length > 100)
        {
            errors.Add(new("lastName", "At most 100 characters."));
        }
        if (input.BirthDate is { } birth && (birth > today || birth < today.AddYears(-120)))
        {
            errors.Add(new("birthDate", "The birth date is impossible."));
        }
        if (input.EstimatedAge is < 0 or > 120)
        {
            errors.Add(new("estimatedAge", "The estimated age must be between 0 and 120."));
        }
        // A son or daughter is a child at any age (the report bands those over 18 apart): age never blocks a save,
        // so a child who turns 18 during the support does not lock the household.
        if (!Codes.IsNationality(input.Nationality))
        {
            errors.Add(new("nationality", "Unknown country code: use ISO 3166 (e.g. AM), stateless or unknown."));
        }
        if (input.Languages?.Any(l => !Codes.IsLanguage(l)) == true)
        {
            errors.Add(new("languages", "Unknown language code: use ISO 639-1 (e.g. hy, ru)."));
        }
        if (input.Aliases?.Any(a => a.Length > 100) == true || string.Join('\n', input.Aliases ?? []).Length > 500)
        {
            errors.Add(new("aliases", "Aliases: at most 100 characters each, 500 in all."));
        }
        if (input.ArrivalYear is { } arrival && (arrival > today.Year || arrival < 1900 || (input.BirthDate is { } born && arrival < born.Year)))
        {
            errors.Add(new("arrivalYear", "The arrival year is impossible."));
        }
        if (input.DetentionDays is < 0 or > 36500)
        {
            errors.Add(new("detentionDays", "The days in detention must be between 0 and 36500."));
        }
        if (input.ReDetentions is < 0 or > 100)
        {
            errors.Add(new("reDetentions", "The number of re-detentions must be between 0 and 100."));
        }
        if (input.FamilyLinks?.Length > 1000)
        {
            errors.Add(new("familyLinks", "At most 1000 characters."));
        }
        if (input.ConditionsImposed?.Length > 1000)
        {
            errors.Add(new("conditionsImposed", "At most 1000 characters."));
        }
        return errors;
    }

    /// <summary>The last birth date of someone who is at least <paramref name="age"/> on <paramref name="day"/> (as <see cref="AgeOn"/>
    /// counts, 29 February included): lets a database compare birth dates instead of computing ages.</summary>
    public static DateOnly LatestBirthDateForAge(DateOnly day, int age)
    {
        var born = day.AddYears(-age);
        while (born.AddDays(1).AddYears(age) <= day)
        {
            born = born.AddDays(1);
        }
        return born;
    }

    public static int? AgeOn(DateOnly? birthDate, int? estimatedAge, DateOnly day)
    {
        if (birthDate is not { } birth)
        {
            return estimatedAge;
        }
        var age = day.Year - birth.Year;
        return birth.AddYears(age) > day ? age - 1 : age;
    }
}
