namespace Trajet.Web.Features.Cases;

/// <summary>The fields of a person as the add and edit forms post them.</summary>
public sealed class MemberForm
{
    public MemberRole? Role { get; set; } = MemberRole.Parent;
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Aliases { get; set; }
    public Gender Gender { get; set; } = Gender.Unknown;
    public DateOnly? BirthDate { get; set; }
    public int? EstimatedAge { get; set; }
    public string? Nationality { get; set; } = Codes.Unknown;
    /// <summary>ISO 639-1 codes, from a list of names (a value "hy, ru" from an older client is split too).</summary>
    public List<string> Languages { get; set; } = [];
    public List<Vulnerability> Vulnerabilities { get; set; } = [];
    public string? FamilyLinks { get; set; }
    public int? ArrivalYear { get; set; }
    public bool? EverHadLegalStay { get; set; }
    public bool? AskedAsylumOnArrival { get; set; }
    public int? DetentionDays { get; set; }
    public int? ReDetentions { get; set; }
    public string? ConditionsImposed { get; set; }
    public int Version { get; set; }

    public MemberRules.Input ToInput() => new(Role, FirstName, LastName, Gender, BirthDate, EstimatedAge, Nationality,
        Languages.SelectMany(l => (l ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList(),
        (Aliases ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        Vulnerabilities, FamilyLinks, ArrivalYear, EverHadLegalStay, AskedAsylumOnArrival, DetentionDays, ReDetentions, ConditionsImposed);

    public static MemberForm From(Member m) => new()
    {
        Role = m.Role,
        FirstName = m.FirstName,
        LastName = m.LastName,
        Aliases = m.Aliases,
        Gender = m.Gender,
        BirthDate = m.BirthDate,
        EstimatedAge = m.EstimatedAge,
        Nationality = m.Nationality,
        Languages = [.. m.Languages.Split(',', StringSplitOptions.RemoveEmptyEntries)],
        Vulnerabilities = m.Vulnerabilities.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(v => Infrastructure.KebabEnum.TryParse<Vulnerability>(v, out var parsed) ? parsed : (Vulnerability?)null)
            .OfType<Vulnerability>().ToList(),
        FamilyLinks = m.FamilyLinks,
        ArrivalYear = m.ArrivalYear,
        EverHadLegalStay = m.EverHadLegalStay,
        AskedAsylumOnArrival = m.AskedAsylumOnArrival,
        DetentionDays = m.DetentionDays,
        ReDetentions = m.ReDetentions,
        ConditionsImposed = m.ConditionsImposed,
        Version = m.Version,
    };
}
