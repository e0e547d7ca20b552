namespace Trajet.Web.Features.Accounts;

/// <summary>What an account must be: administrators stand outside every organisation, everyone else inside one.</summary>
public static class AccountRules
{
    public static List<FieldError> Validate(IReadOnlyCollection<string> roles, Guid? organisationId, IEnumerable<Guid> programmeOrganisationIds)
    {
        var errors = new List<FieldError>();
        if (roles.Count == 0)
        {
            errors.Add(new("roles", "Choose at least one role."));
        }
        if (roles.Any(r => !Roles.All.Contains(r)))
        {
            errors.Add(FieldError.NotAccepted("roles"));
        }
        var isAdministrator = roles.Contains(Roles.Administrator);
        if (isAdministrator && (organisationId is not null || roles.Count > 1))
        {
            errors.Add(new("roles", "An administrator belongs to no organisation and has no other role."));
        }
        if (!isAdministrator && roles.Count > 0 && organisationId is null)
        {
            errors.Add(new("organisationId", "Choose the user's organisation."));
        }
        if (programmeOrganisationIds.Any(o => o != organisationId))
        {
            errors.Add(new("programmeIds", "A user works only in programmes of their own organisation."));
        }
        return errors;
    }
}
