using Trajet.Web.Data;
using Trajet.Web.Infrastructure;

namespace Trajet.Web.Features.Cases;

/// <summary>Adds a person to a case's household.</summary>
public static class AddMember
{
    public abstract record Result;
    public sealed record Added(Member Member) : Result;
    public sealed record Invalid(List<FieldError> Errors) : Result;

    public static async Task<Result> ExecuteAsync(TrajetDbContext db, Case @case, MemberRules.Input input, DateOnly today, CancellationToken ct)
    {
        var normalized = input with
        {
            Nationality = input.Nationality is { Length: 2 } n ? n.ToUpperInvariant() : input.Nationality?.ToLowerInvariant(),
            Languages = input.Languages?.Select(l => l.Trim().ToLowerInvariant()).Where(l => l.Length > 0).Distinct().ToList(),
        };
        var errors = MemberRules.Validate(normalized, today);
        if (errors.Count > 0)
        {
            return new Invalid(errors);
        }

        var member = new Member
        {
            CaseId = @case.Id,
            OrganisationId = @case.OrganisationId,
            Role = normalized.Role!.Value,
            FirstName = normalized.FirstName!.Trim(),
            LastName = normalized.LastName!.Trim(),
            Gender = normalized.Gender ?? Gender.Unknown,
            BirthDate = normalized.BirthDate,
            EstimatedAge = normalized.BirthDate is null ? normalized.EstimatedAge : null,
            Nationality = normalized.Nationality!,
            Languages = string.Join(',', normalized.Languages ?? []),
        };
        member.SearchName = NameKey.ForPerson(member.FirstName, member.LastName);
        db.Members.Add(member);
        await db.SaveChangesAsync(ct);
        return new Added(member);
    }
}
