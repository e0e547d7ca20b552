using Trajet.Web.Features.Accounts;

namespace Trajet.Web.Features.Cases;

/// <summary>
/// Who sees which case. Every case query starts from <see cref="Visible"/>: a record of another
/// organisation, or of a programme the user does not work in, does not exist for them (404).
/// </summary>
public static class CaseAccess
{
    public static IQueryable<Case> Visible(this IQueryable<Case> cases, UserContext user)
    {
        if (user.OrganisationId is not { } organisationId)
        {
            return cases.Where(_ => false); // system administrators manage accounts, not cases
        }
        var mine = cases.Where(c => c.OrganisationId == organisationId);
        if (user.IsCoordinator)
        {
            return mine;
        }
        var programmeIds = user.Programmes.Select(p => p.Id).ToList();
        return mine.Where(c => programmeIds.Contains(c.ProgrammeId));
    }

    /// <summary>Opening cases and writing in them; evaluators only read aggregates.</summary>
    public static bool CanWrite(UserContext user) =>
        user.OrganisationId is not null &&
        (user.IsCoordinator || user.IsInRole(Roles.CaseManager) || user.IsInRole(Roles.OutreachWorker) || user.IsInRole(Roles.Mediator));
}
