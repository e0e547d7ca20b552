namespace Trajet.Web.Features.Accounts;

/// <summary>
/// A field session: signed in on a phone the organisation registered, a field worker stays signed in through a round
/// (a longer idle timeout) but never past a hard end counted from sign-in. Everyone else keeps the ordinary idle timeout.
/// </summary>
public static class FieldSessions
{
    /// <summary>The roles that work away from the office: rounds, mediation, home visits.</summary>
    public static readonly IReadOnlyList<string> FieldRoles = [Roles.OutreachWorker, Roles.Mediator, Roles.CaseManager];

    /// <summary>Roles whose reach is too wide to leave signed in on a phone, whatever else they hold.</summary>
    public static readonly IReadOnlyList<string> NeverRoles = [Roles.Administrator, Roles.Evaluator];

    public static bool MayHave(IReadOnlyCollection<string> roles) => roles.Any(FieldRoles.Contains) && !roles.Any(NeverRoles.Contains);

    /// <param name="IdleTimeout">The ticket's span: signed out after this long without a request (<c>Security:FieldIdleTimeoutMinutes</c>, 240).</param>
    /// <param name="Longest">The round's hard cap from sign-in, however active (<c>Security:FieldSessionHours</c>, 10).</param>
    public sealed record Settings(TimeSpan IdleTimeout, TimeSpan Longest)
    {
        public static Settings From(int idleTimeoutMinutes, int sessionHours) =>
            new(TimeSpan.FromMinutes(idleTimeoutMinutes), TimeSpan.FromHours(sessionHours));

        /// <summary>When a field session that started then ends, however active.</summary>
        public DateTime EndOf(DateTime startedAt) => startedAt + Longest;
    }
}
