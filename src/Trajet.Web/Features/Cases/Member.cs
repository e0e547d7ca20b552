namespace Trajet.Web.Features.Cases;

public enum MemberRole { Parent, Child, Other }

public enum Gender { Female, Male, Other, Unknown }

/// <summary>A person in a case's household (the only person of an individual case).</summary>
public sealed class Member
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public Guid OrganisationId { get; set; }
    public MemberRole Role { get; set; }
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public Gender Gender { get; set; } = Gender.Unknown;
    public DateOnly? BirthDate { get; set; }
    public int? EstimatedAge { get; set; }
    /// <summary>ISO 3166-1 alpha-2, or <c>stateless</c> / <c>unknown</c>.</summary>
    public string Nationality { get; set; } = "unknown";
    /// <summary>ISO 639-1 codes, comma-separated.</summary>
    public string Languages { get; set; } = "";
    /// <summary>Lower-case, accent-free first and last names for search.</summary>
    public string SearchName { get; set; } = "";
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public int Version { get; set; }
}
