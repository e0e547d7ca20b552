using Trajet.Web.Features.Accounts;

namespace Trajet.Web.Features.Cases;

/// <summary>Who may do what with cases; which cases a user sees is <see cref="Organisations.Wall"/>.</summary>
public static class CaseAccess
{
    /// <summary>Opening cases and writing in them; evaluators only read aggregates.</summary>
    public static bool CanWrite(UserContext user) =>
        user.OrganisationId is not null &&
        (user.IsCoordinator || user.IsInRole(Roles.CaseManager) || user.IsInRole(Roles.OutreachWorker) || user.IsInRole(Roles.Mediator));
}
